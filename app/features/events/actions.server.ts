/**
 * The form actions of the event pages: parse (zod) → one command → redirect with a "done" notice,
 * or the form's 400 with a Russian message. Every form works without JavaScript.
 */
import { data, redirect } from "react-router";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { failureResponse, type FormState } from "../accounts/actions.server.ts";
import { fieldErrors } from "../accounts/schemas.ts";
import { cancelEvent, cancelRegistration, createEvent, registerForEvent, updateEvent, type EventOutcome } from "./commands.server.ts";
import { createCalendarFeed, revokeCalendarFeed } from "./feeds.server.ts";
import { viewerFacts } from "./queries.server.ts";
import { EventForm, EventPageAction, FeedAction } from "./schemas.ts";
import type { DoneKey } from "./strings.ts";

type Person = Viewer & { id: string };
const MULTI = new Set(["communityIds", "practiceIds"]);

/** The form as an object; multi-selects become arrays. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  const form = await request.formData();
  const out: Record<string, unknown> = {};
  for (const [k, v] of form) {
    if (typeof v !== "string") continue;
    if (MULTI.has(k)) out[k] = [...((out[k] as string[] | undefined) ?? []), v];
    else out[k] = v;
  }
  return out;
}

const kept = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]));

/** A refusal as a response: 404 stays 404, the rest go back to the form. */
function refused(result: Exclude<EventOutcome, { ok: true }>, values: Record<string, string>) {
  if (result.status === 404) throw data(result.error, { status: 404 });
  return failureResponse({ ok: false, error: result.error, field: result.field, status: 400 }, values);
}

const done = (path: string, key: DoneKey) => redirect(`${path}?done=${key}`);

/** Creates (no `eventId`) or edits an event from the organiser's form. */
export async function saveEventAction(s: AppServices, viewer: Person, request: Request, eventId?: string) {
  const raw = await readForm(request);
  const values = kept(raw);
  const parsed = EventForm.safeParse(raw);
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const facts = await viewerFacts(s.db, viewer);
  const result = eventId ? await updateEvent(s, viewer, facts, eventId, parsed.data) : await createEvent(s, viewer, facts, parsed.data);
  if (!result.ok) return refused(result, values);
  return done(`/events/${result.id}`, eventId ? "updated" : "created");
}

/** The event page's forms: register (with answers), cancel one's registration, cancel the event. */
export async function eventPageAction(s: AppServices, viewer: Person, request: Request, eventId: string) {
  const raw = await readForm(request);
  const values = kept(raw);
  const parsed = EventPageAction.safeParse(raw);
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const facts = await viewerFacts(s.db, viewer);
  const path = `/events/${eventId}`;
  if (parsed.data.intent === "register") {
    const answers = Object.fromEntries(Object.entries(raw).filter(([k]) => k.startsWith("answer_")).map(([k, v]) => [k.slice(7), String(v)]));
    const result = await registerForEvent(s, viewer, facts, { eventId, answers });
    return result.ok ? done(path, result.status) : refused(result, values);
  }
  if (parsed.data.intent === "unregister") {
    const result = await cancelRegistration(s, viewer, { eventId });
    return result.ok ? done(path, "unregistered") : refused(result, values);
  }
  const result = await cancelEvent(s, viewer, facts, eventId);
  return result.ok ? done(path, "eventCancelled") : refused(result, values);
}

/** "Мои мероприятия": create (or replace) and revoke the personal calendar feed. */
export async function feedAction(s: AppServices, viewer: Person, request: Request) {
  const raw = await readForm(request);
  const parsed = FeedAction.safeParse(raw);
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values: {} }, { status: 400 });
  if (parsed.data.intent === "feed-revoke") {
    await revokeCalendarFeed(s, viewer.id);
    return done("/events/my", "feedRevoked");
  }
  const token = await createCalendarFeed(s, viewer.id);
  return data({ feedToken: token, errors: {} as Record<string, string>, values: {} as Record<string, string> });
}
