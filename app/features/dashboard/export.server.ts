/**
 * The dashboard's tables as files: CSV (UTF-8 with a BOM and ";" so Russian Excel opens it as is,
 * decimals with a comma) and XLSX (exceljs; numbers stay numbers). Text cells that start like a
 * formula are prefixed with an apostrophe.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Cell, DataTable } from "./tables.ts";

const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const csvCell = (c: Cell) => (c === null ? "" : typeof c === "number" ? String(c).replace(".", ",") : safe(c));

/** Tables (each under its title, after a line naming the scope and period) as CSV text. */
export function tablesCsv(tables: DataTable[], caption: string): string {
  const lines: Cell[][] = [[caption]];
  for (const t of tables) lines.push([], [t.title], t.head, ...t.rows.map((r) => r.map(csvCell)));
  return `\uFEFF${Papa.unparse(lines.map((r) => r.map((c) => c ?? "")), { delimiter: ";", newline: "\r\n" })}\r\n`;
}

const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** Headers of a private download: an ASCII fallback name and the Russian one (RFC 5987). */
export function exportHeaders(format: keyof typeof TYPES, name: string, key: string): Record<string, string> {
  return {
    "Content-Type": TYPES[format],
    "Content-Disposition": `attachment; filename="dashboard-${key}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** Tables as a workbook: one sheet per table, the caption above the header. */
export async function tablesXlsx(tables: DataTable[], caption: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Мост";
  for (const t of tables) {
    const sheet = book.addWorksheet(t.sheet);
    sheet.addRow([caption]).font = { bold: true, size: 13 };
    sheet.addRow(t.head).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r.map((c) => (typeof c === "string" ? safe(c) : c)));
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 48 : 18;
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
