/**
 * Reads of the live room: the viewer's standing in an event (participant, manager), the room page
 * (join link, sessions with attendance, Q&A, materials, feedback, the certificate), and the hours a
 * person attended.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventAttendance, eventCertificates, eventCheckinCodes, eventFeedback, eventMaterials, eventRegistrations, eventRoomQuestions, eventRoomVotes, programmeEventSessions } from "../../../db/schema/index.ts";
import { streamHead } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { listThreads } from "../discussions/queries.server.ts";
import { formatEventRange } from "../../utils/datetime.ts";
import { countRu } from "../../utils/plural.ts";
import { eventOr404 } from "./page.server.ts";
import { canAskInRoom, canCheckIn, canGetCertificate, canGiveFeedback, canManageEvent, requireRoom, sessionLive, type EventViewerFacts, type RoomStanding } from "./policy.server.ts";
import { liveRegistration, loadEvent, sessionsOf, viewerFacts, type LoadedEvent } from "./queries.server.ts";
import { HOURS, VOTES } from "./room-strings.ts";

const UUID = /^[0-9a-f-]{36}$/i;
export const roomStream = (eventId: string) => `event_room:${eventId}`;

/** Hours from minutes as printed: "3 часа", "4,5 часа". */
export const hoursText = (minutes: number) => countRu(Math.round((minutes / 60) * 10) / 10, HOURS);

/** The viewer's standing in a loaded event. */
export async function standingIn(ex: Executor, viewer: Viewer, e: LoadedEvent, facts: EventViewerFacts): Promise<RoomStanding> {
  const mine = viewer.id ? await liveRegistration(ex, e.event.id, viewer.id) : null;
  return { manage: canManageEvent(viewer, e.access, facts), participant: mine?.status === "registered" };
}

/** Whether the viewer may follow the room's live stream (the stream kind "event_room"). */
export async function canReadRoomStream(ex: Executor, viewer: Viewer, eventId: string): Promise<boolean> {
  if (!viewer.id || !UUID.test(eventId)) return false;
  const e = await loadEvent(ex, eventId);
  if (!e) return false;
  const r = await standingIn(ex, viewer, e, await viewerFacts(ex, viewer));
  return r.participant || r.manage;
}

/** Minutes a person attended, over every session of the event they were marked at. */
export async function attendedMinutes(ex: Executor, eventId: string, userId: string): Promise<number> {
  const [row] = await ex
    .select({ minutes: sql<number>`coalesce(sum(extract(epoch from (${programmeEventSessions.endsAt} - ${programmeEventSessions.startsAt})) / 60), 0)::int` })
    .from(eventAttendance)
    .innerJoin(programmeEventSessions, eq(programmeEventSessions.id, eventAttendance.sessionId))
    .where(and(eq(programmeEventSessions.eventId, eventId), eq(eventAttendance.userId, userId)));
  return Number(row?.minutes ?? 0);
}

async function questionsFor(ex: Executor, viewer: Viewer, eventId: string) {
  const rows = await ex
    .select({ id: eventRoomQuestions.id, body: eventRoomQuestions.body, authorId: eventRoomQuestions.authorId, votes: eventRoomQuestions.voteCount, answeredAt: eventRoomQuestions.answeredAt })
    .from(eventRoomQuestions)
    .where(eq(eventRoomQuestions.eventId, eventId))
    .orderBy(sql`${eventRoomQuestions.answeredAt} is not null`, desc(eventRoomQuestions.voteCount), asc(eventRoomQuestions.createdAt), asc(eventRoomQuestions.id));
  const ids = rows.map((r) => r.id);
  const [mine, people] = await Promise.all([
    viewer.id && ids.length ? ex.select({ id: eventRoomVotes.questionId }).from(eventRoomVotes).where(and(eq(eventRoomVotes.userId, viewer.id), inArray(eventRoomVotes.questionId, ids))) : [],
    loadPeople(ex, viewer, rows.flatMap((r) => (r.authorId ? [r.authorId] : []))),
  ]);
  const voted = new Set(mine.map((m) => m.id));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    author: r.authorId ? (people.get(r.authorId)?.name ?? "Участник") : "Удалённый пользователь",
    mine: r.authorId !== null && r.authorId === viewer.id,
    votes: r.votes,
    votesText: countRu(r.votes, VOTES),
    voted: voted.has(r.id),
    answered: r.answeredAt !== null,
  }));
}

/** The organiser's attendance sheet: registered participants with the sessions they attended. */
async function attendanceSheet(ex: Executor, viewer: Viewer, eventId: string, sessionIds: string[]) {
  const regs = await ex.select({ userId: eventRegistrations.userId }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "registered"))).orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id));
  const marks = sessionIds.length ? await ex.select({ sessionId: eventAttendance.sessionId, userId: eventAttendance.userId }).from(eventAttendance).where(inArray(eventAttendance.sessionId, sessionIds)) : [];
  const people = await loadPeople(ex, viewer, regs.map((r) => r.userId));
  return regs.map((r) => ({ userId: r.userId, name: people.get(r.userId)?.name ?? "Участник", sessions: marks.filter((m) => m.userId === r.userId).map((m) => m.sessionId) }));
}

/** The room page for the viewer (403 outside the room). */
export async function loadRoomPage(ex: Executor, viewer: Viewer, input: { id: string; zone: ViewerZone; now: Date }) {
  const e = await eventOr404(ex, input.id);
  const ev = e.event;
  const facts = await viewerFacts(ex, viewer);
  const r = await standingIn(ex, viewer, e, facts);
  requireRoom(r);
  const now = input.now;
  const [sessions, questions, materials, head] = await Promise.all([sessionsOf(ex, [ev.id]), questionsFor(ex, viewer, ev.id), ex.select().from(eventMaterials).where(eq(eventMaterials.eventId, ev.id)), streamHead(ex, roomStream(ev.id))]);
  const sessionIds = sessions.map((x) => x.id);
  const [codes, myMarks, feedback, certificate, minutes, sheet, chat] = await Promise.all([
    r.manage && sessionIds.length ? ex.select().from(eventCheckinCodes).where(inArray(eventCheckinCodes.sessionId, sessionIds)) : [],
    viewer.id && sessionIds.length ? ex.select({ sessionId: eventAttendance.sessionId }).from(eventAttendance).where(and(eq(eventAttendance.userId, viewer.id), inArray(eventAttendance.sessionId, sessionIds))) : [],
    viewer.id ? ex.select({ rating: eventFeedback.rating, comment: eventFeedback.comment }).from(eventFeedback).where(and(eq(eventFeedback.eventId, ev.id), eq(eventFeedback.userId, viewer.id))) : [],
    viewer.id ? ex.select({ code: eventCertificates.code }).from(eventCertificates).where(and(eq(eventCertificates.eventId, ev.id), eq(eventCertificates.userId, viewer.id))) : [],
    viewer.id ? attendedMinutes(ex, ev.id, viewer.id) : 0,
    r.manage ? attendanceSheet(ex, viewer, ev.id, sessionIds) : [],
    listThreads(ex, viewer, { ownerKind: "event", ownerId: ev.id }),
  ]);
  const live = sessions.filter((x) => sessionLive(x, now));
  const attended = new Set(myMarks.map((m) => m.sessionId));
  return {
    event: {
      id: ev.id,
      title: ev.title,
      organisation: e.org.shortName,
      when: formatEventRange(ev.startsAt, ev.endsAt, input.zone, e.organiserZone),
      cancelled: ev.status === "cancelled",
      past: ev.endsAt <= now,
      started: ev.startsAt.getTime() <= now.getTime(),
    },
    stream: { key: roomStream(ev.id), head },
    standing: r,
    joinUrl: live.length && ev.status === "scheduled" ? ev.onlineUrl : null,
    sessions: sessions.map((x, i) => ({
      id: x.id,
      label: sessions.length > 1 ? `День ${i + 1}` : "Занятие",
      when: formatEventRange(x.startsAt, x.endsAt, input.zone, e.organiserZone),
      live: sessionLive(x, now),
      started: x.startsAt <= now,
      attended: attended.has(x.id),
      code: codes.find((c) => c.sessionId === x.id && sessionLive(x, now))?.code ?? null,
    })),
    questions,
    materials: materials[0] ? { recordingUrl: materials[0].recordingUrl, text: materials[0].materials } : null,
    feedback: feedback[0] ?? null,
    hours: minutes > 0 ? hoursText(minutes) : null,
    certificate: certificate[0]?.code ?? null,
    /** The chat's threads (the first one started is the chat). */
    chat: chat.threads.map((t) => ({ id: t.id, title: t.title, replies: t.replyCount })),
    sheet,
    can: {
      ask: canAskInRoom(r, e.access, now),
      answer: r.manage,
      checkIn: live.some((x) => canCheckIn(r, e.access, x, now) && !attended.has(x.id)),
      feedback: canGiveFeedback(r, e.access, ev.startsAt, now),
      certificate: canGetCertificate(r, e.access, minutes, now),
    },
  };
}
export type RoomPage = Awaited<ReturnType<typeof loadRoomPage>>;

