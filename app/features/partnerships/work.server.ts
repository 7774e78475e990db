/**
 * The work inside a partnership: members of both schools, mentor pairs and their meeting log,
 * lesson-visit protocols (each opens a thread in the workspace, where the observed teacher answers
 * live through the discussion engine). Writes and their `partnership:<id>` events commit together.
 */
import { and, eq } from "drizzle-orm";
import { lessonVisits, mentorMeetings, mentorPairs, partnershipMembers, type PartnershipMemberRole } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import { createThread } from "../discussions/commands.server.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import { plainTextToDoc } from "../discussions/rich-text/plain-text.ts";
import { notify } from "../notifications/commands.server.ts";
import { subjectLabel } from "../vocabulary/index.ts";
import { isUniqueViolation, type Person, type PartnershipServices } from "./lifecycle.server.ts";
import { canFileVisit, canLogMeeting, canManageMembersOf, canManagePairs, ensurePartnership } from "./policy.server.ts";
import { isConfirmedStaff, isMember, loadPartnershipAccess, PARTNERSHIP_OWNER_KIND, partnershipStream } from "./queries.server.ts";
import type { MeetingInput, VisitInput } from "./schemas.ts";
import { PARTNERSHIP_ERRORS as E } from "./strings.ts";

/** Adds a confirmed staff member of one of the two schools with their role in the partnership. */
export async function addMember(s: PartnershipServices, viewer: Person, input: { partnershipId: string; userId: string; role: PartnershipMemberRole }): Promise<Outcome> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  const { row, access } = found;
  const orgId = (await isConfirmedStaff(s.db, row.partnerOrgId, input.userId)) ? row.partnerOrgId : (await isConfirmedStaff(s.db, row.leaderOrgId, input.userId)) ? row.leaderOrgId : null;
  ensurePartnership(orgId ? canManageMembersOf(viewer, access, orgId) : canManageMembersOf(viewer, access, row.leaderOrgId) || canManageMembersOf(viewer, access, row.partnerOrgId));
  if (!orgId) return refuse(400, E.notStaff);
  const now = s.clock.now();
  try {
    return await s.db.transaction(async (tx) => {
      await tx.insert(partnershipMembers).values({ partnershipId: row.id, userId: input.userId, organisationId: orgId, role: input.role, addedBy: viewer.id, addedAt: now });
      await appendEvent(tx, { stream: partnershipStream(row.id), type: "member.added", payload: { userId: input.userId }, actorId: viewer.id, at: now });
      await notify(tx, s, { userId: input.userId, kind: "partnership", payload: { title: "Партнёрство школ", text: "Вас добавили в партнёрство школ", actorId: viewer.id }, href: `/partnerships/${row.id}`, actorId: viewer.id });
      return { ok: true as const };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return refuse(409, E.alreadyMember);
    throw err;
  }
}

/** Removes a member (their pairs and protocols stay in the record). */
export async function removeMember(s: PartnershipServices, viewer: Person, input: { partnershipId: string; userId: string }): Promise<Outcome> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  const [m] = await s.db.select().from(partnershipMembers).where(and(eq(partnershipMembers.partnershipId, found.row.id), eq(partnershipMembers.userId, input.userId)));
  ensurePartnership(canManageMembersOf(viewer, found.access, m?.organisationId ?? found.row.partnerOrgId));
  if (!m) return refuse(404, E.notFound);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await tx.delete(partnershipMembers).where(and(eq(partnershipMembers.partnershipId, found.row.id), eq(partnershipMembers.userId, input.userId)));
    await appendEvent(tx, { stream: partnershipStream(found.row.id), type: "member.removed", payload: { userId: input.userId }, actorId: viewer.id, at: now });
    return { ok: true as const };
  });
}

/** Forms a mentor pair of two members (наставник and наставляемый) with its goals. */
export async function createMentorPair(s: PartnershipServices, viewer: Person, input: { partnershipId: string; mentorId: string; menteeId: string; goals: string }): Promise<Outcome<{ pairId: string }>> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  ensurePartnership(canManagePairs(viewer, found.access));
  if (input.mentorId === input.menteeId) return refuse(400, E.samePerson);
  if (!(await isMember(s.db, found.row.id, input.mentorId)) || !(await isMember(s.db, found.row.id, input.menteeId))) return refuse(400, E.notMembers);
  const now = s.clock.now();
  try {
    return await s.db.transaction(async (tx) => {
      const [pair] = await tx.insert(mentorPairs).values({ partnershipId: found.row.id, mentorId: input.mentorId, menteeId: input.menteeId, goals: input.goals, createdBy: viewer.id, createdAt: now }).returning({ id: mentorPairs.id });
      await appendEvent(tx, { stream: partnershipStream(found.row.id), type: "pair.created", payload: { pairId: pair!.id }, actorId: viewer.id, at: now });
      return { ok: true as const, pairId: pair!.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return refuse(409, E.pairExists);
    throw err;
  }
}

/** Logs a meeting of a pair (by its mentor, mentee or the curator) and updates the pair's progress. */
export async function logMeeting(s: PartnershipServices, viewer: Person, input: { partnershipId: string } & MeetingInput): Promise<Outcome<{ meetingId: string }>> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  const [pair] = await s.db.select().from(mentorPairs).where(and(eq(mentorPairs.id, input.pairId), eq(mentorPairs.partnershipId, found.row.id)));
  if (!pair) return refuse(404, E.pairNotFound);
  ensurePartnership(canLogMeeting(viewer, found.access, pair));
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(mentorMeetings)
      .values({ pairId: pair.id, heldOn: input.heldOn, summary: input.summary, nextSteps: input.nextSteps, progress: input.progress, loggedBy: viewer.id, loggedAt: now })
      .returning({ id: mentorMeetings.id });
    await tx.update(mentorPairs).set({ progress: input.progress }).where(eq(mentorPairs.id, pair.id));
    await appendEvent(tx, { stream: partnershipStream(found.row.id), type: "meeting.logged", payload: { pairId: pair.id, meetingId: meeting!.id }, actorId: viewer.id, at: now });
    return { ok: true as const, meetingId: meeting!.id };
  });
}

/** The opening post of a protocol's thread: the protocol in short, with a link to the full text. */
function protocolDigest(input: VisitInput, partnershipId: string, visitId: string): string {
  return [
    `Протокол посещения урока: ${input.className}, ${subjectLabel(input.subjectCode)}, тема «${input.topic}».`,
    `Фокус наблюдения: ${input.focus}`,
    `Сильные стороны: ${input.strengths}`,
    `Рекомендации: ${input.recommendations}`,
    `Договорённости: ${input.nextSteps}`,
    `Полный протокол: /partnerships/${partnershipId}/visits/${visitId}`,
  ].join("\n\n");
}

/**
 * The visiting teacher files an observation protocol of a member's lesson. It opens a thread in the
 * workspace where the observed teacher discusses it; the observed teacher is notified.
 */
export async function fileVisit(s: Pick<AppServices, "db" | "clock" | "jobs" | "config">, viewer: Person, input: { partnershipId: string; clientId: string; origin?: string } & VisitInput): Promise<Outcome<{ visitId: string; threadId: string }>> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  ensurePartnership(canFileVisit(viewer, found.access));
  if (input.observedId === viewer.id) return refuse(400, E.samePerson);
  if (!(await isMember(s.db, found.row.id, input.observedId))) return refuse(400, E.notMembers);
  const visitId = globalThis.crypto.randomUUID();
  const title = `Посещение урока: ${input.className}, ${subjectLabel(input.subjectCode)} — ${input.topic}`.slice(0, 200);
  const thread = await createThread(s, viewer, { ownerKind: PARTNERSHIP_OWNER_KIND, ownerId: found.row.id, title, body: plainTextToDoc(protocolDigest(input, found.row.id, visitId)), clientId: input.clientId, origin: input.origin });
  if (!thread.ok) return thread;
  if (thread.duplicate) {
    const [existing] = await s.db.select({ id: lessonVisits.id }).from(lessonVisits).where(eq(lessonVisits.threadId, thread.threadId));
    if (existing) return { ok: true, visitId: existing.id, threadId: thread.threadId };
  }
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const { partnershipId, clientId: _c, origin: _o, ...protocol } = input;
    await tx.insert(lessonVisits).values({ id: visitId, partnershipId, visitorId: viewer.id, ...protocol, threadId: thread.threadId, createdAt: now });
    await appendEvent(tx, { stream: partnershipStream(partnershipId), type: "visit.filed", payload: { visitId, threadId: thread.threadId }, actorId: viewer.id, at: now });
    await notify(tx, s, { userId: input.observedId, kind: "partnership", payload: { title, text: "Протокол посещения вашего урока: обсудите его в рабочем пространстве", actorId: viewer.id }, href: `/threads/${thread.threadId}`, actorId: viewer.id });
    return { ok: true as const, visitId, threadId: thread.threadId };
  });
}
