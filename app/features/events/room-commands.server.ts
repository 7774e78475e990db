/**
 * Writes of the live room: questions, upvotes and "answered", check-in codes and attendance per
 * session, materials and the recording link, feedback, and certificates. Each write appends to the
 * room's stream (`event_room:<id>`) in its transaction; the payloads name no person, since every
 * participant of the room follows that stream.
 */
import { randomInt } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { eventAttendance, eventCertificates, eventCheckinCodes, eventFeedback, eventMaterials, eventRegistrations, eventRoomQuestions, eventRoomVotes, organisations, users } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { formatDateRange } from "../../utils/datetime.ts";
import type { AppServices } from "../../services.server.ts";
import { createThread } from "../discussions/commands.server.ts";
import { plainTextToDoc } from "../discussions/rich-text/plain-text.ts";
import type { Services as EventServices } from "./commands.server.ts";
import { eventOr404 } from "./page.server.ts";
import { canAskInRoom, canCheckIn, canGetCertificate, canGiveFeedback, ensureEvents, requireRoom, sessionLive, type RoomStanding } from "./policy.server.ts";
import { sessionsOf, viewerFacts, type LoadedEvent } from "./queries.server.ts";
import { attendedMinutes, roomStream, standingIn } from "./room.server.ts";
import type { RoomActionInput } from "./room-schemas.ts";
import { ROOM_ERRORS, type RoomDoneKey } from "./room-strings.ts";

type Person = Viewer & { id: string };
type Services = EventServices & Pick<AppServices, "config">;
export type RoomOutcome = { ok: true; done: RoomDoneKey; certificate?: string } | { ok: false; error: string; field?: string; status: 400 | 404 };

/** Codes are read aloud and typed: an alphabet without 0/O and 1/I look-alikes' twins. */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
/** The code checked in with: short enough to announce, distinct letters from the alphabet above. */
export const CHECKIN_CODE_LENGTH = 6;
export const CERTIFICATE_CODE_LENGTH = 20;

const refuse = (error: string, field?: string, status: 400 | 404 = 400): RoomOutcome => ({ ok: false, error, status, ...(field ? { field } : {}) });

async function emit(tx: Tx, eventId: string, type: string, payload: Record<string, unknown>, actorId: string, at: Date) {
  await appendEvent(tx, { stream: roomStream(eventId), type, payload, actorId, at });
}

/** Runs one room form for the viewer: the standing is checked here, each command checks its own rule. */
export async function runRoomCommand(s: Services, viewer: Person, eventId: string, input: RoomActionInput): Promise<RoomOutcome> {
  const e = await eventOr404(s.db, eventId);
  const r = await standingIn(s.db, viewer, e, await viewerFacts(s.db, viewer));
  requireRoom(r);
  const now = s.clock.now();
  switch (input.intent) {
    case "ask":
      return ask(s, viewer, e, r, input.body, now);
    case "vote":
      return vote(s, viewer, e, r, input.questionId, now);
    case "answered":
      return markAnswered(s, viewer, e, r, input.questionId, now);
    case "open-code":
      return openCheckinCode(s, viewer, e, r, input.sessionId, now);
    case "check-in":
      return checkIn(s, viewer, e, r, input.code, now);
    case "attendance":
      return markAttendance(s, viewer, e, r, input, now);
    case "materials":
      return saveMaterials(s, viewer, e, r, input, now);
    case "feedback":
      return giveFeedback(s, viewer, e, r, input, now);
    case "certificate":
      return issueCertificate(s, viewer, e, r, now);
    case "open-chat":
      return openChat(s, viewer, e, r);
  }
}

async function ask(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, body: string, now: Date): Promise<RoomOutcome> {
  if (!canAskInRoom(r, e.access, now)) return refuse(ROOM_ERRORS.closed, "body");
  return s.db.transaction(async (tx) => {
    const [row] = await tx.insert(eventRoomQuestions).values({ eventId: e.event.id, authorId: viewer.id, body, createdAt: now }).returning({ id: eventRoomQuestions.id });
    await emit(tx, e.event.id, "question.asked", { questionId: row!.id }, viewer.id, now);
    return { ok: true as const, done: "asked" as const };
  });
}

/** One vote per person; voting twice keeps the one vote. The count moves under the question's row lock. */
async function vote(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, questionId: string, now: Date): Promise<RoomOutcome> {
  if (!canAskInRoom(r, e.access, now)) return refuse(ROOM_ERRORS.closed);
  return s.db.transaction(async (tx) => {
    const [q] = await tx.select({ id: eventRoomQuestions.id }).from(eventRoomQuestions).where(and(eq(eventRoomQuestions.id, questionId), eq(eventRoomQuestions.eventId, e.event.id))).for("update");
    if (!q) return refuse(ROOM_ERRORS.questionNotFound, undefined, 404);
    const added = await tx.insert(eventRoomVotes).values({ questionId, userId: viewer.id, createdAt: now }).onConflictDoNothing().returning({ q: eventRoomVotes.questionId });
    if (added.length) {
      await tx.update(eventRoomQuestions).set({ voteCount: sql`${eventRoomQuestions.voteCount} + 1` }).where(eq(eventRoomQuestions.id, questionId));
      await emit(tx, e.event.id, "question.voted", { questionId }, viewer.id, now);
    }
    return { ok: true as const, done: "voted" as const };
  });
}

async function markAnswered(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, questionId: string, now: Date): Promise<RoomOutcome> {
  ensureEvents(r.manage);
  return s.db.transaction(async (tx) => {
    const done = await tx
      .update(eventRoomQuestions)
      .set({ answeredAt: now })
      .where(and(eq(eventRoomQuestions.id, questionId), eq(eventRoomQuestions.eventId, e.event.id)))
      .returning({ id: eventRoomQuestions.id });
    if (!done.length) return refuse(ROOM_ERRORS.questionNotFound, undefined, 404);
    await emit(tx, e.event.id, "question.answered", { questionId }, viewer.id, now);
    return { ok: true as const, done: "answered" as const };
  });
}

async function sessionOf(s: Services, e: LoadedEvent, sessionId: string) {
  return (await sessionsOf(s.db, [e.event.id])).find((x) => x.id === sessionId) ?? null;
}

/** A new code for a live session (replacing an earlier one); only managers see it. */
async function openCheckinCode(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, sessionId: string, now: Date): Promise<RoomOutcome> {
  ensureEvents(r.manage);
  const session = await sessionOf(s, e, sessionId);
  if (!session) return refuse(ROOM_ERRORS.sessionNotFound, "sessionId");
  if (!sessionLive(session, now)) return refuse(ROOM_ERRORS.notLive, "sessionId");
  const code = randomCode(CHECKIN_CODE_LENGTH);
  return s.db.transaction(async (tx) => {
    await tx.insert(eventCheckinCodes).values({ sessionId, code, createdAt: now }).onConflictDoUpdate({ target: eventCheckinCodes.sessionId, set: { code, createdAt: now } });
    await emit(tx, e.event.id, "checkin.opened", { sessionId }, viewer.id, now);
    return { ok: true as const, done: "codeOpened" as const };
  });
}

/** A participant checks in with the code of the session that is live now. */
async function checkIn(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, code: string, now: Date): Promise<RoomOutcome> {
  const live = (await sessionsOf(s.db, [e.event.id])).filter((x) => canCheckIn(r, e.access, x, now));
  if (!live.length) return refuse(r.participant ? ROOM_ERRORS.notLive : ROOM_ERRORS.forbidden, "code");
  const codes = await s.db.select().from(eventCheckinCodes).where(inArray(eventCheckinCodes.sessionId, live.map((x) => x.id)));
  if (!codes.length) return refuse(ROOM_ERRORS.noCode, "code");
  const match = codes.find((c) => c.code === code);
  if (!match) return refuse(ROOM_ERRORS.wrongCode, "code");
  return s.db.transaction(async (tx) => {
    await tx.insert(eventAttendance).values({ sessionId: match.sessionId, userId: viewer.id, source: "code", markedAt: now }).onConflictDoNothing();
    await emit(tx, e.event.id, "attendance.marked", { sessionId: match.sessionId }, viewer.id, now);
    return { ok: true as const, done: "checkedIn" as const };
  });
}

/** The organiser's sheet for one started session: exactly the ticked participants attended it. */
async function markAttendance(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, input: { sessionId: string; userIds: string[] }, now: Date): Promise<RoomOutcome> {
  ensureEvents(r.manage);
  const session = await sessionOf(s, e, input.sessionId);
  if (!session) return refuse(ROOM_ERRORS.sessionNotFound, "sessionId");
  if (session.startsAt > now) return refuse(ROOM_ERRORS.notStarted, "sessionId");
  const wanted = [...new Set(input.userIds)];
  return s.db.transaction(async (tx) => {
    const registered = wanted.length
      ? await tx.select({ userId: eventRegistrations.userId }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.event.id), eq(eventRegistrations.status, "registered"), inArray(eventRegistrations.userId, wanted)))
      : [];
    if (registered.length !== wanted.length) return refuse(ROOM_ERRORS.notParticipant, "userIds");
    const existing = await tx.select({ userId: eventAttendance.userId }).from(eventAttendance).where(eq(eventAttendance.sessionId, session.id));
    const gone = existing.map((x) => x.userId).filter((id) => !wanted.includes(id));
    if (gone.length) await tx.delete(eventAttendance).where(and(eq(eventAttendance.sessionId, session.id), inArray(eventAttendance.userId, gone)));
    if (wanted.length) await tx.insert(eventAttendance).values(wanted.map((userId) => ({ sessionId: session.id, userId, source: "organiser" as const, markedAt: now }))).onConflictDoNothing();
    await emit(tx, e.event.id, "attendance.marked", { sessionId: session.id }, viewer.id, now);
    return { ok: true as const, done: "attendance" as const };
  });
}

async function saveMaterials(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, input: { recordingUrl?: string; materials: string }, now: Date): Promise<RoomOutcome> {
  ensureEvents(r.manage);
  const values = { recordingUrl: input.recordingUrl ?? null, materials: input.materials, updatedAt: now };
  return s.db.transaction(async (tx) => {
    await tx.insert(eventMaterials).values({ eventId: e.event.id, ...values }).onConflictDoUpdate({ target: eventMaterials.eventId, set: values });
    await emit(tx, e.event.id, "materials.updated", {}, viewer.id, now);
    return { ok: true as const, done: "materials" as const };
  });
}

/** One feedback per participant; sending again replaces it. */
async function giveFeedback(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, input: { rating: number; comment: string }, now: Date): Promise<RoomOutcome> {
  if (!canGiveFeedback(r, e.access, e.event.startsAt, now)) return refuse(ROOM_ERRORS.feedbackClosed, "rating");
  const values = { rating: input.rating, comment: input.comment, createdAt: now };
  return s.db.transaction(async (tx) => {
    await tx.insert(eventFeedback).values({ eventId: e.event.id, userId: viewer.id, ...values }).onConflictDoUpdate({ target: [eventFeedback.eventId, eventFeedback.userId], set: values });
    await emit(tx, e.event.id, "feedback.given", {}, viewer.id, now);
    return { ok: true as const, done: "feedback" as const };
  });
}

/**
 * The attendee's certificate: issued once (the name, event, dates, hours and organiser are frozen
 * then) with a random code; asking again returns the same certificate.
 */
async function issueCertificate(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding, now: Date): Promise<RoomOutcome> {
  const minutes = await attendedMinutes(s.db, e.event.id, viewer.id);
  if (!canGetCertificate(r, e.access, minutes, now)) return refuse(ROOM_ERRORS.noCertificate);
  return s.db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: eventCertificates.code }).from(eventCertificates).where(and(eq(eventCertificates.eventId, e.event.id), eq(eventCertificates.userId, viewer.id)));
    if (existing) return { ok: true as const, done: "certificate" as const, certificate: existing.code };
    const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.id));
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, e.event.organisationId));
    const code = randomCode(CERTIFICATE_CODE_LENGTH);
    const [row] = await tx
      .insert(eventCertificates)
      .values({ code, eventId: e.event.id, userId: viewer.id, personName: person!.name, eventTitle: e.event.title, dates: formatDateRange(e.event.startsAt, e.event.endsAt, e.event.timeZone), minutes, organiser: org!.name, issuedAt: now })
      .onConflictDoNothing()
      .returning({ code: eventCertificates.code });
    // A parallel request issued it first: return that one.
    const issued = row?.code ?? (await tx.select({ code: eventCertificates.code }).from(eventCertificates).where(and(eq(eventCertificates.eventId, e.event.id), eq(eventCertificates.userId, viewer.id))))[0]!.code;
    if (row) await emit(tx, e.event.id, "certificate.issued", {}, viewer.id, now);
    return { ok: true as const, done: "certificate" as const, certificate: issued };
  });
}

/** The room's chat: a discussion thread owned by the event, started once by an organiser. */
async function openChat(s: Services, viewer: Person, e: LoadedEvent, r: RoomStanding): Promise<RoomOutcome> {
  ensureEvents(r.manage);
  const result = await createThread(s, viewer, {
    ownerKind: "event",
    ownerId: e.event.id,
    title: "Чат мероприятия",
    body: plainTextToDoc("Здравствуйте! Здесь участники и организаторы общаются во время мероприятия."),
    // One chat per event and organiser: a repeated click returns the thread already started.
    clientId: `event-chat-${e.event.id}`,
  });
  return result.ok ? { ok: true, done: "chat" } : refuse(result.error);
}

/**
 * Erases what the room keeps about a deleted person: attendance, feedback and certificates (a
 * certificate prints the name, so its verification page then says «сертификат не найден»).
 * Questions stay as authored content and votes stay counted. Runs inside the deletion transaction.
 */
export async function eraseRoomRecordsOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(eventAttendance).where(eq(eventAttendance.userId, userId));
  await tx.delete(eventFeedback).where(eq(eventFeedback.userId, userId));
  await tx.delete(eventCertificates).where(eq(eventCertificates.userId, userId));
}
