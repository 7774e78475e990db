/**
 * Reading an uploaded list of schools into a plain table of strings: CSV (UTF-8, UTF-16 or
 * cp1251, any usual delimiter) or XLSX (first worksheet). Nothing here knows about the database;
 * the output goes to `validate.server.ts`.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { countRecognisedHeaders, fieldOfHeader } from "./columns.ts";
import { FILE_MESSAGES, IMPORT_LIMITS } from "./messages.ts";

/** A file that cannot be read as a list: the message is Russian and shown as is. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

export type TextEncoding = "utf-8" | "windows-1251" | "utf-16le";

export interface ImportTable {
  format: "csv" | "xlsx";
  /** The text encoding of a CSV file. */
  encoding?: TextEncoding;
  /** The CSV delimiter that was used. */
  delimiter?: string;
  /** The worksheet read from an XLSX file. */
  sheetName?: string;
  headers: string[];
  /** Data rows without the empty ones; cells trimmed. */
  rows: string[][];
  /** The row number of each data row as the spreadsheet shows it (parallel to `rows`). */
  lines: number[];
  /** The row number of the header row (1 unless a title sits above it). */
  headerLine: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes a CSV file's bytes. A BOM decides; otherwise text that is valid UTF-8 is UTF-8 (cp1251
 * Cyrillic is almost never valid UTF-8, so the strict check is decisive) and anything else is
 * cp1251, which is what Russian Windows and Excel write. chardet is not consulted: on short
 * Russian texts it confuses cp1251 with KOI8-R and MacCyrillic, while the strict check never errs
 * for UTF-8.
 *
 * @returns The text without BOM and the encoding it was read in.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  // Excel's «Текст Юникод (*.txt)» is UTF-16LE with a BOM, tab-separated.
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1251"), encoding: "windows-1251" };
  }
}

/** Trims a cell, including the no-break spaces and zero-width marks spreadsheets leave behind. */
function clean(value: string): string {
  return value.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/[\u200b\u200e\u200f\ufeff]/g, "").trim();
}

const isEmptyRow = (cells: readonly string[]) => cells.every((c) => c === "");

/** How many known columns a row would name if it were the header row. */
export type HeaderScore = (cells: readonly string[]) => number;

interface NumberedRow {
  line: number;
  cells: string[];
}

/**
 * Finds the header row: official lists often start with a title («Перечень школ … на 2025/2026
 * учебный год») above the table. The header is the first of the first ten non-empty rows naming
 * the most fields (at least two); otherwise the first non-empty row.
 */
function locateHeader(rows: readonly NumberedRow[], score: HeaderScore): number {
  let best = { index: 0, score: 1 };
  const candidates = Math.min(rows.length, 10);
  for (let i = 0; i < candidates; i++) {
    const named = score(rows[i]!.cells);
    if (named > best.score) best = { index: i, score: named };
  }
  return best.index;
}

/** A row under the header that only numbers the columns «1 2 3 …», as printed forms have. */
function isColumnNumbering(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1));
}

/** «Итого»/«Всего» rows at the bottom of printed lists are not schools. */
const isTotalsRow = (cells: readonly string[]) => /^(итого|всего)(?!\p{L})/iu.test(cells.find((c) => c !== "") ?? "");

/**
 * Splits numbered raw rows into the header and the data rows, dropping empty rows, the column
 * numbering row and totals, and enforcing the row limit.
 */
function toTable(numbered: NumberedRow[], base: Pick<ImportTable, "format" | "encoding" | "delimiter" | "sheetName">, score: HeaderScore): ImportTable {
  const nonEmpty = numbered.filter((r) => !isEmptyRow(r.cells));
  if (!nonEmpty.length) throw new ImportFileError(FILE_MESSAGES.empty);
  const headerIndex = locateHeader(nonEmpty, score);
  const header = nonEmpty[headerIndex]!;
  const data = nonEmpty.slice(headerIndex + 1).filter((r, i) => !(i === 0 && isColumnNumbering(r.cells)) && !isTotalsRow(r.cells));
  if (data.length > IMPORT_LIMITS.maxRows) throw new ImportFileError(FILE_MESSAGES.tooManyRows());
  return { ...base, headers: header.cells, rows: data.map((r) => r.cells), lines: data.map((r) => r.line), headerLine: header.line };
}

const DELIMITERS = [";", ",", "\t", "|"] as const;

/**
 * Chooses the CSV delimiter by the header it produces: the candidate whose first rows name the
 * most fields wins (";" on a tie, Russian Excel's default). Guessing by field counts alone fails on
 * Russian lists, where unquoted addresses are full of commas.
 */
function chooseDelimiter(text: string, headerScore: HeaderScore): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter, preview: 12, skipEmptyLines: "greedy" }).data;
    const score = Math.max(0, ...preview.map((cells) => headerScore(cells.map(clean))));
    if (score > (best?.score ?? 0)) best = { delimiter, score };
  }
  return best?.delimiter;
}

function readCsv(bytes: Uint8Array, score: HeaderScore): ImportTable {
  const decoded = decodeText(bytes);
  let text = decoded.text;
  if (/^\s*</.test(text.slice(0, 200))) throw new ImportFileError(FILE_MESSAGES.notATable); // HTML/XML saved as «.xls»
  if (text.slice(0, 8192).includes("\u0000")) throw new ImportFileError(FILE_MESSAGES.notATable); // binary
  // Excel writes and honours a «sep=;» first line; it is not a row of the sheet.
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= chooseDelimiter(text, score);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? "",
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
  });
  const quoteError = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (quoteError) throw new ImportFileError(FILE_MESSAGES.unclosedQuote((quoteError.row ?? 0) + 1));
  // A record is one spreadsheet row even when a quoted cell spans several lines of text.
  const numbered = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map(clean) }));
  return toTable(numbered, { format: "csv", encoding: decoded.encoding, delimiter: parsed.meta.delimiter }, score);
}

/** Formats a number as Excel shows it by default: 15 significant digits, no «.0», no exponent. */
function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  // exceljs returns dates as UTC midnight of the day written in the cell.
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** The text of a cell value: rich text joined, formulas by their result, hyperlinks by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

/** The number inside a cell value, if it is a number (directly or as a formula's result). */
function cellNumber(value: ExcelJS.CellValue): number | undefined {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value) && typeof value.result === "number") {
    return value.result;
  }
  return undefined;
}

/** Columns read from a worksheet; official lists have a few dozen. */
const MAX_COLUMNS = 256;

async function readXlsx(bytes: Uint8Array, score: HeaderScore): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer-like «Buffer»; at run time JSZip reads a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(FILE_MESSAGES.notATable); // a ZIP that is not a workbook (.docx, .ods, damaged)
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(FILE_MESSAGES.noWorksheet);
  // Cheap early refusal before converting a huge sheet cell by cell (the title, header and numbering
  // rows are allowed for).
  if (sheet.actualRowCount > IMPORT_LIMITS.maxRows + 20) throw new ImportFileError(FILE_MESSAGES.tooManyRows());

  const raw: { line: number; values: ExcelJS.CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: ExcelJS.CellValue[] = [];
    // A formatted but empty cell far to the right (XFD) would otherwise make every row 16 384 cells.
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    // Cells of a merged range report the range's value, so a district merged over its schools' rows applies to each.
    for (let c = 1; c <= width; c++) values.push(row.getCell(c).value);
    raw.push({ line, values });
  });
  const numbered = raw.map((r) => ({ line: r.line, cells: r.values.map((v) => clean(cellText(v))) }));
  const table = toTable(numbered, { format: "xlsx", sheetName: sheet.name }, score);

  // An ИНН typed as a number loses its leading zero (Buryatia is region 03: 0323010077 becomes
  // 323010077). Excel may even display it right through a «0000000000» format, so pad here.
  const innColumn = table.headers.findIndex((h) => fieldOfHeader(h) === "inn");
  if (innColumn >= 0) {
    const valuesByLine = new Map(raw.map((r) => [r.line, r.values]));
    table.rows.forEach((cells, i) => {
      const n = cellNumber(valuesByLine.get(table.lines[i]!)?.[innColumn]);
      if (n !== undefined && Number.isInteger(n) && n > 0 && String(n).length === 9) cells[innColumn] = String(n).padStart(10, "0");
    });
  }
  return table;
}

/**
 * Reads an uploaded list of schools. The format is decided by the content (an XLSX workbook is a
 * ZIP archive), not by the extension, which users often get wrong.
 *
 * @param bytes - The uploaded file.
 * @param fileName - Its name, used only to tell a legacy «.xls» apart in the message.
 * @param score - How many known columns a row names, to find the header row and the CSV
 *   delimiter: the school list's columns by default; other imports (plans) pass their own.
 * @returns The header row and the non-empty data rows with their spreadsheet row numbers.
 * @throws ImportFileError with a Russian message: too large, too many rows, not a table, empty.
 */
export async function readTable(bytes: Uint8Array, fileName: string, score: HeaderScore = countRecognisedHeaders): Promise<ImportTable> {
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) throw new ImportFileError(FILE_MESSAGES.tooLarge(bytes.byteLength));
  if (bytes.byteLength === 0) throw new ImportFileError(FILE_MESSAGES.empty);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, score);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // An OLE compound file: a legacy .xls workbook (or a .doc); name it when the extension says so.
    throw new ImportFileError(/\.xls$/i.test(fileName) ? FILE_MESSAGES.legacyXls : FILE_MESSAGES.notATable);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || startsWith(bytes, [0x50, 0x4b])) {
    throw new ImportFileError(FILE_MESSAGES.notATable); // PDF; an empty or spanned ZIP
  }
  return readCsv(bytes, score);
}
