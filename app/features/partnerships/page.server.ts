/**
 * What the partnership pages show, assembled on the server for this viewer: the public card and
 * history for everyone; members, mentor pairs, visit protocols, files and the workspace threads
 * only for the partnership's insiders. People are rendered through loadPeople.
 */
import { data } from "react-router";
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { listThreads } from "../discussions/queries.server.ts";
import { loadPeople, type PersonView } from "../profiles/people.server.ts";
import { subjectLabel } from "../vocabulary/index.ts";
import { formatDate, formatDateTime } from "../../utils/datetime.ts";
import {
  acceptingSide,
  canComplete,
  canConfirm,
  canDecline,
  canEditAgreement,
  canEnd,
  canFileVisit,
  canLogMeeting,
  canManageMembersOf,
  canManagePairs,
  canPostInWorkspace,
  canReadPrivate,
  requirePrivateReader,
} from "./policy.server.ts";
import { getVisit, listConfirmedStaff, listFiles, listMembers, listPairsWithMeetings, listPartnershipCards, listStatusChanges, listVisits, loadPartnershipAccess, orgScope, PARTNERSHIP_OWNER_KIND, type PartnershipCard } from "./queries.server.ts";
import { MEMBER_ROLE_LABELS, PARTNERSHIP_ERRORS, STATUS_LABELS } from "./strings.ts";

/** A calendar date ("2026-11-21") as «21 ноября 2026»: a day, not an instant, so no zone applies. */
export const dayLabel = (d: string | null) => (d ? formatDate(new Date(`${d}T12:00:00Z`), "UTC") : null);

/** A card of the lists (catalogue, organisation page). */
export function cardView(c: PartnershipCard) {
  return {
    id: c.id,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    leader: { id: c.leaderId, name: c.leaderName },
    partner: { id: c.partnerId, name: c.partnerName },
    agreement: c.agreementNumber ? `№ ${c.agreementNumber}${c.agreementDate ? ` от ${dayLabel(c.agreementDate)}` : ""}` : null,
    period: c.periodStart ? `${dayLabel(c.periodStart)} — ${dayLabel(c.periodEnd) ?? "без срока"}` : null,
  };
}
export type PartnershipCardView = ReturnType<typeof cardView>;

async function loadOr404(ex: Executor, viewer: Viewer, id: string) {
  const found = await loadPartnershipAccess(ex, viewer, id);
  if (!found) throw data(PARTNERSHIP_ERRORS.notFound, { status: 404 });
  return found;
}

/** The partnership page: card, history, what the viewer may do, and the private parts for insiders. */
export async function loadPartnershipPage(ex: Executor, viewer: Viewer, input: { id: string; zone: ViewerZone; page: number }) {
  const { row, access } = await loadOr404(ex, viewer, input.id);
  const [leader, partner] = await Promise.all([orgScope(ex, row.leaderOrgId), orgScope(ex, row.partnerOrgId)]);
  const insider = canReadPrivate(viewer, access);
  const history = await listStatusChanges(ex, row.id);
  const [members, pairs, visits, files, threads] = insider
    ? await Promise.all([listMembers(ex, row.id), listPairsWithMeetings(ex, row.id), listVisits(ex, row.id), listFiles(ex, row.id), listThreads(ex, viewer, { ownerKind: PARTNERSHIP_OWNER_KIND, ownerId: row.id, page: input.page })])
    : [[], [], [], [], null];
  const candidates = insider ? [...(await listConfirmedStaff(ex, row.leaderOrgId)).map((c) => ({ ...c, orgId: row.leaderOrgId })), ...(await listConfirmedStaff(ex, row.partnerOrgId)).map((c) => ({ ...c, orgId: row.partnerOrgId }))] : [];
  const ids = [
    ...history.map((h) => h.byUserId),
    ...members.map((m) => m.userId),
    ...pairs.flatMap((p) => [p.mentorId, p.menteeId, ...p.meetings.map((m) => m.loggedBy)]),
    ...visits.flatMap((v) => [v.visitorId, v.observedId]),
    ...files.map((f) => f.uploadedBy),
    ...candidates.map((c) => c.userId),
    ...(insider && row.curatorId ? [row.curatorId] : []),
  ].filter((x): x is string => Boolean(x));
  const people = await loadPeople(ex, viewer, ids);
  const person = (id: string | null): PersonView | null => (id ? (people.get(id) ?? null) : null);
  const memberIds = new Set(members.map((m) => m.userId));
  const schoolName = (orgId: string) => (orgId === row.leaderOrgId ? leader!.shortName : partner!.shortName);
  return {
    id: row.id,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    leader: { id: leader!.id, name: leader!.shortName, place: [leader!.municipalityName, leader!.regionName].filter(Boolean).join(", "), accepted: Boolean(row.leaderAcceptedAt) },
    partner: { id: partner!.id, name: partner!.shortName, place: [partner!.municipalityName, partner!.regionName].filter(Boolean).join(", "), accepted: Boolean(row.partnerAcceptedAt) },
    agreement: { number: row.agreementNumber, date: row.agreementDate, dateLabel: dayLabel(row.agreementDate), periodStart: row.periodStart, periodEnd: row.periodEnd, period: row.periodStart ? `${dayLabel(row.periodStart)} — ${dayLabel(row.periodEnd) ?? "без срока"}` : null, goals: row.goals, reason: row.reason },
    curator: insider ? person(row.curatorId) : null,
    curatorId: insider ? row.curatorId : null,
    history: history.map((h) => ({ id: h.id, to: STATUS_LABELS[h.toStatus as keyof typeof STATUS_LABELS] ?? h.toStatus, note: h.note, reason: h.reason, at: formatDateTime(h.at, input.zone), iso: h.at.toISOString(), by: person(h.byUserId) })),
    insider,
    zoneLabel: input.zone.label,
    can: {
      accept: acceptingSide(viewer, access),
      confirm: canConfirm(viewer, access),
      decline: canDecline(viewer, access),
      end: canEnd(viewer, access),
      complete: canComplete(viewer, access),
      agreement: canEditAgreement(viewer, access),
      membersOf: [row.leaderOrgId, row.partnerOrgId].filter((o) => canManageMembersOf(viewer, access, o)),
      pairs: canManagePairs(viewer, access),
      visit: canFileVisit(viewer, access),
      post: canPostInWorkspace(viewer, access),
    },
    members: members.map((m) => ({ person: person(m.userId)!, school: schoolName(m.organisationId), role: MEMBER_ROLE_LABELS[m.role], orgId: m.organisationId })),
    candidates: candidates.filter((c) => !memberIds.has(c.userId)).map((c) => ({ userId: c.userId, orgId: c.orgId, label: `${person(c.userId)?.name ?? "—"} (${c.position}, ${schoolName(c.orgId)})` })),
    staffChoices: candidates.map((c) => ({ value: c.userId, label: `${person(c.userId)?.name ?? "—"} (${schoolName(c.orgId)})` })),
    memberChoices: members.map((m) => ({ value: m.userId, label: `${person(m.userId)?.name ?? "—"} (${schoolName(m.organisationId)})` })),
    pairs: pairs.map((p) => ({
      id: p.id,
      mentor: person(p.mentorId)!,
      mentee: person(p.menteeId)!,
      goals: p.goals,
      progress: p.progress,
      status: p.status,
      canLog: canLogMeeting(viewer, access, p),
      meetings: p.meetings.map((m) => ({ id: m.id, heldOn: dayLabel(m.heldOn)!, summary: m.summary, nextSteps: m.nextSteps, progress: m.progress, by: person(m.loggedBy) })),
    })),
    visits: visits.map((v) => ({ id: v.id, visitedOn: dayLabel(v.visitedOn)!, className: v.className, subject: subjectLabel(v.subjectCode), topic: v.topic, visitor: person(v.visitorId)!, observed: person(v.observedId)!, threadId: v.threadId })),
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, at: formatDateTime(f.uploadedAt, input.zone), by: person(f.uploadedBy) })),
    threads: threads ? { total: threads.total, page: threads.page, pages: Math.max(1, Math.ceil(threads.total / threads.pageSize)), items: threads.threads.map((t) => ({ id: t.id, title: t.title, replyCount: t.replyCount, lastActivity: formatDateTime(t.lastActivityAt, input.zone) })) } : null,
  };
}
export type PartnershipPage = Awaited<ReturnType<typeof loadPartnershipPage>>;

/** A printable visit protocol: insiders only (404 for everyone else). */
export async function loadVisitPage(ex: Executor, viewer: Viewer, input: { id: string; visitId: string; zone: ViewerZone }) {
  const { row, access } = await loadOr404(ex, viewer, input.id);
  requirePrivateReader(viewer, access);
  const visit = await getVisit(ex, row.id, input.visitId);
  if (!visit) throw data(PARTNERSHIP_ERRORS.visitNotFound, { status: 404 });
  const [leader, partner] = await Promise.all([orgScope(ex, row.leaderOrgId), orgScope(ex, row.partnerOrgId)]);
  const people = await loadPeople(ex, viewer, [visit.visitorId, visit.observedId]);
  return {
    partnership: { id: row.id, title: `${leader!.shortName} — ${partner!.shortName}`, agreement: row.agreementNumber ? `№ ${row.agreementNumber}${row.agreementDate ? ` от ${dayLabel(row.agreementDate)}` : ""}` : null },
    visit: {
      id: visit.id,
      visitedOn: dayLabel(visit.visitedOn)!,
      className: visit.className,
      subject: subjectLabel(visit.subjectCode),
      topic: visit.topic,
      focus: visit.focus,
      strengths: visit.strengths,
      recommendations: visit.recommendations,
      nextSteps: visit.nextSteps,
      threadId: visit.threadId,
      filedAt: formatDateTime(visit.createdAt, input.zone),
      visitor: people.get(visit.visitorId)!,
      observed: people.get(visit.observedId)!,
    },
  };
}

/** The catalogue: the viewer's own partnerships (insider of) and the public list of all of them. */
export async function loadCatalogue(ex: Executor, viewer: Viewer, mineIds: string[]) {
  const [all, mine] = await Promise.all([listPartnershipCards(ex), mineIds.length ? listPartnershipCards(ex, { ids: mineIds }) : Promise.resolve([])]);
  return { mine: mine.map(cardView), all: all.map(cardView) };
}
