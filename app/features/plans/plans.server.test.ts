import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { addPartnershipMember, makePartnership, makePerson, makeStaff, viewerOfUser } from "../../../tests/factories/partnerships.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { municipalities, notifications, organisations, planItems, planItemStatusChanges, regions } from "../../../db/schema/index.ts";
import { addEvidence, addItem, assignPerson, createPlan, importPlan, saveReport, setPublished, setStatus } from "./commands.server.ts";
import { canReadPlan } from "./policy.server.ts";
import { loadPlan } from "./queries.server.ts";
import { GUEST, type Viewer } from "../accounts/viewer.server.ts";
import { HIDDEN_PERSON_NAME } from "../profiles/fields.ts";
import { loadPlanPage, loadPlanSheet, loadQuarterReport } from "./page.server.ts";
import { planFile, readPlanFile } from "./spreadsheet.server.ts";
import { sendPlanReminders } from "./reminders.server.ts";
import { reportPdf, reportXlsx } from "./report-files.server.ts";
import { readTable } from "../directory/import/parse.server.ts";
import { memoryFileStorage } from "../library/storage.server.ts";
import { seedPlans } from "../../../db/seed/plans.ts";
import { partnerships, plans } from "../../../db/schema/index.ts";
import { downloadEvidenceFile, uploadEvidenceFile } from "./files.server.ts";

describe("plans", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let partnershipId: string;
  const p = {} as Record<"curator" | "leaderTeacher" | "partnerTeacher" | "outsider" | "buryatiaCoord" | "chitaCoord", string>;
  let bichura: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    const [leader] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, "7527090027"));
    const [partner] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, "7527090034"));
    p.curator = await makePerson(handle.db, { name: "Куратор Планова" });
    p.leaderTeacher = await makePerson(handle.db, { name: "Анна Ответственная" });
    p.partnerTeacher = await makePerson(handle.db, { name: "Борис Партнёров" });
    p.outsider = await makePerson(handle.db);
    const [buryatia] = await handle.db.select({ id: regions.id }).from(regions).where(eq(regions.code, "03"));
    const [chita] = await handle.db.select({ id: regions.id }).from(regions).where(eq(regions.code, "75"));
    p.buryatiaCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: buryatia!.id }] });
    p.chitaCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: chita!.id }] });
    const partnership = await makePartnership(handle.db, { leaderOrgId: leader!.id, partnerOrgId: partner!.id, curatorId: p.curator });
    partnershipId = partnership.id;
    await makeStaff(handle.db, leader!.id, p.leaderTeacher);
    await makeStaff(handle.db, partner!.id, p.partnerTeacher);
    await addPartnershipMember(handle.db, partnershipId, p.leaderTeacher, leader!.id);
    [{ id: bichura }] = (await handle.db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.name, "Бичурский район"))) as [{ id: string }];
  });
  // The test clock ticks with real time; every test starts from the same business day.
  afterEach(async () => {
    await s.clock.set(new Date("2026-11-24T08:00:00Z"));
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const as = (who: keyof typeof p) => viewerOfUser(handle.db, p[who]);

  async function roadmap() {
    const r = await createPlan(s, await as("curator"), { ownerKind: "partnership", ownerId: partnershipId, title: "Дорожная карта 2026/2027", schoolYear: "2026/2027", templateId: "partnership-roadmap" });
    if (!r.ok) throw new Error(r.error);
    return r.id;
  }

  it("lets the curator build a roadmap from a template, and refuses outsiders and foreign coordinators", async () => {
    const id = await roadmap();
    const rows = await handle.db.select().from(planItems).where(eq(planItems.planId, id));
    expect(rows.filter((r) => r.kind === "section").map((r) => r.number)).toEqual(["1.", "2.", "3."]);
    const visits = rows.find((r) => r.number === "2.1")!;
    expect([visits.termLabel, visits.termStart, visits.termEnd, visits.activityType]).toEqual(["4, 1, 2 кв.", "2026-10-01", "2027-06-30", "lesson_visits"]);
    expect(rows.find((r) => r.number === "3.2")!.termEnd).toBeNull();
    expect(await createPlan(s, await as("outsider"), { ownerKind: "partnership", ownerId: partnershipId, title: "Чужой план", schoolYear: "2026/2027" })).toMatchObject({ ok: false, status: 403 });
    expect(await addItem(s, await as("buryatiaCoord"), { planId: id, kind: "section", number: "4.", title: "Чужой раздел" })).toMatchObject({ ok: false, status: 403 });
    expect(await addItem(s, await as("chitaCoord"), { planId: id, kind: "section", number: "4.", title: "Раздел координатора" })).toMatchObject({ ok: true });
    // Only the owner's people may be made responsible.
    expect(await assignPerson(s, await as("curator"), { planId: id, itemId: visits.id, userId: p.outsider })).toMatchObject({ ok: false, status: 400 });
    expect(await assignPerson(s, await as("curator"), { planId: id, itemId: visits.id, userId: p.partnerTeacher })).toMatchObject({ ok: true });
  });

  it("derives overdue from the term and the business day, and reminds the responsible person once per mark", async () => {
    const id = await roadmap();
    const curator = await as("curator");
    const added = await addItem(s, curator, { planId: id, kind: "activity", number: "2.5", title: "Консультация по итогам четверти", activityType: "consultation", termLabel: "до 30 ноября", termEnd: "2026-11-30" });
    if (!added.ok) throw new Error(added.error);
    expect(await assignPerson(s, curator, { planId: id, itemId: added.itemId, userId: p.leaderTeacher })).toMatchObject({ ok: true });
    const state = async () => (await loadPlanPage(handle.db, curator, id, s.clock.now())).items.find((i) => i.id === added.itemId)!;
    expect((await state()).overdue).toBe(false);

    const data = { itemId: added.itemId, kind: "day" as const, termEnd: "2026-11-30" };
    await s.clock.set(new Date("2026-11-29T23:00:00Z")); // 08:00 in Chita on the 30th: before the 09:00 mark
    expect(await sendPlanReminders(s, data)).toBe(0);
    await s.clock.set(new Date("2026-11-30T01:00:00Z"));
    expect(await sendPlanReminders(s, data)).toBe(1);
    expect(await sendPlanReminders(s, data)).toBe(0);
    const reminded = await handle.db.select().from(notifications).where(and(eq(notifications.userId, p.leaderTeacher), eq(notifications.kind, "plan.reminder.day")));
    expect(reminded).toHaveLength(1);
    expect(String(reminded[0]!.payload.text)).toContain("Сегодня срок: «Консультация по итогам четверти»");

    await s.clock.set(new Date("2026-12-01T01:00:00Z"));
    expect((await state()).overdue).toBe(true);
    // Done after the end: late, no longer overdue; the change is stored with its date.
    expect(await setStatus(s, curator, { planId: id, itemId: added.itemId, status: "done" })).toMatchObject({ ok: true });
    expect(await sendPlanReminders(s, { ...data, kind: "week" })).toBe(0);
    const after = await state();
    expect([after.overdue, after.reportStatus]).toEqual([false, "late"]);
    const changes = await handle.db.select().from(planItemStatusChanges).where(eq(planItemStatusChanges.itemId, added.itemId));
    expect(changes.map((c) => [c.fromStatus, c.toStatus, c.at.toISOString().slice(0, 13)])).toEqual([["planned", "done", "2026-12-01T01"]]);
  });

  it("exports a roadmap to XLSX and CSV that import back without change", async () => {
    const id = await roadmap();
    const curator = await as("curator");
    const rows = await handle.db.select().from(planItems).where(eq(planItems.planId, id));
    const first = rows.find((r) => r.number === "1.1")!;
    await assignPerson(s, curator, { planId: id, itemId: first.id, userId: p.partnerTeacher });
    await saveReport(s, curator, { planId: id, itemId: first.id, actualResult: "Дорожная карта согласована; протокол «№ 3» подписан.", markDone: true });
    await addEvidence(s, curator, { planId: id, itemId: first.id, url: "https://school.example/protocol-3", label: "Протокол: совещание № 3" });
    const before = (await loadPlanSheet(handle.db, curator, id)).items;
    expect(before.find((i) => i.number === "1.1")!.evidence).toEqual([{ label: "Протокол: совещание № 3", url: "https://school.example/protocol-3" }]);
    const history = async () => (await handle.db.select().from(planItemStatusChanges).where(eq(planItemStatusChanges.itemId, first.id))).map((c) => [c.toStatus, c.at.toISOString()]);
    const historyBefore = await history();
    for (const format of ["xlsx", "csv"] as const) {
      const file = await planFile(format, before);
      const read = await readPlanFile(file, `plan.${format}`, "2026/2027");
      expect(read).toEqual(before);
      expect(await importPlan(s, curator, { planId: id, items: read })).toMatchObject({ ok: true, count: before.length, unknownPeople: [] });
      expect((await loadPlanSheet(handle.db, curator, id)).items).toEqual(before);
      // Updated in place: the same row keeps its dated history (done on time stays on time).
      expect(await history()).toEqual(historyBefore);
      expect((await handle.db.select().from(planItems).where(eq(planItems.planId, id))).map((r) => r.id)).toContain(first.id);
    }
  });

  it("imports the seed 001 plan typed into a spreadsheet in its own columns into a municipality's plan", async () => {
    const coord = await as("buryatiaCoord");
    const created = await createPlan(s, coord, { ownerKind: "municipality", ownerId: bichura, title: "Дорожная карта ШНОР", schoolYear: "2020/2021" });
    if (!created.ok) throw new Error(created.error);
    const items = await readPlanFile(new Uint8Array(await readFile(new URL("../../../tests/fixtures/plans/seed-001.xlsx", import.meta.url))), "seed-001.xlsx", "2020/2021");
    expect(items.filter((i) => i.kind === "section").map((i) => `${i.number} ${i.title}`)).toEqual([
      "1. Нормативно-правовое обеспечение",
      "2. Мониторинг, оценка и анализ образовательного процесса",
      "3. Методическое сопровождение школ с низкими образовательными результатами",
      "4. Повышение квалификации руководящих и педагогических работников",
      "5. Организационно-методические мероприятия. Материально-техническое обеспечение",
    ]);
    expect(items.filter((i) => i.kind === "activity")).toHaveLength(22);
    const dec = items.find((i) => i.number === "2.3")!;
    expect([dec.termLabel, dec.termStart, dec.termEnd, dec.responsibleText]).toEqual(["Декабрь 2020 год", "2020-12-01", "2020-12-31", "МУ РУО, руководители ШНОР"]);
    expect(items.find((i) => i.number === "1.3")!.termEnd).toBeNull();
    expect(items.find((i) => i.number === "5.4")!.expectedResult).toBe("");
    expect(await importPlan(s, await as("chitaCoord"), { planId: created.id, items })).toMatchObject({ ok: false, status: 403 });
    expect(await importPlan(s, coord, { planId: created.id, items })).toMatchObject({ ok: true, count: 27 });
  });

  it("reports a quarter: the done activity with its evidence, overdue ones, counts by section; as XLSX and PDF", async () => {
    const id = await roadmap();
    const curator = await as("curator");
    const rows = await handle.db.select().from(planItems).where(eq(planItems.planId, id));
    const master = rows.find((r) => r.number === "2.2")!; // ноябрь 2026
    await saveReport(s, curator, { planId: id, itemId: master.id, actualResult: "Проведён мастер-класс для 12 учителей школы-партнёра.", markDone: true });
    await addEvidence(s, curator, { planId: id, itemId: master.id, url: "https://school.example/news/master-class", label: "Новость на сайте школы" });
    await s.clock.set(new Date("2026-12-20T03:00:00Z"));
    const report = await loadQuarterReport(handle.db, curator, id, s.clock.now(), "2026-4");
    const line = report.items.find((i) => i.id === master.id)!;
    expect([line.reportStatusLabel, line.actual, line.evidence.map((e) => e.label)]).toEqual(["выполнено в срок", "Проведён мастер-класс для 12 учителей школы-партнёра.", ["Новость на сайте школы"]]);
    expect(report.items.find((i) => i.number === "1.2")!.reportStatus).toBe("overdue"); // октябрь, not done
    expect(report.summary.totals.counts.on_time).toBe(1);
    expect(report.summary.sections.find((x) => x.number === "1.")!.counts.overdue).toBe(2);
    const xlsx = await reportXlsx(report, "https://most.example");
    const table = await readTable(xlsx, "report.xlsx", (cells) => cells.filter((c) => c === "Мероприятие" || c === "Статус").length);
    expect(table.headers).toEqual(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат", "Фактический результат (отметка о выполнении)", "Подтверждающие материалы", "Статус"]);
    expect(table.rows.find((r) => r[0] === "2.2")![6]).toBe("Новость на сайте школы: https://school.example/news/master-class");
    const pdf = await reportPdf(report, "https://most.example");
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(5000);
  });

  it("keeps evidence files checked by their bytes, for the plan's readers only", async () => {
    const id = await roadmap();
    const files = memoryFileStorage();
    const fs = { ...s, files };
    const [item] = await handle.db.select().from(planItems).where(and(eq(planItems.planId, id), eq(planItems.number, "2.2")));
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const curator = await as("curator");
    expect(await uploadEvidenceFile(fs, curator, { planId: id, itemId: item!.id, name: "программа.exe.pdf", bytes: new TextEncoder().encode("MZ\u0090\u0000 not a pdf") })).toMatchObject({ ok: false, status: 400 });
    expect(await uploadEvidenceFile(fs, await as("outsider"), { planId: id, itemId: item!.id, name: "протокол.pdf", bytes: pdf })).toMatchObject({ ok: false, status: 403 });
    const r = await uploadEvidenceFile(fs, curator, { planId: id, itemId: item!.id, name: "протокол.pdf", bytes: pdf });
    if (!r.ok) throw new Error(r.error);
    expect(files.keys()).toEqual([expect.stringMatching(/^plans\/[0-9a-f-]{36}\.pdf$/)]);
    const page = await loadPlanPage(handle.db, curator, id, s.clock.now());
    expect(page.items.find((i) => i.id === item!.id)!.evidence).toEqual([{ id: r.evidenceId, kind: "file", url: `/plans/${id}/evidence/${r.evidenceId}`, label: "протокол.pdf" }]);
    const res = await downloadEvidenceFile(fs, curator, id, r.evidenceId);
    expect([res.headers.get("Content-Type"), new Uint8Array(await res.arrayBuffer())]).toEqual(["application/pdf", pdf]);
    await expect(downloadEvidenceFile(fs, await as("outsider"), id, r.evidenceId)).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("gives the demo's active partnerships roadmaps and Бичурский район its plan, once", async () => {
    const active = await handle.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.status, "active"));
    const roadmaps = await handle.db.select({ ownerId: plans.ownerId }).from(plans).where(eq(plans.ownerKind, "partnership"));
    const demoActive = active.filter((a) => a.id !== partnershipId);
    expect(demoActive.length).toBeGreaterThan(0);
    for (const a of demoActive) expect(roadmaps.map((r) => r.ownerId)).toContain(a.id);
    expect(await handle.db.select().from(plans).where(and(eq(plans.ownerKind, "municipality"), eq(plans.ownerId, bichura)))).not.toHaveLength(0);
    expect(await seedPlans(handle.db, s.clock.now())).toBe(0);
  });

  it("lets a school's administrator publish the school's plan for everyone; a roadmap cannot be published", async () => {
    const [school] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, "7527090034"));
    const director = await viewerOfUser(handle.db, await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: school!.id }] }));
    const created = await createPlan(s, director, { ownerKind: "organisation", ownerId: school!.id, title: "План перехода в эффективный режим", schoolYear: "2026/2027", templateId: "school-improvement" });
    if (!created.ok) throw new Error(created.error);
    const found = async () => (await loadPlan(handle.db, GUEST, created.id))!;
    expect(canReadPlan(GUEST, (await found()).owner.access, (await found()).plan)).toBe(false);
    expect(await setPublished(s, await as("outsider"), { planId: created.id, published: true })).toMatchObject({ ok: false, status: 403 });
    expect(await setPublished(s, director, { planId: created.id, published: true })).toMatchObject({ ok: true });
    expect(canReadPlan(GUEST, (await found()).owner.access, (await found()).plan)).toBe(true);
    // A responsible teacher whose name is not public: the school's editors see it, a guest does not.
    const teacher = await makePerson(handle.db, { name: "Закрытая Ответственная" });
    await makeStaff(handle.db, school!.id, teacher);
    const added = await addItem(s, director, { planId: created.id, kind: "activity", number: "9.1", title: "Открытый урок для родителей", termLabel: "декабрь", termEnd: "2026-12-25" });
    if (!added.ok) throw new Error(added.error);
    expect(await assignPerson(s, director, { planId: created.id, itemId: added.itemId, userId: teacher })).toMatchObject({ ok: true });
    const peopleOf = async (viewer: Viewer) => (await loadPlanPage(handle.db, viewer, created.id, s.clock.now())).items.find((i) => i.id === added.itemId)!.people.map((x) => x.name);
    expect(await peopleOf(director)).toEqual(["Закрытая Ответственная"]);
    expect(await peopleOf(GUEST)).toEqual([HIDDEN_PERSON_NAME]);
    expect(JSON.stringify(await loadPlanSheet(handle.db, GUEST, created.id))).not.toContain("Закрытая Ответственная");
    expect(await setPublished(s, await as("curator"), { planId: await roadmap(), published: true })).toMatchObject({ ok: false, status: 400 });
  });
});
