import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeMunicipality, makeOrganisation, makeSchoolYear } from "../../../tests/factories/directory.ts";
import { addPartnershipMember, makePartnership, makePerson, makeStaff, viewerOfUser } from "../../../tests/factories/partnerships.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { events, mentorPairs, municipalities, partnerships, partnershipStatusChanges, profiles, regions, threads } from "../../../db/schema/index.ts";
import { createPost } from "../discussions/commands.server.ts";
import { plainTextToDoc } from "../discussions/rich-text/plain-text.ts";
import { canReadStream } from "../../../server/realtime/hub.ts";
import { partnershipDiscussionOwner } from "./discussion-owner.server.ts";
import { getFile, uploadFile } from "./files.server.ts";
import { acceptPartnership, closePartnership, confirmPartnership, proposePartnership } from "./lifecycle.server.ts";
import { suggestLeaders } from "./matching.server.ts";
import { leaderProposalOptions, partnerSchoolOptions, strengthsOf } from "./queries.server.ts";
import { loadPartnershipPage, loadVisitPage } from "./page.server.ts";
import { setStrengths } from "./strengths.server.ts";
import { addMember, createMentorPair, fileVisit, logMeeting } from "./work.server.ts";

async function thrownStatus(run: () => Promise<unknown>): Promise<number | "no throw"> {
  try {
    await run();
    return "no throw";
  } catch (e) {
    return (e as { init?: { status?: number } }).init?.status ?? (e as Response).status;
  }
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
let n = 0;
const cid = () => `visit-${Date.now().toString(36)}-${++n}`;

describe("partnerships", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  const org = {} as Record<"partner" | "near" | "region" | "far" | "partner2", { id: string; regionId: string }>;
  const people = {} as Record<"partnerAdmin" | "nearAdmin" | "coord" | "foreignCoord" | "outsider" | "otherAdmin" | "t1" | "t2" | "t3" | "h1" | "h2" | "h3", string>;
  const as = (p: keyof typeof people) => viewerOfUser(handle.db, people[p]);

  async function card(userId: string, over: { canHelp?: string[]; needsHelp?: string[] }) {
    await handle.db.insert(profiles).values({ userId, nameSort: "тест", canHelp: over.canHelp ?? [], needsHelp: over.needsHelp ?? [], updatedAt: new Date("2026-11-01T00:00:00Z") });
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    const chita = (await handle.db.select().from(regions).where(eq(regions.code, "75")))[0]!.id;
    const tula = (await handle.db.select().from(regions).where(eq(regions.code, "71")))[0]!.id;
    const shilka = (await handle.db.select().from(municipalities).where(eq(municipalities.name, "Шилкинский район")))[0]!;
    const other = await makeMunicipality(handle.db, chita);
    const year = "2026/2027";
    org.partner = await makeOrganisation(handle.db, chita, { municipalityId: shilka.id, name: "МОУ Тестовая СОШ-партнёр" });
    org.partner2 = await makeOrganisation(handle.db, chita, { municipalityId: other.id, name: "МОУ Вторая СОШ-партнёр" });
    org.near = await makeOrganisation(handle.db, chita, { municipalityId: shilka.id, name: "МОУ Ближняя школа-лидер" });
    org.region = await makeOrganisation(handle.db, chita, { municipalityId: other.id, name: "МОУ Региональная площадка" });
    org.far = await makeOrganisation(handle.db, tula, { name: "МБОУ Тульская школа-лидер" });
    await makeSchoolYear(handle.db, org.partner.id, year, { lowResults: true });
    await makeSchoolYear(handle.db, org.partner2.id, year, { lowResults: true });
    await makeSchoolYear(handle.db, org.near.id, year, { leading: true });
    await makeSchoolYear(handle.db, org.region.id, year, { trainingSite: true });
    await makeSchoolYear(handle.db, org.far.id, year, { leading: true, trainingSite: true });
    people.partnerAdmin = await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: org.partner.id }] });
    people.nearAdmin = await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: org.near.id }] });
    people.otherAdmin = await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: org.far.id }] });
    people.coord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: chita }] });
    people.foreignCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: tula }] });
    people.outsider = await makePerson(handle.db);
    for (const t of ["t1", "t2", "t3"] as const) {
      people[t] = await makePerson(handle.db);
      await makeStaff(handle.db, org.partner.id, people[t]);
    }
    await card(people.t1, { needsHelp: ["formative-assessment", "motivation"] });
    await card(people.t2, { needsHelp: ["formative-assessment"] });
    await card(people.t3, { needsHelp: ["inclusive"] });
    for (const h of ["h1", "h2", "h3"] as const) {
      people[h] = await makePerson(handle.db);
      await makeStaff(handle.db, h === "h3" ? org.far.id : org.near.id, people[h]);
    }
    await card(people.h1, { canHelp: ["formative-assessment"] });
    await card(people.h2, { canHelp: ["formative-assessment", "motivation"] });
    await card(people.h3, { canHelp: ["inclusive", "formative-assessment"] });
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("declared strengths are edited by the school's administrator and coordinators only", async () => {
    expect(await thrownStatus(async () => setStrengths(s, await as("outsider"), { organisationId: org.near.id, topics: ["motivation"] }))).toBe(403);
    expect(await thrownStatus(async () => setStrengths(s, await as("partnerAdmin"), { organisationId: org.near.id, topics: ["motivation"] }))).toBe(403);
    expect(await setStrengths(s, await as("nearAdmin"), { organisationId: org.near.id, topics: ["formative-assessment", "mentoring"] })).toEqual({ ok: true });
    expect(await setStrengths(s, await as("coord"), { organisationId: org.region.id, topics: ["inclusive"] })).toEqual({ ok: true });
    expect((await strengthsOf(handle.db, org.near.id)).sort()).toEqual(["formative-assessment", "mentoring"]);
  });

  it("the proposal page offers partner schools to their administrators and coordinators, partner schools to a leader's administrator", async () => {
    const year = "2026/2027";
    expect((await partnerSchoolOptions(handle.db, await as("partnerAdmin"), year)).map((o) => o.id)).toEqual([org.partner.id]);
    expect(await partnerSchoolOptions(handle.db, await as("nearAdmin"), year)).toEqual([]);
    const coordinated = (await partnerSchoolOptions(handle.db, await as("coord"), year)).map((o) => o.id);
    expect(coordinated).toEqual(expect.arrayContaining([org.partner.id, org.partner2.id]));
    expect(coordinated).not.toContain(org.near.id);
    const [leader] = await leaderProposalOptions(handle.db, await as("nearAdmin"), year);
    expect(leader!.id).toBe(org.near.id);
    expect(leader!.partners.map((p) => p.id)).toEqual(expect.arrayContaining([org.partner.id, org.partner2.id]));
    expect(await leaderProposalOptions(handle.db, await as("partnerAdmin"), year)).toEqual([]);
  });

  it("suggests leaders by strengths, staff expertise, distance and load, with reasons that only count people", async () => {
    const { needs, suggestions } = await suggestLeaders(handle.db, { partnerOrgId: org.partner.id, schoolYear: "2026/2027", limit: 100 });
    expect(needs[0]).toMatchObject({ topic: "formative-assessment", count: 2 });
    const ours = suggestions.filter((x) => [org.near.id, org.region.id, org.far.id].includes(x.organisationId));
    expect(ours.map((x) => x.organisationId)).toEqual([org.near.id, org.region.id, org.far.id]);
    const near = ours[0]!;
    expect(near.reasons).toContain("Заявленная сильная сторона школы — «Формирующее оценивание»: помощь нужна 2 педагогам вашей школы");
    expect(near.reasons).toContain("2 педагога школы могут помочь с темой «Формирующее оценивание»");
    expect(near.reasons).toContain("1 педагог школы может помочь с темой «Повышение учебной мотивации»");
    expect(near.reasons).toContain("Тот же муниципалитет: Шилкинский район");
    expect(near.reasons).toContain("Пока не ведёт партнёрств");
    expect(ours[1]!.reasons).toContain("Заявленная сильная сторона школы — «Инклюзивное образование»: помощь нужна 1 педагогу вашей школы");
    expect(ours[1]!.reasons.some((r) => r.startsWith("Тот же регион: Забайкальский край"))).toBe(true);
    expect(ours[2]!.reasons.some((r) => r.startsWith("Другой регион: Тульская область"))).toBe(true);
    expect(suggestions.every((x) => x.organisationId !== org.partner.id)).toBe(true);
  });

  let pid: string;
  it("goes proposed → accepted → active, every change dated, on the partnership's stream", async () => {
    expect(await thrownStatus(async () => proposePartnership(s, await as("outsider"), { leaderOrgId: org.near.id, partnerOrgId: org.partner.id, goals: "" }))).toBe(403);
    const proposed = await proposePartnership(s, await as("partnerAdmin"), { leaderOrgId: org.near.id, partnerOrgId: org.partner.id, goals: "Формирующее оценивание в 5–9 классах" });
    expect(proposed.ok).toBe(true);
    pid = (proposed as { id: string }).id;
    expect(await proposePartnership(s, await as("partnerAdmin"), { leaderOrgId: org.near.id, partnerOrgId: org.partner.id, goals: "" })).toMatchObject({ ok: false, status: 409 });
    expect(await thrownStatus(async () => acceptPartnership(s, await as("partnerAdmin"), { partnershipId: pid }))).toBe(403);
    expect(await acceptPartnership(s, await as("nearAdmin"), { partnershipId: pid })).toEqual({ ok: true, status: "accepted" });
    expect(await thrownStatus(async () => confirmPartnership(s, await as("foreignCoord"), { partnershipId: pid }))).toBe(403);
    expect(await thrownStatus(async () => confirmPartnership(s, await as("nearAdmin"), { partnershipId: pid }))).toBe(403);
    expect(await confirmPartnership(s, await as("coord"), { partnershipId: pid })).toEqual({ ok: true });
    expect(await confirmPartnership(s, await as("coord"), { partnershipId: pid })).toMatchObject({ ok: false, status: 409 });
    const changes = await handle.db.select().from(partnershipStatusChanges).where(eq(partnershipStatusChanges.partnershipId, pid)).orderBy(asc(partnershipStatusChanges.at), asc(partnershipStatusChanges.toStatus));
    expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual(
      expect.arrayContaining([
        [null, "proposed"],
        ["proposed", "accepted"],
        ["accepted", "active"],
      ]),
    );
    expect(changes.every((c) => c.at instanceof Date && c.byUserId)).toBe(true);
    expect(await handle.db.select().from(events).where(eq(events.stream, `partnership:${pid}`))).toHaveLength(3);
    const { suggestions } = await suggestLeaders(handle.db, { partnerOrgId: org.partner2.id, schoolYear: "2026/2027", limit: 100 });
    expect(suggestions.find((x) => x.organisationId === org.near.id)?.reasons).toContain("Уже ведёт 1 партнёрство");
  });

  it("a coordinator's proposal waits for both schools", async () => {
    const r = await proposePartnership(s, await as("coord"), { leaderOrgId: org.region.id, partnerOrgId: org.partner2.id, goals: "" });
    const id = (r as { id: string }).id;
    const regionAdmin = await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: org.region.id }] });
    const partner2Admin = await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: org.partner2.id }] });
    expect(await acceptPartnership(s, await viewerOfUser(handle.db, regionAdmin), { partnershipId: id })).toEqual({ ok: true, status: "proposed" });
    expect(await acceptPartnership(s, await viewerOfUser(handle.db, partner2Admin), { partnershipId: id })).toEqual({ ok: true, status: "accepted" });
    expect(await closePartnership(s, await as("coord"), { partnershipId: id, to: "declined" })).toMatchObject({ ok: false, status: 400 });
    expect(await closePartnership(s, await as("coord"), { partnershipId: id, to: "declined", reason: "Школы далеко друг от друга" })).toEqual({ ok: true });
    const [row] = await handle.db.select().from(partnerships).where(eq(partnerships.id, id));
    expect(row).toMatchObject({ status: "declined", reason: "Школы далеко друг от друга" });
  });

  it("members, a mentor pair with a meeting log, a visit protocol answered in the private workspace", async () => {
    expect(await thrownStatus(async () => addMember(s, await as("nearAdmin"), { partnershipId: pid, userId: people.t1, role: "teacher" }))).toBe(403);
    expect(await addMember(s, await as("partnerAdmin"), { partnershipId: pid, userId: people.t1, role: "teacher" })).toEqual({ ok: true });
    expect(await addMember(s, await as("nearAdmin"), { partnershipId: pid, userId: people.h1, role: "teacher" })).toEqual({ ok: true });
    expect(await addMember(s, await as("nearAdmin"), { partnershipId: pid, userId: people.h1, role: "teacher" })).toMatchObject({ ok: false, status: 409 });
    expect(await addMember(s, await as("partnerAdmin"), { partnershipId: pid, userId: people.outsider, role: "teacher" })).toMatchObject({ ok: false, status: 400 });

    const pair = await createMentorPair(s, await as("partnerAdmin"), { partnershipId: pid, mentorId: people.h1, menteeId: people.t1, goals: "Освоить приёмы формирующего оценивания" });
    expect(pair.ok).toBe(true);
    const pairId = (pair as { pairId: string }).pairId;
    expect(await createMentorPair(s, await as("partnerAdmin"), { partnershipId: pid, mentorId: people.h1, menteeId: people.t2, goals: "Цели пары" })).toMatchObject({ ok: false, status: 400 });
    expect(await thrownStatus(async () => logMeeting(s, await as("outsider"), { partnershipId: pid, pairId, heldOn: "2026-11-20", summary: "Разобрали урок", nextSteps: "", progress: 20 }))).toBe(403);
    expect(await logMeeting(s, await as("h1"), { partnershipId: pid, pairId, heldOn: "2026-11-20", summary: "Разобрали листы самооценки", nextSteps: "Провести урок с критериями", progress: 25 })).toMatchObject({ ok: true });
    expect((await handle.db.select().from(mentorPairs).where(eq(mentorPairs.id, pairId)))[0]!.progress).toBe(25);

    const protocol = { visitedOn: "2026-11-21", className: "7 Б", subjectCode: "math" as const, topic: "Линейные уравнения", focus: "Обратная связь ученикам", strengths: "Чёткие критерии", recommendations: "Больше самопроверки", nextSteps: "Взаимное посещение в декабре" };
    expect(await thrownStatus(async () => fileVisit(s, await as("outsider"), { partnershipId: pid, clientId: cid(), observedId: people.t1, ...protocol }))).toBe(403);
    const visit = await fileVisit(s, await as("h1"), { partnershipId: pid, clientId: cid(), observedId: people.t1, ...protocol });
    expect(visit.ok).toBe(true);
    const { threadId } = visit as { threadId: string };
    const [thread] = await handle.db.select().from(threads).where(eq(threads.id, threadId));
    expect(thread).toMatchObject({ ownerKind: "partnership", ownerId: pid });

    expect(await createPost(s, await as("t1"), { threadId, body: plainTextToDoc("Спасибо, согласна с рекомендациями"), clientId: cid() })).toMatchObject({ ok: true });
    expect(await createPost(s, await as("outsider"), { threadId, body: plainTextToDoc("Я посторонний"), clientId: cid() })).toMatchObject({ ok: false, status: 404 });
    expect(await createPost(s, await as("otherAdmin"), { threadId, body: plainTextToDoc("Я из другой школы"), clientId: cid() })).toMatchObject({ ok: false, status: 404 });
    expect(await createPost(s, await as("foreignCoord"), { threadId, body: plainTextToDoc("Я координатор другого региона"), clientId: cid() })).toMatchObject({ ok: false, status: 404 });

    for (const [p, allowed] of [["t1", true], ["coord", true], ["partnerAdmin", true], ["outsider", false], ["otherAdmin", false], ["foreignCoord", false]] as const) {
      const v = await as(p);
      expect(await partnershipDiscussionOwner.canRead(handle.db, v, pid)).toBe(allowed);
      expect(await canReadStream(v, `partnership:${pid}`, s)).toBe(allowed);
      expect(await canReadStream(v, `thread:${threadId}`, s)).toBe(allowed);
    }
  });

  it("over HTTP, a member of another school sees neither members, pairs and logs, protocols nor the workspace", async () => {
    const zone = { timeZone: "Asia/Chita", source: "default" as const, label: "МСК+6, Чита" };
    const inside = await loadPartnershipPage(handle.db, await as("t1"), { id: pid, zone, page: 1 });
    expect(inside.insider).toBe(true);
    expect(inside.pairs[0]!.meetings).toHaveLength(1);
    expect(inside.visits).toHaveLength(1);
    expect(inside.threads?.items).toHaveLength(1);
    const visitId = inside.visits[0]!.id;
    expect((await loadVisitPage(handle.db, await as("coord"), { id: pid, visitId, zone })).visit.topic).toBe("Линейные уравнения");
    for (const p of ["otherAdmin", "outsider", "foreignCoord"] as const) {
      const outside = await loadPartnershipPage(handle.db, await as(p), { id: pid, zone, page: 1 });
      expect(outside).toMatchObject({ insider: false, members: [], pairs: [], visits: [], files: [], threads: null, curator: null });
      expect(await thrownStatus(async () => loadVisitPage(handle.db, await as(p), { id: pid, visitId, zone }))).toBe(404);
    }
  });

  it("shared files: checked by their bytes, read only by insiders", async () => {
    expect(await uploadFile(s, await as("t1"), { partnershipId: pid, name: "../план.txt", bytes: new TextEncoder().encode("просто текст") })).toMatchObject({ ok: false, status: 400 });
    expect(await uploadFile(s, await as("outsider"), { partnershipId: pid, name: "план.pdf", bytes: PDF })).toMatchObject({ ok: false, status: 404 });
    const up = await uploadFile(s, await as("t1"), { partnershipId: pid, name: "C:\\docs\\план.pdf", bytes: PDF });
    expect(up.ok).toBe(true);
    const fileId = (up as { fileId: string }).fileId;
    expect(await getFile(handle.db, await as("coord"), pid, fileId)).toMatchObject({ name: "план.pdf", contentType: "application/pdf" });
    expect(await getFile(handle.db, await as("otherAdmin"), pid, fileId)).toBeNull();
  });

  it("ends an active partnership with a reason; the pair can no longer log meetings", async () => {
    expect(await thrownStatus(async () => closePartnership(s, await as("otherAdmin"), { partnershipId: pid, to: "ended", reason: "нет" }))).toBe(403);
    expect(await closePartnership(s, await as("nearAdmin"), { partnershipId: pid, to: "completed" })).toEqual({ ok: true });
    const [pair] = await handle.db.select().from(mentorPairs).where(and(eq(mentorPairs.partnershipId, pid)));
    expect(await thrownStatus(async () => logMeeting(s, await as("h1"), { partnershipId: pid, pairId: pair!.id, heldOn: "2026-11-25", summary: "Ещё встреча", nextSteps: "", progress: 30 }))).toBe(403);
  });

  it("fixtures: an existing partnership from the factory is readable by its members", async () => {
    const p = await makePartnership(handle.db, { leaderOrgId: org.far.id, partnerOrgId: org.partner2.id });
    await addPartnershipMember(handle.db, p.id, people.h3, org.far.id);
    expect(await partnershipDiscussionOwner.canRead(handle.db, await as("h3"), p.id)).toBe(true);
    expect(await partnershipDiscussionOwner.canRead(handle.db, await as("h1"), p.id)).toBe(false);
  });
});
