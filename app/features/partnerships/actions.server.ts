/**
 * Form actions of the partnership pages: parse (zod) → one command → redirect with a "done"
 * notice, or the form's error. Everything works as a plain form without JavaScript.
 */
import { data, redirect } from "react-router";
import type { AppServices } from "../../services.server.ts";
import { failureResponse, parseForm } from "../accounts/actions.server.ts";
import { createThread } from "../discussions/commands.server.ts";
import type { Refusal } from "../discussions/outcome.ts";
import { bodyFromForm, NewThreadForm } from "../discussions/schemas.ts";
import { acceptPartnership, closePartnership, confirmPartnership, proposePartnership, updateAgreement, type Person } from "./lifecycle.server.ts";
import { PARTNERSHIP_OWNER_KIND } from "./queries.server.ts";
import { PartnershipAction, ProposeForm, StrengthsForm } from "./schemas.ts";
import { setStrengths } from "./strengths.server.ts";
import type { PartnershipDoneKey } from "./strings.ts";
import { addMember, createMentorPair, fileVisit, logMeeting, removeMember } from "./work.server.ts";

const done = (id: string, key: PartnershipDoneKey, anchor = "") => redirect(`/partnerships/${id}?done=${key}${anchor}`);

/** A refusal: 404 stays 404 (nothing to show), the rest go back to the form that was sent. */
function refused(r: Refusal, values: Record<string, string>) {
  if (r.status === 404) throw data(r.error, { status: 404 });
  return failureResponse({ ok: false, error: r.error, status: r.status === 429 ? 429 : 400 }, values);
}

async function startWorkspaceThread(s: AppServices, viewer: Person, request: Request, partnershipId: string) {
  const form = await parseForm(request, NewThreadForm, ["intent", "title", "bodyText", "clientId"]);
  if (!form.ok) return form.response;
  const raw = form.data as { title: string; clientId: string; body?: string; bodyText?: string };
  const result = await createThread(s, viewer, { ownerKind: PARTNERSHIP_OWNER_KIND, ownerId: partnershipId, title: raw.title, body: bodyFromForm(raw), clientId: raw.clientId, origin: new URL(request.url).origin });
  if (!result.ok) {
    if (result.status === 403 || result.status === 404) throw data(result.error, { status: result.status });
    return refused(result, { ...form.values, intent: "thread" });
  }
  return redirect(`/threads/${result.threadId}`);
}

/** Every form of the partnership page, by its intent. */
export async function partnershipPageAction(s: AppServices, viewer: Person, request: Request, id: string) {
  const intent = (await request.clone().formData()).get("intent");
  if (intent === "thread") return startWorkspaceThread(s, viewer, request, id);
  const form = await parseForm(request, PartnershipAction, ["intent", "reason", "goals", "summary", "nextSteps", "topic", "focus", "strengths", "recommendations", "className", "clientId"]);
  if (!form.ok) return form.response;
  const d = form.data;
  const p = { partnershipId: id };
  switch (d.intent) {
    case "accept": {
      const r = await acceptPartnership(s, viewer, p);
      return r.ok ? done(id, r.status === "accepted" ? "accepted" : "accepted-side") : refused(r, form.values);
    }
    case "confirm": {
      const r = await confirmPartnership(s, viewer, p);
      return r.ok ? done(id, "confirmed") : refused(r, form.values);
    }
    case "close": {
      const r = await closePartnership(s, viewer, { ...p, to: d.to, reason: d.reason });
      return r.ok ? done(id, d.to === "declined" ? "declined" : d.to === "completed" ? "completed" : "ended") : refused(r, form.values);
    }
    case "agreement": {
      const { intent: _i, ...agreement } = d;
      const r = await updateAgreement(s, viewer, { ...p, ...agreement });
      return r.ok ? done(id, "agreement") : refused(r, form.values);
    }
    case "member": {
      const r = await addMember(s, viewer, { ...p, userId: d.userId, role: d.role });
      return r.ok ? done(id, "member", "#members-heading") : refused(r, form.values);
    }
    case "remove-member": {
      const r = await removeMember(s, viewer, { ...p, userId: d.userId });
      return r.ok ? done(id, "member-removed", "#members-heading") : refused(r, form.values);
    }
    case "pair": {
      const r = await createMentorPair(s, viewer, { ...p, mentorId: d.mentorId, menteeId: d.menteeId, goals: d.goals });
      return r.ok ? done(id, "pair", "#pairs-heading") : refused(r, form.values);
    }
    case "meeting": {
      const { intent: _i, ...meeting } = d;
      const r = await logMeeting(s, viewer, { ...p, ...meeting });
      return r.ok ? done(id, "meeting", "#pairs-heading") : refused(r, form.values);
    }
    case "visit": {
      const { intent: _i, ...visit } = d;
      const clientId = form.values.clientId || globalThis.crypto.randomUUID();
      const r = await fileVisit(s, viewer, { ...p, ...visit, clientId, origin: new URL(request.url).origin });
      return r.ok ? redirect(`/partnerships/${id}/visits/${r.visitId}?done=visit`) : refused(r, form.values);
    }
  }
}

/** The proposal form of /partnerships/new. */
export async function proposeAction(s: AppServices, viewer: Person, request: Request) {
  const form = await parseForm(request, ProposeForm, ["leaderOrgId", "partnerOrgId", "goals"]);
  if (!form.ok) return form.response;
  const r = await proposePartnership(s, viewer, form.data);
  return r.ok ? redirect(`/partnerships/${r.id}?done=proposed`) : refused(r, form.values);
}

/** The strengths form of /organisations/:id/strengths (checkboxes: one name, many values). */
export async function strengthsAction(s: AppServices, viewer: Person, request: Request, organisationId: string) {
  const formData = await request.formData();
  const parsed = StrengthsForm.safeParse({ topics: formData.getAll("topics").map(String) });
  if (!parsed.success) return failureResponse({ ok: false, error: parsed.error.issues[0]?.message ?? "Проверьте форму.", status: 400 }, {});
  const r = await setStrengths(s, viewer, { organisationId, topics: parsed.data.topics });
  return r.ok ? redirect(`/organisations/${organisationId}/strengths?done=1`) : refused(r, {});
}
