/**
 * Plans to and from spreadsheets. Reading goes through the directory import's reader (XLSX or CSV
 * in any usual encoding and delimiter, a title above the header allowed) with the plan's header
 * synonyms; section rows («1. Нормативно-правовое обеспечение», even typed into the number cell
 * alone) and the numbering are kept. Writing produces the columns `PLAN_EXPORT_HEADERS` names,
 * every cell as text, so an export reads back into the same rows.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { ImportFileError, readTable } from "../directory/import/parse.server.ts";
import { normaliseHeader } from "../directory/import/columns.ts";
import { countPlanHeaders, matchPlanHeaders, PLAN_EXPORT_HEADERS, PLAN_FIELDS, type PlanField } from "./columns.ts";
import { PLAN_ERRORS } from "./strings.ts";
import { dottedDate, parseDay, parseTerm } from "./terms.ts";
import { ACTIVITY_STATUSES, ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, STATUS_LABELS, type ActivityStatus, type ActivityType, type PlanItemKind } from "./vocabulary.ts";

/** One row of a plan as a spreadsheet carries it. */
export interface SheetItem {
  kind: PlanItemKind;
  number: string;
  title: string;
  activityType: ActivityType | null;
  termLabel: string;
  termStart: string | null;
  termEnd: string | null;
  responsibleText: string;
  /** Names of responsible people (resolved against the owner's people on import). */
  people: string[];
  expectedResult: string;
  actualResult: string;
  /** Evidence links: «Название: https://…» a line each. */
  evidence: { label: string; url: string }[];
  status: ActivityStatus;
}

/** A link the platform accepts as evidence: http(s), or an event or practice of the platform. */
export const EVIDENCE_URL = /^(https?:\/\/\S+|\/(events|library)\/[0-9a-f-]{36}\/?)$/i;

/** «Название: https://…» lines into links (lines without an acceptable link are left out). */
export function parseEvidence(text: string): { label: string; url: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(.*?):\s+(\S+)$/.exec(line);
      return m ? { label: m[1]!.trim(), url: m[2]! } : { label: line, url: line };
    })
    .filter((e) => EVIDENCE_URL.test(e.url));
}

export const evidenceText = (evidence: readonly { label: string; url: string }[]) => evidence.map((e) => (e.label === e.url ? e.url : `${e.label}: ${e.url}`)).join("\n");

const TYPE_BY_LABEL = new Map(ACTIVITY_TYPES.map((t) => [normaliseHeader(ACTIVITY_TYPE_LABELS[t]), t] as const));
const STATUS_BY_LABEL = new Map(ACTIVITY_STATUSES.map((s) => [normaliseHeader(STATUS_LABELS[s]), s] as const));

/** «1.Нормативно-правовое обеспечение» → number and title. */
const NUMBERED = /^(\d+(?:\.\d+)*\.?)\s*(.*)$/s;

const isSingleLevel = (number: string) => /^\d+\.?$/.test(number);

/**
 * Turns a read table into plan rows.
 *
 * @param headers - The header row.
 * @param rows - The data rows.
 * @param schoolYear - The plan's school year, for short term labels.
 * @throws ImportFileError when no column names the activity or nothing is in the file.
 */
export function itemsFromRows(headers: readonly string[], rows: readonly string[][], schoolYear: string): SheetItem[] {
  const col = matchPlanHeaders(headers);
  if (col.title === undefined) throw new ImportFileError(PLAN_ERRORS.noTitleColumn);
  const cell = (cells: readonly string[], f: PlanField) => (col[f] === undefined ? "" : (cells[col[f]!] ?? "").trim());
  const hasDates = col.start !== undefined || col.end !== undefined;
  const items: SheetItem[] = [];
  for (const cells of rows) {
    let number = cell(cells, "number");
    let title = cell(cells, "title");
    // A section typed into the number cell alone: «1.Нормативно-правовое обеспечение».
    if (!title && number) {
      const m = NUMBERED.exec(number);
      if (m && m[2]) [number, title] = [m[1]!, m[2].trim()];
      else if (!m) [number, title] = ["", number];
    }
    if (!title) {
      // A title cell left empty while other cells hold the section name (merged across the row).
      const filled = cells.filter((c) => c.trim());
      if (filled.length !== 1) continue;
      const m = NUMBERED.exec(filled[0]!.trim());
      [number, title] = m && m[2] ? [m[1]!, m[2].trim()] : ["", filled[0]!.trim()];
    }
    const rest: PlanField[] = ["type", "term", "start", "end", "responsible", "people", "expected", "actual", "evidence", "status"];
    const section = rest.every((f) => cell(cells, f) === "") && (number === "" || isSingleLevel(number));
    if (section) {
      items.push({ kind: "section", number, title, activityType: null, termLabel: "", termStart: null, termEnd: null, responsibleText: "", people: [], expectedResult: "", actualResult: "", evidence: [], status: "planned" });
      continue;
    }
    const termLabel = cell(cells, "term");
    const term = hasDates ? { start: parseDay(cell(cells, "start")), end: parseDay(cell(cells, "end")) } : parseTerm(termLabel, schoolYear);
    const typeText = cell(cells, "type");
    items.push({
      kind: "activity",
      number,
      title,
      activityType: typeText ? (TYPE_BY_LABEL.get(normaliseHeader(typeText)) ?? "other") : null,
      termLabel,
      termStart: term.start,
      termEnd: term.end && term.start && term.end < term.start ? term.start : term.end,
      responsibleText: cell(cells, "responsible"),
      people: cell(cells, "people").split(/[;\n]+/).map((p) => p.trim()).filter(Boolean),
      expectedResult: cell(cells, "expected"),
      actualResult: cell(cells, "actual"),
      evidence: parseEvidence(cell(cells, "evidence")),
      status: STATUS_BY_LABEL.get(normaliseHeader(cell(cells, "status"))) ?? "planned",
    });
  }
  if (!items.length) throw new ImportFileError(PLAN_ERRORS.emptyImport);
  return items;
}

/** Reads an uploaded plan (XLSX or CSV). Throws ImportFileError with a Russian message. */
export async function readPlanFile(bytes: Uint8Array, fileName: string, schoolYear: string): Promise<SheetItem[]> {
  const table = await readTable(bytes, fileName, countPlanHeaders);
  return itemsFromRows(table.headers, table.rows, schoolYear);
}

/** The export's cells of one row, in `PLAN_FIELDS` order. */
export function rowOfItem(item: SheetItem): string[] {
  if (item.kind === "section") return PLAN_FIELDS.map((f) => (f === "number" ? item.number : f === "title" ? item.title : ""));
  const values: Record<PlanField, string> = {
    number: item.number,
    title: item.title,
    type: item.activityType ? ACTIVITY_TYPE_LABELS[item.activityType] : "",
    term: item.termLabel,
    start: dottedDate(item.termStart),
    end: dottedDate(item.termEnd),
    responsible: item.responsibleText,
    people: item.people.join("; "),
    expected: item.expectedResult,
    actual: item.actualResult,
    evidence: evidenceText(item.evidence),
    status: STATUS_LABELS[item.status],
  };
  return PLAN_FIELDS.map((f) => values[f]);
}

/** A workbook of one sheet with a bold header row; every cell is text. */
export async function writeXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((c, i) => {
    c.width = widths[i] ?? 20;
    c.alignment = { wrapText: true, vertical: "top" };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV as Russian Excel opens it: UTF-8 with a BOM, «;» between cells. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(`\ufeff${Papa.unparse([headers as string[], ...(rows as string[][])], { delimiter: ";", newline: "\r\n" })}\r\n`);
}

/** The plan's rows as an XLSX or CSV file. */
export async function planFile(format: "xlsx" | "csv", items: readonly SheetItem[]): Promise<Uint8Array> {
  const headers = PLAN_FIELDS.map((f) => PLAN_EXPORT_HEADERS[f]);
  const rows = items.map(rowOfItem);
  return format === "xlsx" ? writeXlsx("План", headers, rows, [8, 50, 22, 20, 12, 12, 28, 28, 36, 36, 36, 16]) : writeCsv(headers, rows);
}
