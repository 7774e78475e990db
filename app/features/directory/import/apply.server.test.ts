import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "../../../../db/client.ts";
import { organisations, regions, schoolYears } from "../../../../db/schema/index.ts";
import { makeOrganisation } from "../../../../tests/factories/directory.ts";
import { schoolsCsv, type GeneratedFile } from "../../../../tests/fixtures/import/generate.ts";
import { createTestDatabase } from "../../../../tests/setup/database.ts";
import { applyImport, ImportRejectedError } from "./apply.server.ts";
import { importFile, previewImport } from "./import.server.ts";

const YEAR = "2025/2026";
let handle: DatabaseHandle;
let db: Executor;
let regionId: string;
let buryatiaId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const rows = await db.select({ id: regions.id, code: regions.code }).from(regions);
  regionId = rows.find((r) => r.code === "75")!.id;
  buryatiaId = rows.find((r) => r.code === "03")!.id;
});
afterAll(async () => handle?.close());

const file = (f: GeneratedFile) => ({ bytes: f.bytes, name: f.fileName });
const target = (schoolYear = YEAR) => ({ regionId, schoolYear });

async function counts() {
  const [row] = await db
    .select({
      organisations: sql<number>`(select count(*)::int from ${organisations})`,
      schoolYears: sql<number>`(select count(*)::int from ${schoolYears})`,
      updated: sql<string>`(select max(${organisations.updatedAt})::text from ${organisations})`,
    })
    .from(regions)
    .limit(1);
  return row!;
}

async function stored(inns: string[], schoolYear = YEAR) {
  return db
    .select({ inn: organisations.inn, name: organisations.name, shortName: organisations.shortName, phone: organisations.phone,
      municipalityId: organisations.municipalityId, kind: organisations.kind, regionId: organisations.regionId,
      updatedAt: organisations.updatedAt, lowResults: schoolYears.lowResults, leading: schoolYears.leading,
      teacherCount: schoolYears.teacherCount, yearUpdatedAt: schoolYears.updatedAt })
    .from(organisations)
    .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, schoolYear)))
    .where(inArray(organisations.inn, inns))
    .orderBy(organisations.inn);
}

describe("planImport + applyImport", () => {
  const first = schoolsCsv({ rows: 20, seed: 7, firstNumber: 500 });
  const inns = first.schools.map((s) => s.inn);

  it("previews new schools and the region's listed schools missing from the file, writing nothing", async () => {
    const before = await counts();
    const preview = await previewImport(db, file(first), target());
    expect(preview.ok).toBe(true);
    expect(preview.plan!.stats).toMatchObject({ create: 20, update: 0, unchanged: 0, invalid: 0 });
    const [listed] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schoolYears)
      .innerJoin(organisations, eq(organisations.id, schoolYears.organisationId))
      .where(and(eq(organisations.regionId, regionId), eq(schoolYears.schoolYear, YEAR)));
    expect(preview.plan!.absent).toHaveLength(listed!.n);
    expect(listed!.n).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it("creates the schools with the year's flags, then re-imports the same file without touching a row", async () => {
    const progress: [number, number][] = [];
    const result = await importFile(db, file(first), target(), { onProgress: (done, total) => void progress.push([done, total]) });
    expect(result).toMatchObject({ created: 20, updated: 0, unchanged: 0, clearedAbsent: 0 });
    expect(progress).toEqual([[20, 20]]);
    const rows = await stored(inns);
    expect(rows).toHaveLength(20);
    for (const [i, s] of first.schools.entries()) {
      const row = rows.find((r) => r.inn === s.inn)!;
      expect(row, `row ${i}`).toMatchObject({ kind: "school", regionId, name: s.name, lowResults: s.lowResults, leading: s.leading, teacherCount: Number(s.teacherCount) });
    }
    const again = await importFile(db, file(first), target());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    expect(await stored(inns)).toEqual(rows);
  });

  it("updates only what changed and says what, before and after", async () => {
    // The same list with one phone and one flag (ШНСУ of row 7) changed.
    const text = new TextDecoder().decode(first.bytes).replace(first.schools[3]!.phone, "+7 (30244) 2-00-00");
    const lines = text.split("\r\n");
    const cells = lines[6]!.split(";");
    const adverse = first.schools[5]!.adverseConditions;
    cells[11] = adverse ? "" : "да";
    lines[6] = cells.join(";");
    const preview = await previewImport(db, { bytes: new TextEncoder().encode(lines.join("\r\n")), name: "changed.csv" }, target());
    expect(preview.plan!.stats).toMatchObject({ create: 0, update: 2, unchanged: 18 });
    const updates = preview.plan!.items.filter((i) => i.action === "update");
    expect(updates.map((u) => [u.line, u.changes])).toEqual([
      [5, [{ field: "phone", label: "Телефон", from: first.schools[3]!.phone, to: "+7 (30244) 2-00-00" }]],
      [7, [{ field: "adverseConditions", label: "ШНСУ", from: adverse ? "да" : "нет", to: adverse ? "нет" : "да" }]],
    ]);
    const before = await stored(inns);
    expect(await applyImport(db, preview.plan!)).toEqual({ created: 0, updated: 2, unchanged: 18, clearedAbsent: 0 });
    const after = await stored(inns);
    const touched = after.filter((r, i) => r.updatedAt.getTime() !== before[i]!.updatedAt.getTime() || r.yearUpdatedAt?.getTime() !== before[i]!.yearUpdatedAt?.getTime());
    expect(touched.map((r) => r.inn).sort()).toEqual([first.schools[3]!.inn, first.schools[5]!.inn].sort());
  });

  it("keeps what a list does not say: phones without a phone column, the short name without its column", async () => {
    const bare = schoolsCsv({ rows: 20, seed: 7, firstNumber: 500, omitColumns: ["phone", "shortName", "teacherCount", "adverseConditions"] });
    const before = await stored(inns);
    expect((await importFile(db, file(bare), target())).unchanged).toBe(20);
    expect(await stored(inns)).toEqual(before);
  });

  it("refuses an ИНН of another region's school or of a body that is not a school, and writes nothing", async () => {
    const foreign = schoolsCsv({ rows: 5, seed: 3, firstNumber: 900 });
    const other = await makeOrganisation(db, buryatiaId, { name: "МАОУ «СОШ № 1 г. Улан-Удэ»", inn: foreign.schools[2]!.inn });
    const text = new TextDecoder()
      .decode(foreign.bytes)
      .replace(foreign.schools[4]!.inn, "7536010074"); // the ministry of the demo seed
    const before = await counts();
    const error = await importFile(db, { bytes: new TextEncoder().encode(text), name: "foreign.csv" }, target()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).reasons).toEqual([
      `Строка 4: ИНН ${other.inn} уже принадлежит организации «МАОУ «СОШ № 1 г. Улан-Удэ»» (Республика Бурятия) — школу другого региона перезаписать нельзя, проверьте ИНН`,
      "Строка 6: ИНН 7536010074 принадлежит не школе, а организации «Министерство образования и науки Забайкальского края» — проверьте ИНН",
    ]);
    expect((error as Error).message).toBe("Импорт отклонён: ошибок в файле: 2. Ничего не записано — исправьте файл и загрузите его снова.");
    expect(await counts()).toEqual(before);
    const [ministry] = await stored(["7536010074"]);
    expect(ministry!.kind).toBe("ministry");
  });

  it("refuses a plan made invalid by a change of the directory after the preview", async () => {
    const late = schoolsCsv({ rows: 3, seed: 4, firstNumber: 950 });
    const preview = await previewImport(db, file(late), target());
    expect(preview.ok).toBe(true);
    await makeOrganisation(db, buryatiaId, { inn: late.schools[1]!.inn });
    const before = await counts();
    await expect(applyImport(db, preview.plan!)).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await counts()).toEqual(before);
  });

  it("refuses to make a school both ШНОР and школа-лидер through a list without the leading column", async () => {
    const gymnasium = "7536090143"; // Гимназия № 14: a leading school in every demo year
    const text = `ИНН;Наименование;Муниципалитет;ШНОР\r\n${gymnasium};МБОУ «Гимназия № 14 г. Читы»;город Чита;да\r\n`;
    const preview = await previewImport(db, { bytes: new TextEncoder().encode(text), name: "g.csv" }, target());
    expect(preview.errors).toEqual([
      "Строка 2: школа стала бы одновременно ШНОР и школой-лидером в 2025/2026 учебном году: в справочнике уже стоит отметка «школа-лидер», а в файле нет этого столбца — добавьте столбец или снимите отметку",
    ]);
  });

  it("writes all or nothing: a failure in the last batch leaves no trace", async () => {
    const big = schoolsCsv({ rows: 1200, seed: 5, firstNumber: 2000 });
    const before = await counts();
    const calls: number[] = [];
    const failing = importFile(db, file(big), target(), {
      onProgress: (done) => {
        calls.push(done);
        if (done === 1200) throw new Error("connection lost");
      },
    });
    await expect(failing).rejects.toThrow("connection lost");
    expect(calls).toEqual([500, 1000, 1200]);
    expect(await counts()).toEqual(before);
  });

  it("clears the year's flags of absent schools only when asked, and only once", async () => {
    const next = "2026/2027";
    const list = schoolsCsv({ rows: 4, seed: 9, firstNumber: 3000 });
    const preview = await previewImport(db, file(list), target(next));
    const flagged = preview.plan!.absent.filter((a) => a.flags.length);
    expect(flagged.length).toBeGreaterThan(0);
    const first = await applyImport(db, preview.plan!, { clearAbsent: true });
    expect(first).toMatchObject({ created: 4, clearedAbsent: flagged.length });
    const ids = flagged.map((a) => a.organisationId);
    const rows = await db.select().from(schoolYears).where(and(eq(schoolYears.schoolYear, next), inArray(schoolYears.organisationId, ids)));
    expect(rows.every((r) => !r.lowResults && !r.adverseConditions && !r.leading && !r.trainingSite && !r.project500)).toBe(true);
    expect(rows).toHaveLength(ids.length); // reported and cleared, never deleted
    const second = await importFile(db, file(list), target(next), { clearAbsent: true });
    expect(second).toMatchObject({ created: 0, unchanged: 4, clearedAbsent: 0 });
  });
});
