import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../../../../db/seed/data/directory.ts";
import { schoolsCsv, withInnChecksum } from "../../../../tests/fixtures/import/generate.ts";
import { readTable } from "./parse.server.ts";
import { deriveShortName, isValidInn, listErrors, validateRows, type ValidationContext } from "./validate.server.ts";

const context: ValidationContext = {
  regionCode: "75",
  regionName: "Забайкальский край",
  schoolYear: "2025/2026",
  municipalities: MUNICIPALITIES.filter((m) => m.regionCode === "75").map((m) => ({ id: `id:${m.name}`, name: m.name })),
};

const HEADERS = ["№", "ИНН", "Полное наименование", "Муниципальное образование", "E-mail", "ШНОР", "Школа-лидер", "Количество педагогов"];
/** A valid row; `over` replaces cells by header. */
function row(inn: string, over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    "№": "1",
    ИНН: inn,
    "Полное наименование": `МБОУ «СОШ № ${inn.slice(-3)} г. Читы»`,
    "Муниципальное образование": "город Чита",
    "E-mail": "",
    ШНОР: "",
    "Школа-лидер": "",
    "Количество педагогов": "30",
    ...over,
  };
  return HEADERS.map((h) => base[h]!);
}
const inn = (n: number) => withInnChecksum(`7536${String(n).padStart(5, "0")}`);
/** Rows 2…n+1 of a sheet, valid unless overridden. */
const sheet = (count: number, overrides: Record<number, string[]> = {}) =>
  Array.from({ length: count }, (_, i) => overrides[i + 2] ?? row(inn(i + 2)));

describe("validateRows", () => {
  it("accepts a clean generated list and normalises its values", async () => {
    const file = schoolsCsv({ rows: 200, headers: "synonyms", regionColumn: true });
    const result = validateRows(await readTable(file.bytes, file.fileName), context);
    expect(result.fileErrors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.stats).toEqual({ total: 200, valid: 200, invalid: 0, duplicates: 0 });
    const first = file.schools[0]!;
    expect(result.rows[0]).toMatchObject({
      line: 2,
      inn: first.inn,
      errors: [],
      data: {
        name: first.name,
        shortName: first.shortName,
        shortNameDerived: false,
        municipalityId: `id:${first.municipality}`,
        rural: first.rural,
        email: first.email,
        teacherCount: Number(first.teacherCount),
        flags: {
          lowResults: first.lowResults,
          adverseConditions: first.adverseConditions,
          leading: first.leading,
          trainingSite: first.trainingSite,
          project500: first.project500,
        },
      },
    });
    expect(result.statedFlags).toEqual(["lowResults", "adverseConditions", "leading", "trainingSite", "project500"]);
  });

  it("explains every kind of row error in Russian, with the row number of the sheet", () => {
    const rows = sheet(60, {
      14: row("751234567"),
      15: row("323010077"),
      16: row(inn(16).replace(/^(\d{4})(\d{4})/, "$1 $2 ")),
      20: row("7512345678"),
      22: row(inn(22), { ИНН: "" }),
      25: row(inn(25), { "Полное наименование": " " }),
      31: row(inn(31), { "Муниципальное образование": "Шилкинскй район" }),
      32: row(inn(32), { "Муниципальное образование": "Москва" }),
      33: row(inn(33), { "Муниципальное образование": "г. Чита" }),
      35: row(inn(35), { "E-mail": "school35@" }),
      36: row(inn(36), { "E-mail": "School36@Школа.РФ" }),
      37: row(inn(37), { "Количество педагогов": "-3" }),
      38: row(inn(38), { "Количество педагогов": "12,5" }),
      40: row(inn(99)),
      41: row(inn(41), { ШНОР: "да", "Школа-лидер": "+" }),
      42: row(inn(42), { ШНОР: "может быть" }),
      52: row(inn(99)),
    });
    const result = validateRows({ headers: HEADERS, rows }, context);
    expect(result.ok).toBe(false);
    expect(result.fileErrors).toEqual([]);
    const errorsOf = (line: number) => result.rows.find((r) => r.line === line)!.errors;
    expect(errorsOf(14)).toEqual(["Строка 14: ИНН «751234567» — должно быть 10 цифр"]);
    expect(errorsOf(15)).toEqual([
      "Строка 15: ИНН «323010077» — должно быть 10 цифр; если Excel отбросил ведущий ноль, правильный ИНН 0323010077 — задайте столбцу текстовый формат",
    ]);
    expect(errorsOf(16)).toEqual([]); // spaces inside an ИНН are fine
    expect(result.rows.find((r) => r.line === 16)!.inn).toBe(inn(16));
    expect(errorsOf(20)).toEqual(["Строка 20: ИНН 7512345678 не проходит проверку контрольной суммы — проверьте, не перепутаны ли цифры"]);
    expect(errorsOf(22)).toEqual(["Строка 22: не заполнен ИНН"]);
    expect(errorsOf(25)).toEqual(["Строка 25: не заполнено полное наименование"]);
    expect(errorsOf(31)).toEqual(["Строка 31: муниципалитет «Шилкинскй район» не найден в Забайкальском крае. Похожие: Шилкинский район"]);
    expect(errorsOf(32)).toEqual([
      "Строка 32: муниципалитет «Москва» не найден в Забайкальском крае. Проверьте название или попросите администратора добавить муниципалитет в справочник",
    ]);
    expect(errorsOf(33)).toEqual([]);
    expect(errorsOf(35)).toEqual(["Строка 35: e-mail «school35@» указан неверно — нужен один адрес вида school@example.ru"]);
    expect(result.rows.find((r) => r.line === 36)!.data!.email).toBe("school36@школа.рф");
    expect(errorsOf(37)).toEqual(["Строка 37: количество педагогов «-3» — нужно целое число не меньше 0"]);
    expect(errorsOf(38)).toEqual(["Строка 38: количество педагогов «12,5» — нужно целое число не меньше 0"]);
    expect(errorsOf(40)).toEqual(["Строки 40 и 52: один и тот же ИНН " + inn(99) + " — оставьте одну строку на школу"]);
    expect(errorsOf(52)).toEqual(errorsOf(40));
    expect(errorsOf(41)).toEqual(["Строка 41: школа отмечена и как ШНОР, и как школа-лидер в 2025/2026 учебном году — оставьте одну отметку"]);
    expect(errorsOf(42)).toEqual([
      "Строка 42: в столбце «ШНОР» значение «может быть» не распознано — напишите «да» или «нет» (подойдут также +, 1, х или пустая ячейка)",
    ]);
    expect(result.stats).toEqual({ total: 60, valid: 46, invalid: 14, duplicates: 2 });
  });

  it("lists all of a row's problems at once", () => {
    const rows = [row("123", { "Муниципальное образование": "", ШНОР: "да", "Школа-лидер": "да", "Количество педагогов": "много" })];
    expect(validateRows({ headers: HEADERS, rows }, context).rows[0]!.errors).toEqual([
      "Строка 2: ИНН «123» — должно быть 10 цифр",
      "Строка 2: не указан муниципалитет",
      "Строка 2: количество педагогов «много» — нужно целое число не меньше 0",
      "Строка 2: школа отмечена и как ШНОР, и как школа-лидер в 2025/2026 учебном году — оставьте одну отметку",
    ]);
  });

  it("checks the region column against the region chosen for the import", () => {
    const headers = [...HEADERS, "Субъект РФ"];
    const rows = ["Забайкальский край", "75", "забайкальский", "", "Республика Бурятия", "03 Республика Бурятия"].map((region, i) => [
      ...row(inn(i + 1)),
      region,
    ]);
    const result = validateRows({ headers, rows }, context);
    expect(result.rows.map((r) => r.errors)).toEqual([
      [],
      [],
      [],
      [],
      ["Строка 6: регион «Республика Бурятия» не совпадает с выбранным для загрузки (Забайкальский край) — уберите строку или загрузите файл в нужном регионе"],
      ["Строка 7: регион «03 Республика Бурятия» не совпадает с выбранным для загрузки (Забайкальский край) — уберите строку или загрузите файл в нужном регионе"],
    ]);
  });

  it("rejects a file without a required column or with a column twice, naming the columns found", () => {
    const headers = ["ИНН", "Наименование ОО", "ИНН ОО", "ШНОР"];
    const result = validateRows({ headers, rows: [[inn(1), "Школа", inn(1), "да"]] }, context);
    expect(result.ok).toBe(false);
    expect(result.fileErrors).toEqual([
      "В файле нет столбца «Муниципальное образование». Найдены столбцы: «ИНН», «Наименование ОО», «ИНН ОО», «ШНОР». Добавьте столбец или переименуйте подходящий.",
      "Столбцы «ИНН», «ИНН ОО» означают одно и то же («ИНН»). Оставьте один из них.",
    ]);
    expect(validateRows({ headers: HEADERS, rows: [] }, context).fileErrors).toEqual([
      "В файле есть заголовки, но нет ни одной строки со школами.",
    ]);
  });

  it("lists every error of the broken cp1251 fixture (missing column, duplicates, checksum, teachers)", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/import/zabaykalsky-broken-cp1251.csv")));
    const table = await readTable(bytes, "broken.csv");
    expect(table.encoding).toBe("windows-1251");
    expect(table.rows[3]![1]).toBe("МБОУ «СОШ № 5 г. Читы» (ёлочка)");
    const result = validateRows(table, context);
    expect(result.ok).toBe(false);
    expect(listErrors(result)).toEqual([
      "В файле нет столбца «Муниципальное образование». Найдены столбцы: «ИНН», «Наименование ОО», «ШНОР», «Число учителей». Добавьте столбец или переименуйте подходящий.",
      "Строки 2 и 3: один и тот же ИНН 7536990031 — оставьте одну строку на школу",
      "Строка 4: ИНН 7536990040 не проходит проверку контрольной суммы — проверьте, не перепутаны ли цифры",
      "Строка 5: количество педагогов «-3» — нужно целое число не меньше 0",
    ]);
  });

  it("derives a short name when the list has none", () => {
    expect(deriveShortName("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1 г. Шилка»")).toBe(
      "МБОУ «СОШ № 1 г. Шилка»",
    );
  });
});

describe("properties", () => {
  it("the ИНН checksum accepts every generated ИНН and rejects every other control digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const valid = withInnChecksum(nine);
        const wrong = nine + String((Number(valid[9]) + shift) % 10);
        return isValidInn(valid) && !isValidInn(wrong);
      }),
    );
  });

  it("never throws on arbitrary cells, and every message names its row", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: HEADERS.length }), { maxLength: 20 }), (rows) => {
        const result = validateRows({ headers: HEADERS, rows }, context);
        return result.rows.every((r) => r.errors.every((e) => /^Строк[аи] \d/.test(e)) && (r.errors.length > 0) !== Boolean(r.data));
      }),
    );
  });
});
