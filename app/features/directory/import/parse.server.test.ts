import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { schoolsCsv, schoolsXlsx } from "../../../../tests/fixtures/import/generate.ts";
import { FILE_MESSAGES } from "./messages.ts";
import { decodeText, ImportFileError, readTable } from "./parse.server.ts";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/import", name)));
const NOT_A_TABLE =
  "Файл не похож на таблицу CSV или XLSX. Сохраните список в Excel как «Книга Excel (*.xlsx)» или «CSV (разделители — точки с запятой)».";

describe("decodeText", () => {
  const text = "ИНН;Наименование ОО;Муниципалитет\r\n7527990010;МБОУ «СОШ № 1 г. Шилка» — ёлочка;Шилкинский район\r\n";

  it("reads UTF-8 with and without BOM", () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: "utf-8" });
  });

  it("detects cp1251 and restores the Cyrillic", () => {
    expect(decodeText(new Uint8Array(iconv.encode(text, "windows-1251")))).toEqual({ text, encoding: "windows-1251" });
  });

  it("reads Excel's «Текст Юникод» (UTF-16LE with BOM)", () => {
    expect(decodeText(new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true })))).toEqual({ text, encoding: "utf-16le" });
  });
});

describe("readTable: CSV", () => {
  it("finds the header under a title, skips the numbering, empty and totals rows and keeps the sheet's row numbers", async () => {
    const table = await readTable(fixture("zabaykalsky-title-numbering-utf8.csv"), "список.csv");
    expect(table).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";", headerLine: 3 });
    expect(table.headers).toEqual(["№ п/п", "ИНН ОО", "Наименование ОО", "Муниципалитет", "ШНОР", "ШНСУ", "Количество педагогов"]);
    expect(table.lines).toEqual([5, 7]);
    expect(table.rows[0]![2]).toBe(
      "Муниципальное бюджетное общеобразовательное учреждение \"Средняя общеобразовательная школа № 1 г. Шилка\"; корпус 2\n(начальная школа)",
    );
    expect(table.rows[1]).toEqual(["2", "7529990023", "Муниципальное общеобразовательное учреждение «Основная общеобразовательная школа с. Знаменка»", "Нерчинский район", "", "+", "12"]);
  });

  it("reads a cp1251 file with the right Cyrillic", async () => {
    const file = schoolsCsv({ rows: 20, encoding: "windows-1251" });
    const table = await readTable(file.bytes, file.fileName);
    expect(table.encoding).toBe("windows-1251");
    expect(table.headers).toContain("Полное наименование");
    expect(table.rows.map((r) => r[2])).toEqual(file.schools.map((s) => s.name));
    expect(table.rows.map((r) => r[4])).toEqual(file.schools.map((s) => s.municipality));
  });

  it.each([",", "\t", ";"])("detects the delimiter %j even with commas in unquoted addresses", async (delimiter) => {
    const file = schoolsCsv({ rows: 30, delimiter, headers: "synonyms" });
    const table = await readTable(file.bytes, "list.txt");
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows).toHaveLength(30);
    const address = table.headers.indexOf("Фактический адрес");
    expect(table.rows.map((r) => r[address])).toEqual(file.schools.map((s) => s.address));
  });

  it("honours Excel's «sep=» line", async () => {
    const table = await readTable(new TextEncoder().encode("sep=,\nИНН,Название,Район\n7527990010,Школа; № 1,Шилкинский район\n"), "a.csv");
    expect(table).toMatchObject({ delimiter: ",", headerLine: 1, lines: [2] });
    expect(table.rows[0]).toEqual(["7527990010", "Школа; № 1", "Шилкинский район"]);
  });

  it("refuses an unclosed quote instead of swallowing the rest of the file", async () => {
    const bytes = new TextEncoder().encode('ИНН;Название;Район\n7527990010;"Школа № 1;Шилкинский район\n7529990023;Школа № 2;Нерчинский район\n');
    await expect(readTable(bytes, "a.csv")).rejects.toThrow(FILE_MESSAGES.unclosedQuote(2));
  });
});

describe("readTable: XLSX", () => {
  it("is recognised by content, whatever the extension", async () => {
    const file = await schoolsXlsx({ rows: 5 });
    const table = await readTable(file.bytes, "список.csv");
    expect(table).toMatchObject({ format: "xlsx", sheetName: "Список ОО", headerLine: 1, lines: [2, 3, 4, 5, 6] });
    expect(table.rows.map((r) => r[1])).toEqual(file.schools.map((s) => s.inn));
  });

  it("pads an ИНН stored as a number back to 10 digits (Buryatia, region 03)", async () => {
    const file = await schoolsXlsx({ rows: 3, regionCode: "03", innAsNumber: true, titleRow: "Перечень школ Республики Бурятия" });
    const table = await readTable(file.bytes, "buryatia.xlsx");
    expect(table.headerLine).toBe(2);
    expect(file.schools[0]!.inn).toMatch(/^03\d{8}$/);
    expect(table.rows.map((r) => r[1])).toEqual(file.schools.map((s) => s.inn));
    const teachers = table.headers.indexOf("Количество педагогов");
    expect(table.rows.map((r) => r[teachers])).toEqual(file.schools.map((s) => s.teacherCount)); // numbers without ".0"
  });

  it("turns dates, rich text, formulas, hyperlinks and booleans into text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow(["ИНН", "Название", "Район", "Дата", "Педагогов", "Сайт", "ШНОР", "Доля"]);
    sheet.addRow([
      { formula: "\"75279\"&\"90010\"", result: "7527990010" },
      { richText: [{ text: "МБОУ " }, { text: "«СОШ № 1»", font: { bold: true } }] },
      "Шилкинский район\u00a0",
      new Date(Date.UTC(2025, 8, 1)),
      { formula: "20+5", result: 25 },
      { text: "school1.example", hyperlink: "https://school1.example" },
      true,
      0.1 + 0.2,
    ]);
    sheet.addRow([]);
    sheet.addRow([323010077, "Школа № 2", "Бичурский район"]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
    const table = await readTable(bytes, "book.xlsx");
    expect(table.rows).toEqual([
      ["7527990010", "МБОУ «СОШ № 1»", "Шилкинский район", "01.09.2025", "25", "school1.example", "да", "0.3"],
      ["0323010077", "Школа № 2", "Бичурский район"],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });

  it("gives every row of a merged district cell the district's name", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow(["ИНН", "Наименование", "Муниципальный район"]);
    sheet.addRow(["7527990010", "Школа № 1", "Шилкинский район"]);
    sheet.addRow(["7529990023", "Школа № 2", ""]);
    sheet.mergeCells("C2:C3");
    const table = await readTable(new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array), "book.xlsx");
    expect(table.rows.map((r) => r[2])).toEqual(["Шилкинский район", "Шилкинский район"]);
  });
});

describe("readTable: refusals", () => {
  const expectRefusal = async (bytes: Uint8Array, name: string, message: string) => {
    const error = await readTable(bytes, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe(message);
  };

  it("refuses a legacy .xls workbook and a PDF with advice on how to save the list", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await expectRefusal(ole, "schools.xls", FILE_MESSAGES.legacyXls);
    expect(FILE_MESSAGES.legacyXls).toContain("Сохраните список в Excel как «Книга Excel (*.xlsx)»");
    await expectRefusal(ole, "schools.bin", NOT_A_TABLE);
    await expectRefusal(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n"), "schools.pdf", NOT_A_TABLE);
    await expectRefusal(new TextEncoder().encode("<html><table><tr><td>ИНН</td></tr></table></html>"), "export.xls", NOT_A_TABLE);
    await expectRefusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx", NOT_A_TABLE);
  });

  it("refuses files over 20 MB and over 50 000 rows", async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    await expectRefusal(big, "big.csv", FILE_MESSAGES.tooLarge(big.byteLength));
    expect(FILE_MESSAGES.tooLarge(big.byteLength)).toMatch(/^Файл слишком большой: 20,1 МБ, можно не больше 20 МБ/);
    const lines = ["ИНН;Название;Район", ...Array.from({ length: 50_001 }, (_, i) => `${i};Школа ${i};Шилкинский район`)];
    await expectRefusal(new TextEncoder().encode(lines.join("\n")), "many.csv", FILE_MESSAGES.tooManyRows());
    expect(FILE_MESSAGES.tooManyRows()).toBe("В файле больше 50\u00a0000 строк с данными. Разделите список на несколько файлов.");
  });

  it("refuses an empty file", async () => {
    await expectRefusal(new Uint8Array(), "empty.csv", FILE_MESSAGES.empty);
    await expectRefusal(new TextEncoder().encode(";;;\r\n\r\n"), "empty.csv", FILE_MESSAGES.empty);
  });
});
