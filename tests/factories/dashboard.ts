/**
 * The dashboard's hand-built fixture: a fresh region (Asia/Chita, UTC+9) whose schools change
 * lists between school years, partnerships activated around the end of a quarter, a partnership
 * roadmap with activities done on time, late, overdue and cancelled, practices through the
 * workflow, events (one spanning two quarters, one cancelled, one not held yet) and teachers'
 * activity. Every row is inserted directly; the expected figures are written in the test.
 */
import crypto from "node:crypto";
import type { Executor } from "../../db/client.ts";
import {
  eventAttendance, eventCertificates, eventRegistrations, partnershipStatusChanges, planItems, planItemStatusChanges, plans, posts, practiceAuthors, practiceReviews, practices, practiceVersions,
  profiles, programmeEvents, programmeEventSessions, threads,
} from "../../db/schema/index.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { makeMunicipality, makeOrganisation, makeRegion, makeSchoolYear } from "./directory.ts";
import { makePartnership, makeStaff } from "./partnerships.ts";
import { makePerson } from "./people.ts";
import { bodyOf } from "./events.ts";

const T = (iso: string) => new Date(iso);
const CREATED = T("2025-08-01T00:00:00Z");

/** A teacher whose profile names the school. */
async function teacher(ex: Executor, orgId: string, name: string) {
  const id = await makePerson(ex, { name });
  await ex.insert(profiles).values({ userId: id, nameSort: russianSortKey(name), organisationId: orgId, updatedAt: CREATED });
  return id;
}

async function statusHistory(ex: Executor, partnershipId: string, steps: Array<[string | null, string, string]>) {
  for (const [from, to, at] of steps) await ex.insert(partnershipStatusChanges).values({ partnershipId, fromStatus: from, toStatus: to, at: T(at) });
}

async function event(ex: Executor, f: { orgId: string; regionId: string; title: string; sessions: string[]; status?: "scheduled" | "cancelled" }) {
  const starts = f.sessions.map(T);
  const ends = starts.map((s) => new Date(s.getTime() + 3 * 3_600_000));
  const [e] = await ex
    .insert(programmeEvents)
    .values({ title: f.title, titleSort: russianSortKey(f.title), type: "seminar", format: "online", summary: "Проверка показателей.", programme: { type: "doc", content: [] }, programmeHtml: "", organisationId: f.orgId, regionId: f.regionId, timeZone: "Asia/Chita", audience: "open", status: f.status ?? "scheduled", startsAt: starts[0]!, endsAt: ends.at(-1)!, createdAt: CREATED, updatedAt: CREATED })
    .returning({ id: programmeEvents.id });
  const sessions = await ex.insert(programmeEventSessions).values(starts.map((s, i) => ({ eventId: e!.id, position: i, startsAt: s, endsAt: ends[i]! }))).returning({ id: programmeEventSessions.id });
  return { id: e!.id, sessions: sessions.map((s) => s.id) };
}

async function register(ex: Executor, eventId: string, userIds: string[], status: "registered" | "cancelled" = "registered") {
  for (const userId of userIds) await ex.insert(eventRegistrations).values({ eventId, userId, status, createdAt: CREATED, registeredAt: CREATED, cancelledAt: status === "cancelled" ? CREATED : null });
}

async function attend(ex: Executor, sessionId: string, userIds: string[]) {
  for (const userId of userIds) await ex.insert(eventAttendance).values({ sessionId, userId, source: "organiser", markedAt: CREATED });
}

async function practice(ex: Executor, f: { orgId: string; regionId: string; authors: string[]; submittedAt: string; review?: { expertId: string; accepted: boolean; at: string } }) {
  const [p] = await ex.insert(practices).values({ createdBy: f.authors[0]!, organisationId: f.orgId, regionId: f.regionId, createdAt: CREATED }).returning({ id: practices.id });
  const published = f.review?.accepted ? T(f.review.at) : null;
  const status = published ? "published" : f.review ? "returned" : "submitted";
  const [v] = await ex
    .insert(practiceVersions)
    .values({ practiceId: p!.id, number: 1, status, kind: "practice", title: "Практика для показателей", summary: "Кратко.", body: { type: "doc", content: [] }, bodyHtml: "", createdBy: f.authors[0]!, createdAt: CREATED, updatedAt: CREATED, submittedAt: T(f.submittedAt), publishedAt: published })
    .returning({ id: practiceVersions.id });
  await ex.insert(practiceAuthors).values(f.authors.map((userId, position) => ({ practiceId: p!.id, userId, position, addedAt: CREATED })));
  if (f.review) await ex.insert(practiceReviews).values({ practiceId: p!.id, versionId: v!.id, expertId: f.review.expertId, status: f.review.accepted ? "accepted" : "returned", takenAt: T(f.submittedAt), decidedAt: T(f.review.at) });
  if (published) {
    const { eq } = await import("drizzle-orm");
    await ex.update(practices).set({ currentVersionId: v!.id, publishedVersionId: v!.id, title: "Практика для показателей", titleSort: "практика для показателей", kind: "practice", publishedAt: published, updatedAt: published }).where(eq(practices.id, p!.id));
  }
  return p!.id;
}

async function post(ex: Executor, authorId: string, at: string, deleted = false) {
  const [th] = await ex.insert(threads).values({ ownerKind: "community", ownerId: crypto.randomUUID(), title: "Обсуждение", authorId, postCount: 1, lastPostSeq: 1, createdAt: T(at), lastActivityAt: T(at) }).returning({ id: threads.id });
  await ex.insert(posts).values({ threadId: th!.id, seq: 1, authorId, body: { type: "doc", content: [] }, bodyHtml: "<p>Сообщение</p>", clientId: `dash-${crypto.randomUUID()}`, createdAt: T(at), deletedAt: deleted ? T(at) : null });
}

/** Builds the fixture; returns the ids the test asks about. */
export async function makeDashboardFixture(ex: Executor) {
  const region = await makeRegion(ex, { name: "Показательный край", timeZone: "Asia/Chita", capital: "Чита" });
  const north = await makeMunicipality(ex, region.id, { name: "Северный район" });
  const south = await makeMunicipality(ex, region.id, { name: "Южный район" });
  const school = (name: string, municipalityId: string) => makeOrganisation(ex, region.id, { name, shortName: name, municipalityId });
  const s1 = await school("СОШ № 1 Северного района", north.id);
  const s2 = await school("СОШ № 2 Северного района", north.id);
  const s3 = await school("СОШ № 3 Южного района", south.id);
  const leader = await school("Гимназия-лидер Северного района", north.id);
  const institute = await makeOrganisation(ex, region.id, { kind: "institute", name: "Институт развития образования края", shortName: "ИРО края" });
  // Lists: S1 is ШНОР both years; S2 only in 2025/2026; S3 becomes ШНСУ in 2026/2027.
  await makeSchoolYear(ex, s1.id, "2025/2026", { lowResults: true, teacherCount: 10 });
  await makeSchoolYear(ex, s1.id, "2026/2027", { lowResults: true, teacherCount: 12 });
  await makeSchoolYear(ex, s2.id, "2025/2026", { lowResults: true, teacherCount: 8 });
  await makeSchoolYear(ex, s2.id, "2026/2027", { teacherCount: 8 });
  await makeSchoolYear(ex, s3.id, "2025/2026", { teacherCount: 5 });
  await makeSchoolYear(ex, s3.id, "2026/2027", { adverseConditions: true, teacherCount: 5 });
  for (const y of ["2025/2026", "2026/2027"]) await makeSchoolYear(ex, leader.id, y, { leading: true, teacherCount: 30 });

  // P1 (leader → S1) becomes active at 23:30 on 31 March 2027 in Chita (14:30 UTC): the last day of Q1.
  const p1 = await makePartnership(ex, { leaderOrgId: leader.id, partnerOrgId: s1.id, status: "active", statusChangedAt: T("2027-03-31T14:30:00Z") });
  await statusHistory(ex, p1.id, [[null, "proposed", "2026-03-01T02:00:00Z"], ["proposed", "accepted", "2026-12-01T02:00:00Z"], ["accepted", "active", "2027-03-31T14:30:00Z"]]);
  // P2 (leader → S3) at 01:00 on 1 April in Chita — still 31 March in UTC: it belongs to Q2.
  const p2 = await makePartnership(ex, { leaderOrgId: leader.id, partnerOrgId: s3.id, status: "active", statusChangedAt: T("2027-03-31T16:00:00Z") });
  await statusHistory(ex, p2.id, [[null, "proposed", "2027-02-01T02:00:00Z"], ["proposed", "active", "2027-03-31T16:00:00Z"]]);
  // P3 (leader → S2): active from October 2025, ended in December 2026.
  const p3 = await makePartnership(ex, { leaderOrgId: leader.id, partnerOrgId: s2.id, status: "ended", statusChangedAt: T("2026-12-15T02:00:00Z") });
  await statusHistory(ex, p3.id, [[null, "active", "2025-10-01T02:00:00Z"], ["active", "ended", "2026-12-15T02:00:00Z"]]);

  const t1 = await teacher(ex, s1.id, "Анна Первая");
  const t2 = await makePerson(ex, { name: "Борис Второй" });
  await makeStaff(ex, s1.id, t2);
  const t3 = await teacher(ex, s3.id, "Вера Третья");
  const t4 = await teacher(ex, s2.id, "Галина Четвёртая");
  const t5 = await teacher(ex, leader.id, "Денис Лидеров");
  const guest = await teacher(ex, await bodyOf(ex, "71", "institute"), "Ефим Тульский");
  const expert = await makePerson(ex, { name: "Эксперт Края" });

  // The roadmap of P1 and a plan of S3 (both in Chita's zone).
  const [roadmap] = await ex.insert(plans).values({ ownerKind: "partnership", ownerId: p1.id, title: "Дорожная карта", schoolYear: "2026/2027", timeZone: "Asia/Chita", createdAt: CREATED, updatedAt: CREATED }).returning({ id: plans.id });
  const [own] = await ex.insert(plans).values({ ownerKind: "organisation", ownerId: s3.id, title: "План школы", schoolYear: "2026/2027", timeZone: "Asia/Chita", createdAt: CREATED, updatedAt: CREATED }).returning({ id: plans.id });
  const activity = async (planId: string, n: number, termEnd: string, history: Array<[string, string, string]>) => {
    const last = history.at(-1);
    const [row] = await ex
      .insert(planItems)
      .values({ planId, kind: "activity", position: n, number: `1.${n}`, title: `Мероприятие 1.${n}`, termStart: `${termEnd.slice(0, 8)}01`, termEnd, status: (last?.[0] ?? "planned") as "planned", statusChangedAt: last ? T(last[1]) : null, createdAt: CREATED })
      .returning({ id: planItems.id });
    for (const [to, at, by] of history) await ex.insert(planItemStatusChanges).values({ itemId: row!.id, fromStatus: null, toStatus: to, byUserId: by, at: T(at) });
  };
  await activity(roadmap!.id, 1, "2027-02-15", [["done", "2027-02-10T05:00:00Z", t1]]); // on time
  await activity(roadmap!.id, 2, "2027-03-10", [["done", "2027-03-20T02:00:00Z", t1]]); // late
  await activity(roadmap!.id, 3, "2027-03-25", [["in_progress", "2027-03-01T02:00:00Z", t2]]); // overdue
  await activity(roadmap!.id, 4, "2027-03-31", [["done", "2027-03-31T15:30:00Z", t1]]); // done at 00:30 on 1 April in Chita: late, and overdue at Q1's end
  await activity(roadmap!.id, 5, "2027-06-30", []); // not due yet
  await activity(roadmap!.id, 6, "2027-02-20", [["cancelled", "2027-02-01T02:00:00Z", t2]]);
  await activity(own!.id, 1, "2027-04-30", []); // overdue by 15 May

  await practice(ex, { orgId: s1.id, regionId: region.id, authors: [t1, t2], submittedAt: "2027-02-01T02:00:00Z", review: { expertId: expert, accepted: true, at: "2027-02-20T03:00:00Z" } });
  await practice(ex, { orgId: s3.id, regionId: region.id, authors: [t3], submittedAt: "2027-03-30T10:00:00Z", review: { expertId: expert, accepted: false, at: "2027-04-05T03:00:00Z" } });

  // E1 spans Q1 and Q2 (10:00 on 31 March and 1 April in Chita); a guest from Тульская область makes it interregional.
  const e1 = await event(ex, { orgId: institute.id, regionId: region.id, title: "Семинар на стыке кварталов", sessions: ["2027-03-31T01:00:00Z", "2027-04-01T01:00:00Z"] });
  await register(ex, e1.id, [t1, t2, guest]);
  await attend(ex, e1.sessions[0]!, [t1, t2, guest]);
  await attend(ex, e1.sessions[1]!, [t1]);
  for (const [userId, minutes] of [[t1, 360], [t2, 180]] as const) {
    await ex.insert(eventCertificates).values({ code: crypto.randomBytes(8).toString("hex"), eventId: e1.id, userId, personName: "Участник", eventTitle: "Семинар на стыке кварталов", dates: "31 марта — 1 апреля 2027", minutes, organiser: "ИРО края", issuedAt: T("2027-04-02T03:00:00Z") });
  }
  const e2 = await event(ex, { orgId: institute.id, regionId: region.id, title: "Вебинар апреля", sessions: ["2027-04-20T02:00:00Z"] });
  await register(ex, e2.id, [t3, t2]);
  await register(ex, e2.id, [t4], "cancelled");
  await attend(ex, e2.sessions[0]!, [t3]);
  const e3 = await event(ex, { orgId: institute.id, regionId: region.id, title: "Отменённый семинар", sessions: ["2027-04-22T02:00:00Z"], status: "cancelled" });
  await register(ex, e3.id, [t1, guest]);
  await attend(ex, e3.sessions[0]!, [t4]);
  const e4 = await event(ex, { orgId: institute.id, regionId: region.id, title: "Июньский семинар", sessions: ["2027-06-10T02:00:00Z"] });
  await register(ex, e4.id, [t1, t4]);

  await post(ex, t3, "2027-02-05T03:00:00Z");
  await post(ex, t4, "2027-02-06T03:00:00Z"); // S2 is not on the 2026/2027 list
  await post(ex, t5, "2027-02-07T03:00:00Z"); // a leading school's teacher
  await post(ex, t2, "2027-04-10T03:00:00Z", true); // deleted: not activity
  await post(ex, t4, "2026-05-10T03:00:00Z"); // 2025/2026, when S2 was on the list

  return { region, north, south, s1, s2, s3, leader, institute, people: { t1, t2, t3, t4, t5, guest } };
}
