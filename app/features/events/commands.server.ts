/**
 * Writes of events: create, edit and cancel an event (with sessions, questions, invited communities
 * and linked practices), register, join the waitlist, cancel a registration (promoting the first
 * person waiting). Every write appends to the `event:<id>` stream in its transaction, so search and
 * other readers follow.
 */
import { and, asc, count, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import {
  communities,
  eventQuestions,
  eventRegistrations,
  practices,
  programmeEventCommunities,
  programmeEventPractices,
  programmeEvents,
  programmeEventSessions,
  regions,
} from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { parseRichText, plainTextToDoc } from "../discussions/rich-text/document.ts";
import { renderRichText } from "../discussions/rich-text/render.server.ts";
import { parseLocalDateTime } from "../../utils/datetime.ts";
import { russianSortKey } from "../../utils/text.ts";
import { notifyParticipant } from "./notices.server.ts";
import { canManageEvent, canOrganiseFor, ensureEvents, registrationRefusal, type EventViewerFacts } from "./policy.server.ts";
import { liveRegistration, loadEvent, organisationForEvent, questionsOf } from "./queries.server.ts";
import { scheduleEventReminders } from "./reminders.server.ts";
import type { EventInput } from "./schemas.ts";
import { EVENT_ERRORS } from "./strings.ts";

export type Services = Pick<AppServices, "db" | "clock" | "jobs">;
type Person = Viewer & { id: string };
export type EventRefusal = { ok: false; error: string; field?: string; status: 400 | 404 | 409 };
export type EventOutcome<T extends object = object> = ({ ok: true } & T) | EventRefusal;

const refuse = (status: EventRefusal["status"], error: string, field?: string): EventRefusal => ({ ok: false, error, status, ...(field ? { field } : {}) });
const stream = (eventId: string) => `event:${eventId}`;

/** Checks the form's references and turns it into rows (times converted from the organiser's zone). */
async function prepare(s: Services, viewer: Person, facts: EventViewerFacts, input: EventInput) {
  const org = await organisationForEvent(s.db, input.organisationId);
  if (!org) return refuse(400, EVENT_ERRORS.unknownOrganisation, "organisationId");
  ensureEvents(canOrganiseFor(viewer, org, facts), EVENT_ERRORS.organisationForbidden);
  if (input.audienceRegionId && !(await s.db.select({ id: regions.id }).from(regions).where(eq(regions.id, input.audienceRegionId))).length) return refuse(400, EVENT_ERRORS.unknownRegion, "audienceRegionId");
  const communityIds = [...new Set(input.communityIds)];
  if (communityIds.length && (await s.db.select({ id: communities.id }).from(communities).where(inArray(communities.id, communityIds))).length !== communityIds.length) return refuse(400, EVENT_ERRORS.unknownCommunity, "communityIds");
  const practiceIds = [...new Set(input.practiceIds)];
  if (practiceIds.length && (await s.db.select({ id: practices.id }).from(practices).where(and(inArray(practices.id, practiceIds), isNotNull(practices.publishedVersionId)))).length !== practiceIds.length) return refuse(400, EVENT_ERRORS.unknownPractice, "practiceIds");
  const parsed = parseRichText(input.programme ? safeJson(input.programme) : plainTextToDoc(input.programmeText ?? ""));
  if (!parsed.ok) return refuse(400, parsed.error, "programme");
  const sessions = input.sessions
    .map((x) => ({ startsAt: parseLocalDateTime(`${x.date}T${x.start}`, org.timeZone), endsAt: parseLocalDateTime(`${x.date}T${x.end}`, org.timeZone) }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sessions.length; i++) if (sessions[i]!.startsAt < sessions[i - 1]!.endsAt) return refuse(400, "Дни мероприятия не должны пересекаться по времени.", "session0Date");
  const values = {
    title: input.title,
    titleSort: russianSortKey(input.title),
    type: input.type,
    format: input.format,
    summary: input.summary,
    programme: parsed.doc as unknown as Record<string, unknown>,
    programmeHtml: renderRichText(parsed.doc),
    onlineUrl: input.onlineUrl ?? null,
    venue: input.venue ?? null,
    organisationId: org.id,
    regionId: org.regionId,
    timeZone: org.timeZone,
    speakers: input.speakers,
    audience: input.audience,
    audienceRegionId: input.audienceRegionId ?? null,
    capacity: input.capacity ?? null,
    startsAt: sessions[0]!.startsAt,
    endsAt: sessions.reduce((m, x) => (x.endsAt > m ? x.endsAt : m), sessions[0]!.endsAt),
  };
  return { ok: true as const, values, sessions, communityIds, practiceIds };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function writeChildren(tx: Tx, eventId: string, p: { sessions: { startsAt: Date; endsAt: Date }[]; communityIds: string[]; practiceIds: string[] }) {
  await tx.delete(programmeEventSessions).where(eq(programmeEventSessions.eventId, eventId));
  await tx.insert(programmeEventSessions).values(p.sessions.map((x, position) => ({ eventId, position, ...x })));
  await tx.delete(programmeEventCommunities).where(eq(programmeEventCommunities.eventId, eventId));
  if (p.communityIds.length) await tx.insert(programmeEventCommunities).values(p.communityIds.map((communityId) => ({ eventId, communityId })));
  await tx.delete(programmeEventPractices).where(eq(programmeEventPractices.eventId, eventId));
  if (p.practiceIds.length) await tx.insert(programmeEventPractices).values(p.practiceIds.map((practiceId) => ({ eventId, practiceId })));
}

/** Keeps question ids by position so earlier answers stay attached; extra questions are removed. */
async function writeQuestions(tx: Tx, eventId: string, questions: EventInput["questions"]) {
  const existing = await tx.select({ id: eventQuestions.id, position: eventQuestions.position }).from(eventQuestions).where(eq(eventQuestions.eventId, eventId));
  for (const [position, q] of questions.entries()) {
    const values = { label: q.label, kind: q.kind, options: q.options, required: q.required };
    if (existing.some((e) => e.position === position)) await tx.update(eventQuestions).set(values).where(and(eq(eventQuestions.eventId, eventId), eq(eventQuestions.position, position)));
    else await tx.insert(eventQuestions).values({ eventId, position, ...values });
  }
  const extra = existing.filter((e) => e.position >= questions.length).map((e) => e.id);
  if (extra.length) await tx.delete(eventQuestions).where(inArray(eventQuestions.id, extra));
}

/**
 * An organiser creates an event for an organisation they may organise for; times are entered in
 * that organisation's zone. Reminders are scheduled with the event.
 */
export async function createEvent(s: Services, viewer: Person, facts: EventViewerFacts, input: EventInput): Promise<EventOutcome<{ id: string }>> {
  const p = await prepare(s, viewer, facts, input);
  if (!p.ok) return p;
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [row] = await tx.insert(programmeEvents).values({ ...p.values, createdBy: viewer.id, createdAt: now, updatedAt: now }).returning({ id: programmeEvents.id });
    const id = row!.id;
    await writeChildren(tx, id, p);
    await writeQuestions(tx, id, input.questions);
    await scheduleEventReminders(tx, s, { id, startsAt: p.values.startsAt });
    await appendEvent(tx, { stream: stream(id), type: "event.created", payload: { id }, actorId: viewer.id, at: now });
    return { ok: true as const, id };
  });
}

/** Recounts seats and the waitlist under the event row lock. */
async function recount(tx: Tx, eventId: string) {
  const rows = await tx.select({ status: eventRegistrations.status, n: count() }).from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).groupBy(eventRegistrations.status);
  const of = (st: string) => rows.find((r) => r.status === st)?.n ?? 0;
  const counts = { registeredCount: of("registered"), waitlistCount: of("waitlisted") };
  await tx.update(programmeEvents).set(counts).where(eq(programmeEvents.id, eventId));
  return counts;
}

/** Locks the event row: every registration change of one event queues behind this lock. */
async function lockEvent(tx: Tx, eventId: string) {
  const [row] = await tx
    .select({ id: programmeEvents.id, title: programmeEvents.title, capacity: programmeEvents.capacity, status: programmeEvents.status, endsAt: programmeEvents.endsAt })
    .from(programmeEvents)
    .where(eq(programmeEvents.id, eventId))
    .for("update");
  return row ?? null;
}

/** Gives free seats to the people waiting, first come first served; each is notified (in-app and mail). */
async function promoteWaiting(tx: Tx, s: Services, eventId: string, now: Date): Promise<string[]> {
  const ev = await lockEvent(tx, eventId);
  if (!ev || ev.status !== "scheduled" || ev.endsAt <= now) return [];
  const { registeredCount } = await recount(tx, eventId);
  const free = ev.capacity === null ? Number.MAX_SAFE_INTEGER : ev.capacity - registeredCount;
  if (free <= 0) return [];
  const waiting = await tx
    .select({ id: eventRegistrations.id, userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "waitlisted")))
    .orderBy(asc(eventRegistrations.waitlistedAt), asc(eventRegistrations.id))
    .limit(Math.min(free, 1000));
  if (!waiting.length) return [];
  await tx
    .update(eventRegistrations)
    .set({ status: "registered", registeredAt: now, promotedAt: now })
    .where(inArray(eventRegistrations.id, waiting.map((w) => w.id)));
  await recount(tx, eventId);
  for (const w of waiting) {
    await notifyParticipant(tx, s, { userId: w.userId, eventId, kind: "event.promoted" });
    await appendEvent(tx, { stream: stream(eventId), type: "registration.promoted", payload: { userId: w.userId }, actorId: null, at: now });
  }
  return waiting.map((w) => w.userId);
}

/**
 * Edits an event. A new start reschedules reminders (the old jobs see the change and skip) and tells
 * the participants; more seats promote people from the waitlist.
 */
export async function updateEvent(s: Services, viewer: Person, facts: EventViewerFacts, eventId: string, input: EventInput): Promise<EventOutcome<{ id: string }>> {
  const loaded = await loadEvent(s.db, eventId);
  if (!loaded) return refuse(404, EVENT_ERRORS.notFound);
  ensureEvents(canManageEvent(viewer, loaded.access, facts));
  const p = await prepare(s, viewer, facts, input);
  if (!p.ok) return p;
  const now = s.clock.now();
  const moved = p.values.startsAt.getTime() !== loaded.event.startsAt.getTime() || p.values.endsAt.getTime() !== loaded.event.endsAt.getTime();
  return s.db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    await tx.update(programmeEvents).set({ ...p.values, updatedAt: now }).where(eq(programmeEvents.id, eventId));
    await writeChildren(tx, eventId, p);
    await writeQuestions(tx, eventId, input.questions);
    if (moved && loaded.event.status === "scheduled") {
      await scheduleEventReminders(tx, s, { id: eventId, startsAt: p.values.startsAt });
      const people = await tx.select({ userId: eventRegistrations.userId }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, "cancelled")));
      for (const x of people) await notifyParticipant(tx, s, { userId: x.userId, eventId, kind: "event.moved" });
    }
    await promoteWaiting(tx, s, eventId, now);
    await appendEvent(tx, { stream: stream(eventId), type: "event.updated", payload: { id: eventId, moved }, actorId: viewer.id, at: now });
    return { ok: true as const, id: eventId };
  });
}

/** The organiser cancels the event: registration closes, everybody registered or waiting is told. */
export async function cancelEvent(s: Services, viewer: Person, facts: EventViewerFacts, eventId: string): Promise<EventOutcome> {
  const loaded = await loadEvent(s.db, eventId);
  if (!loaded) return refuse(404, EVENT_ERRORS.notFound);
  ensureEvents(canManageEvent(viewer, loaded.access, facts));
  if (loaded.event.status === "cancelled") return { ok: true };
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    await tx.update(programmeEvents).set({ status: "cancelled", updatedAt: now }).where(eq(programmeEvents.id, eventId));
    const people = await tx.select({ userId: eventRegistrations.userId }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, "cancelled")));
    for (const x of people) await notifyParticipant(tx, s, { userId: x.userId, eventId, kind: "event.cancelled" });
    await appendEvent(tx, { stream: stream(eventId), type: "event.cancelled", payload: { id: eventId }, actorId: viewer.id, at: now });
    return { ok: true as const };
  });
}

/** Checks answers against the event's questions; returns the clean answers or the first error. */
async function checkAnswers(s: Services, eventId: string, answers: Record<string, string>) {
  const clean: Record<string, string> = {};
  for (const q of await questionsOf(s.db, eventId)) {
    const a = (answers[q.id] ?? "").trim().slice(0, 1000);
    if (!a && q.required) return refuse(400, EVENT_ERRORS.answerRequired, `answer_${q.id}`);
    if (a && q.kind === "choice" && !q.options.includes(a)) return refuse(400, EVENT_ERRORS.answerChoice, `answer_${q.id}`);
    if (a) clean[q.id] = a;
  }
  return { ok: true as const, answers: clean };
}

/**
 * Registers the person: a seat while there are any, else the waitlist. The event row is locked for
 * the count and the insert, and a unique index keeps one live registration per person, so parallel
 * requests never over-book or register anyone twice.
 */
export async function registerForEvent(s: Services, viewer: Person, facts: EventViewerFacts, input: { eventId: string; answers: Record<string, string> }): Promise<EventOutcome<{ status: "registered" | "waitlisted" }>> {
  const loaded = await loadEvent(s.db, input.eventId);
  if (!loaded) return refuse(404, EVENT_ERRORS.notFound);
  const now = s.clock.now();
  const why = registrationRefusal(viewer, loaded.access, facts, now);
  if (why === "cancelled") return refuse(409, EVENT_ERRORS.cancelled);
  if (why === "finished") return refuse(409, EVENT_ERRORS.finished);
  ensureEvents(why === null, EVENT_ERRORS.notInAudience);
  const checked = await checkAnswers(s, input.eventId, input.answers);
  if (!checked.ok) return checked;
  return s.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, input.eventId);
    if (!ev) return refuse(404, EVENT_ERRORS.notFound);
    if (ev.status !== "scheduled") return refuse(409, EVENT_ERRORS.cancelled);
    if (await liveRegistration(tx, input.eventId, viewer.id)) return refuse(409, EVENT_ERRORS.alreadyRegistered);
    const { registeredCount } = await recount(tx, input.eventId);
    const status = ev.capacity === null || registeredCount < ev.capacity ? ("registered" as const) : ("waitlisted" as const);
    await tx.insert(eventRegistrations).values({
      eventId: input.eventId,
      userId: viewer.id,
      status,
      answers: checked.answers,
      createdAt: now,
      registeredAt: status === "registered" ? now : null,
      waitlistedAt: status === "waitlisted" ? now : null,
    });
    await recount(tx, input.eventId);
    await appendEvent(tx, { stream: stream(input.eventId), type: `registration.${status}`, payload: { userId: viewer.id }, actorId: viewer.id, at: now });
    return { ok: true as const, status };
  });
}

/**
 * Cancels the person's registration (or leaves the waitlist). A freed seat goes at once to the
 * first person waiting, who is notified, in the same transaction.
 */
export async function cancelRegistration(s: Services, viewer: Person, input: { eventId: string }): Promise<EventOutcome<{ promoted: string[] }>> {
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, input.eventId);
    if (!ev) return refuse(404, EVENT_ERRORS.notFound);
    const mine = await liveRegistration(tx, input.eventId, viewer.id);
    if (!mine) return refuse(409, EVENT_ERRORS.notRegistered);
    await tx.update(eventRegistrations).set({ status: "cancelled", cancelledAt: now }).where(eq(eventRegistrations.id, mine.id));
    await appendEvent(tx, { stream: stream(input.eventId), type: "registration.cancelled", payload: { userId: viewer.id }, actorId: viewer.id, at: now });
    const promoted = mine.status === "registered" ? await promoteWaiting(tx, s, input.eventId, now) : [];
    await recount(tx, input.eventId);
    return { ok: true as const, promoted };
  });
}

/**
 * Erases a deleted person's registrations (they are personal data, answers included). Each event
 * is locked first, in id order; the event's counts follow, and a freed seat goes to the first
 * person waiting, as on a cancellation. Runs inside the account-deletion transaction.
 */
export async function eraseRegistrationsOf(tx: Tx, s: Services, userId: string, now: Date): Promise<void> {
  const held = await tx
    .select({ id: eventRegistrations.id, eventId: eventRegistrations.eventId, status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(eventRegistrations.eventId));
  for (const r of held) {
    await lockEvent(tx, r.eventId);
    await tx.delete(eventRegistrations).where(eq(eventRegistrations.id, r.id));
    if (r.status === "registered" || r.status === "waitlisted") {
      // The stream says a seat changed without naming anybody: the person no longer exists.
      await appendEvent(tx, { stream: stream(r.eventId), type: "registration.cancelled", payload: {}, actorId: null, at: now });
    }
    if (r.status === "registered") await promoteWaiting(tx, s, r.eventId, now);
    await recount(tx, r.eventId);
  }
}
