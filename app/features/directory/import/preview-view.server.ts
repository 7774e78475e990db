/**
 * Turning an engine preview (the whole table, every plan item) into what the preview page shows:
 * the detected format, the column mapping, the counts, one page of errors and a sample of changes.
 */
import { countRu } from "../../../utils/plural.ts";
import { FIELD_LABELS, fieldOfHeader, IMPORT_FIELDS } from "./columns.ts";
import type { ImportPreview } from "./import.server.ts";
import { ENCODING_LABELS, FORMS, IMPORT_UI } from "./messages.ts";
import type { ImportTable } from "./parse.server.ts";
import type { ColumnView, PreviewView, StoredSummary } from "./view.ts";

/** Errors per page of the preview. */
export const ERRORS_PER_PAGE = 50;
/** Planned changes shown as examples. */
const SAMPLE_SIZE = 15;
/** Names of absent schools shown. */
const ABSENT_SHOWN = 10;

/** «Книга Excel (XLSX), лист «Список ОО»», «CSV, кодировка Windows-1251 (cp1251), разделитель «;»». */
export function describeFormat(detected: StoredSummary["detected"]): string | null {
  if (!detected) return null;
  if (detected.format === "xlsx") return IMPORT_UI.formatXlsx(detected.sheetName);
  return IMPORT_UI.formatCsv(ENCODING_LABELS[detected.encoding ?? ""] ?? detected.encoding ?? "—", detected.delimiter);
}

/** What was detected in a read table, as stored with the upload. */
export function detectedOf(table: ImportTable): NonNullable<StoredSummary["detected"]> {
  return { format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheetName: table.sheetName, headerLine: table.headerLine };
}

/** The counts stored with the upload (for the list of recent imports). */
export function previewCounts(preview: ImportPreview): StoredSummary["preview"] {
  if (!preview.table || !preview.plan) return undefined;
  const s = preview.plan.stats;
  return { rows: preview.table.rows.length, create: s.create, update: s.update, unchanged: s.unchanged, absent: s.absent, invalid: s.invalid };
}

/** Which field each header became; unknown and repeated columns are marked as unused. */
function columnsOf(preview: ImportPreview): { columns: ColumnView[]; missing: string[] } {
  const table = preview.table;
  const header = preview.plan?.validation.header;
  if (!table || !header) return { columns: [], missing: [] };
  const fieldAt = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const index = header.mapping[field];
    if (index !== undefined) fieldAt.set(index, FIELD_LABELS[field]);
  }
  const columns = table.headers
    .map((raw, index): ColumnView | null => {
      const text = raw.trim();
      if (!text) return null;
      const field = fieldAt.get(index);
      if (field) return { header: text, field };
      return { header: text, field: null, note: fieldOfHeader(text) ? IMPORT_UI.columnDuplicate : IMPORT_UI.columnUnknown };
    })
    .filter((c): c is ColumnView => c !== null);
  return { columns, missing: header.missing.map((f) => FIELD_LABELS[f]) };
}

/**
 * The preview page's data from an engine preview.
 *
 * @param preview - What `previewImport` returned.
 * @param errorsPage - The page of errors asked for (clamped to the last one).
 */
export function buildPreviewView(preview: ImportPreview, errorsPage: number): PreviewView {
  const pages = Math.max(1, Math.ceil(preview.errors.length / ERRORS_PER_PAGE));
  const page = Math.min(Math.max(1, errorsPage), pages);
  const from = (page - 1) * ERRORS_PER_PAGE;
  const errors = { total: preview.errors.length, page, pages, from: from + 1, items: preview.errors.slice(from, from + ERRORS_PER_PAGE) };
  const plan = preview.plan;
  if (!preview.table || !plan) {
    return { readable: false, ok: false, format: null, headerLine: null, columns: [], missing: [], stats: null, errors, sample: [], sampleRest: 0, absent: { names: [], rest: 0 } };
  }
  const changing = plan.items.filter((i) => i.action !== "unchanged");
  const sample = changing.slice(0, SAMPLE_SIZE).map((i) => ({
    line: i.line,
    inn: i.inn,
    name: i.organisation.shortName || i.organisation.name,
    action: i.action as "create" | "update",
    changes: i.changes.map((c) => ({ label: c.label, from: c.from, to: c.to })),
  }));
  return {
    readable: true,
    ok: preview.ok,
    format: describeFormat(detectedOf(preview.table)),
    headerLine: preview.table.headerLine,
    ...columnsOf(preview),
    stats: previewCounts(preview)!,
    errors,
    sample,
    sampleRest: changing.length - sample.length,
    absent: { names: plan.absent.slice(0, ABSENT_SHOWN).map((a) => a.name), rest: Math.max(0, plan.absent.length - ABSENT_SHOWN) },
  };
}

/** «создано: 5 000 школ; обновлено: 3 школы; без изменений: 0 школ» and the like, for the list of uploads. */
export function countsText(status: string, summary: StoredSummary, errorCount: number): string {
  const n = (value: number) => countRu(value, FORMS.school);
  if (summary.result) {
    const r = summary.result;
    const parts = [`создано: ${n(r.created)}`, `обновлено: ${n(r.updated)}`, `без изменений: ${n(r.unchanged)}`];
    if (r.clearedAbsent) parts.push(`сняты отметки у ${countRu(r.clearedAbsent, FORMS.ofSchools)}`);
    return parts.join("; ");
  }
  if (errorCount > 0 && status !== "previewed") return countRu(errorCount, FORMS.error);
  const p = summary.preview;
  if (!p) return "";
  return `${countRu(p.rows, FORMS.row)}; к созданию: ${n(p.create)}; к обновлению: ${n(p.update)}; без изменений: ${n(p.unchanged)}`;
}
