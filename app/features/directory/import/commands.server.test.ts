/**
 * The upload, confirmation and background apply of school lists, on the engine under test (PGlite
 * by default, PostgreSQL with DATABASE_URL): statuses, progress events, the stream policy, and
 * nothing written for a refused file.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../../db/client.ts";
import { organisations, regions, schoolImports, schoolYears, users } from "../../../../db/schema/index.ts";
import { readEventsAfter } from "../../../../server/events/store.ts";
import { makeOrganisation } from "../../../../tests/factories/directory.ts";
import { schoolsCsv, schoolsXlsx, type GeneratedFile } from "../../../../tests/fixtures/import/generate.ts";
import { createTestDatabase } from "../../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../../tests/setup/services.ts";
import type { Viewer } from "../../accounts/viewer.server.ts";
import { confirmImport, uploadImport } from "./commands.server.ts";
import { IMPORT_UI } from "./messages.ts";
import { canReadImportStream } from "./policy.server.ts";
import { createProgressReporter } from "./progress.server.ts";
import { IMPORT_EVENTS, importStreamKey } from "./progress.ts";
import { getImportPage } from "./queries.server.ts";
import { applyStoredImport } from "./run.server.ts";

const YEAR = "2025/2026";
const ZONE = "Europe/Moscow";
let handle: DatabaseHandle & { url?: string };
let services: TestServices;
let chita: string;
let tula: string;
let coordinator: Viewer & { id: string };
let tulaCoordinator: Viewer & { id: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  // The worker stays off: the tests run the job's function themselves, except the last one.
  services = await createTestServices(handle, { runJobs: false });
  const rows = await handle.db.select({ id: regions.id, code: regions.code }).from(regions);
  chita = rows.find((r) => r.code === "75")!.id;
  tula = rows.find((r) => r.code === "71")!.id;
  const people = await handle.db.select({ id: users.id, email: users.email }).from(users);
  const idOf = (email: string) => people.find((p) => p.email === email)!.id;
  coordinator = { id: idOf("coordinator.chita@most.example"), anonymous: false, roles: [{ role: "coordinator", scopeType: "region", scopeId: chita }] };
  tulaCoordinator = { id: idOf("coordinator.tula@most.example"), anonymous: false, roles: [{ role: "coordinator", scopeType: "region", scopeId: tula }] };
});
afterAll(async () => {
  await services?.stop();
  await handle?.close();
});

const asFile = (f: GeneratedFile) => new File([new Uint8Array(f.bytes)], f.fileName);
const upload = (f: GeneratedFile, over: { regionId?: string; clearAbsent?: boolean } = {}) => ({
  regionId: over.regionId ?? chita,
  schoolYear: YEAR as "2025/2026",
  clearAbsent: over.clearAbsent ?? false,
  file: asFile(f),
});

async function counts() {
  const [row] = await handle.db
    .select({ o: sql<number>`(select count(*)::int from ${organisations})`, y: sql<number>`(select count(*)::int from ${schoolYears})` })
    .from(regions)
    .limit(1);
  return row!;
}

const importRow = async (id: string) => (await handle.db.select().from(schoolImports).where(eq(schoolImports.id, id)))[0]!;
const eventsOf = async (id: string) => readEventsAfter(handle.db, importStreamKey(id), 0);

describe("school list uploads", () => {
  it("stores a valid upload as previewed and writes nothing to the directory", async () => {
    const before = await counts();
    const file = schoolsCsv({ rows: 30, seed: 41, firstNumber: 610_000, encoding: "windows-1251" });
    const result = await uploadImport(services, coordinator, upload(file));
    expect(result).toMatchObject({ ok: true, status: "previewed" });
    const row = await importRow((result as { id: string }).id);
    expect(row).toMatchObject({ status: "previewed", regionId: chita, schoolYear: YEAR, fileName: file.fileName, createdBy: coordinator.id, errors: null });
    expect(Buffer.from(row.file).equals(Buffer.from(file.bytes))).toBe(true);
    expect(row.summary).toMatchObject({ detected: { format: "csv", encoding: "windows-1251", delimiter: ";" }, preview: { rows: 30, create: 30, invalid: 0 } });
    expect(await counts()).toEqual(before);

    const page = await getImportPage(handle.db, row.id, { errorsPage: 1, zone: ZONE });
    expect(page!.preview).toMatchObject({ ok: true, stats: { create: 30, update: 0, invalid: 0 }, errors: { total: 0 } });
    expect(page!.format).toBe("CSV, кодировка Windows-1251 (cp1251), разделитель «;»");
    expect(page!.preview!.columns).toContainEqual({ header: "ИНН", field: "ИНН" });
    expect(page!.preview!.columns).toContainEqual({ header: "№ п/п", field: null, note: IMPORT_UI.columnUnknown });
  });

  it("stores a broken cp1251 list as rejected with every Russian error, writes nothing and cannot be confirmed", async () => {
    const before = await counts();
    const file = schoolsCsv({
      rows: 120,
      seed: 42,
      firstNumber: 620_000,
      encoding: "windows-1251",
      omitColumns: ["municipality"],
      brokenRows: { 10: "duplicateInn", 60: "innChecksum" },
    });
    const result = await uploadImport(services, coordinator, upload(file));
    expect(result).toMatchObject({ ok: true, status: "rejected" });
    const id = (result as { id: string }).id;
    const row = await importRow(id);
    expect(row.errors).toHaveLength(3);
    expect(row.errors![0]).toMatch(/^В файле нет столбца «Муниципальное образование»/);
    expect(row.errors![1]).toBe(`Строки 11 и 12: один и тот же ИНН ${file.schools[9]!.inn} — оставьте одну строку на школу`);
    expect(row.errors![2]).toMatch(/^Строка 62: ИНН \d{10} не проходит проверку контрольной суммы/);
    await expect(confirmImport(services, coordinator, id)).rejects.toMatchObject({ init: { status: 409 } });
    expect(await counts()).toEqual(before);
    expect(await eventsOf(id)).toEqual([]);

    const page = await getImportPage(handle.db, id, { errorsPage: 1, zone: ZONE });
    expect(page!.preview).toMatchObject({ ok: false, missing: ["Муниципальное образование"], errors: { total: 3, pages: 1 } });
  });

  it("stores an unreadable file as rejected with the reader's message", async () => {
    const file = { bytes: new TextEncoder().encode("%PDF-1.7 not a table"), fileName: "список.csv", schools: [] };
    const result = await uploadImport(services, coordinator, upload(file));
    const row = await importRow((result as { id: string }).id);
    expect(row.status).toBe("rejected");
    expect(row.errors).toEqual([expect.stringMatching(/^Файл не похож на таблицу CSV или XLSX/)]);
    const page = await getImportPage(handle.db, row.id, { errorsPage: 1, zone: ZONE });
    expect(page!.preview).toMatchObject({ readable: false, stats: null, errors: { total: 1 } });
  });

  it("refuses a region the viewer does not coordinate (403), storing nothing", async () => {
    const file = schoolsCsv({ rows: 3, seed: 43, firstNumber: 630_000 });
    const [before] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(schoolImports);
    await expect(uploadImport(services, tulaCoordinator, upload(file))).rejects.toMatchObject({ init: { status: 403 } });
    const [after] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(schoolImports);
    expect(after!.n).toBe(before!.n);
  });
});

describe("applying a confirmed upload", () => {
  it("confirms once, applies in the background with progress events, and sets status done", { timeout: 30_000 }, async () => {
    const file = await schoolsXlsx({ rows: 1200, seed: 44, firstNumber: 640_000 });
    const { id } = (await uploadImport(services, coordinator, upload(file))) as { id: string };
    expect(await confirmImport(services, coordinator, id)).toEqual({ started: true });
    expect(await confirmImport(services, coordinator, id)).toEqual({ started: false }); // a double click
    await expect(confirmImport(services, tulaCoordinator, id)).rejects.toMatchObject({ init: { status: 403 } });
    expect((await importRow(id)).status).toBe("applying");

    expect(await applyStoredImport(services, id)).toBe("done");
    const row = await importRow(id);
    expect(row.status).toBe("done");
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(row.summary).toMatchObject({ preview: { create: 1200 }, result: { created: 1200, updated: 0, unchanged: 0, clearedAbsent: 0 } });
    const written = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schoolYears)
      .innerJoin(organisations, eq(organisations.id, schoolYears.organisationId))
      .where(inArray(organisations.inn, file.schools.map((s) => s.inn)));
    expect(written[0]!.n).toBe(1200);

    const events = await eventsOf(id);
    const phases = events.filter((e) => e.type === IMPORT_EVENTS.progress).map((e) => e.payload.phase);
    const live = services.engine === "postgres";
    expect(phases).toEqual(["queued", "read", "validate", "plan", "write", ...(live ? ["write", "write", "write"] : [])]);
    expect(events.find((e) => e.payload.phase === "write")!.payload).toEqual({ phase: "write", rows: 1200, done: 0, total: 1200, live });
    if (live) expect(events.filter((e) => e.payload.phase === "write").map((e) => e.payload.done)).toEqual([0, 500, 1000, 1200]);
    expect(events.at(-1)).toMatchObject({ type: IMPORT_EVENTS.finished, payload: { status: "done" } });

    // A repeated job (a retry after a crash that came too late) does nothing.
    expect(await applyStoredImport(services, id)).toBe("skipped");
    const page = await getImportPage(handle.db, id, { errorsPage: 1, zone: ZONE });
    expect(page).toMatchObject({ status: "done", result: { created: 1200 }, format: "Книга Excel (XLSX), лист «Список ОО»" });
  });

  it("rejects, writing nothing, when the directory changed since the preview", async () => {
    const file = schoolsCsv({ rows: 40, seed: 45, firstNumber: 650_000 });
    const { id } = (await uploadImport(services, coordinator, upload(file))) as { id: string };
    await confirmImport(services, coordinator, id);
    // Meanwhile one of the file's ИНН turned up in another region.
    await makeOrganisation(handle.db, tula, { inn: file.schools[5]!.inn, name: "МБОУ «СОШ № 1 г. Тулы»" });
    const before = await counts();
    expect(await applyStoredImport(services, id)).toBe("rejected");
    const row = await importRow(id);
    expect(row.errors![0]).toBe(IMPORT_UI.rejectedLater);
    expect(row.errors![1]).toMatch(/^Строка 7: ИНН \d{10} уже принадлежит организации «МБОУ «СОШ № 1 г\. Тулы»» \(Тульская область\)/);
    expect(await counts()).toEqual(before);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: IMPORT_EVENTS.finished, payload: { status: "rejected" } });
  });

  it("commits batch progress while the import's transaction is open on PostgreSQL, and never waits for it on PGlite", { timeout: 5000 }, async () => {
    const id = crypto.randomUUID();
    const reporter = createProgressReporter(services, id);
    await handle.db.transaction(async () => {
      // On PGlite a write through the root client here would wait for this transaction: the timeout catches it.
      await reporter.batch(500, 1000);
      if (services.engine === "postgres") {
        // Another connection already sees it: the event is committed, not waiting for this transaction.
        expect((await readEventsAfter(handle.db, importStreamKey(id), 0)).map((e) => e.payload)).toEqual([{ phase: "write", done: 500, total: 1000, live: true }]);
      }
    });
    expect(await eventsOf(id)).toHaveLength(services.engine === "postgres" ? 1 : 0);
  });

  it("the job runs from the queue after confirmation", { timeout: 30_000 }, async () => {
    await services.stop();
    services = await createTestServices(handle);
    const file = schoolsCsv({ rows: 25, seed: 46, firstNumber: 660_000, encoding: "windows-1251" });
    const { id } = (await uploadImport(services, coordinator, upload(file, { clearAbsent: true }))) as { id: string };
    await confirmImport(services, coordinator, id);
    const deadline = Date.now() + 20_000;
    while ((await importRow(id)).status === "applying" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const row = await importRow(id);
    expect(row.status).toBe("done");
    // The region's other listed schools (the demo ones and the earlier uploads) lost this year's flags.
    expect((row.summary as { result: { created: number; clearedAbsent: number } }).result).toMatchObject({ created: 25 });
    expect((row.summary as { result: { clearedAbsent: number } }).result.clearedAbsent).toBeGreaterThan(0);
  });
});

describe("the progress stream policy", () => {
  it("lets coordinators of the import's region (and admins) read import:<id>, nobody else", async () => {
    const file = schoolsCsv({ rows: 2, seed: 47, firstNumber: 670_000 });
    const { id } = (await uploadImport(services, coordinator, upload(file))) as { id: string };
    const admin: Viewer = { id: crypto.randomUUID(), anonymous: false, roles: [{ role: "admin" }] };
    const teacher: Viewer = { id: crypto.randomUUID(), anonymous: false, roles: [] };
    const guest: Viewer = { id: null, anonymous: true, roles: [] };
    expect(await canReadImportStream(coordinator, id, handle.db)).toBe(true);
    expect(await canReadImportStream(admin, id, handle.db)).toBe(true);
    expect(await canReadImportStream(tulaCoordinator, id, handle.db)).toBe(false);
    expect(await canReadImportStream(teacher, id, handle.db)).toBe(false);
    expect(await canReadImportStream(guest, id, handle.db)).toBe(false);
    expect(await canReadImportStream(coordinator, "not-a-uuid", handle.db)).toBe(false);
    expect(await canReadImportStream(coordinator, crypto.randomUUID(), handle.db)).toBe(false);
  });
});
