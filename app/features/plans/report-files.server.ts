/**
 * The quarterly report as files: XLSX (the table, then the summary by section) and PDF (A4
 * landscape, DejaVu Sans for Cyrillic, rows wrapped and carried over to new pages).
 */
import { rgb, type PDFPage } from "pdf-lib";
import { createPdfDocument, wrapText } from "../../../server/pdf/document.ts";
import type { loadQuarterReport } from "./page.server.ts";
import { quarterLabel } from "./report.ts";
import { writeXlsx } from "./spreadsheet.server.ts";
import { REPORT_STATUS_LABELS, type ReportStatus } from "./strings.ts";

type Report = Awaited<ReturnType<typeof loadQuarterReport>>;

export const REPORT_HEADERS = ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат", "Фактический результат (отметка о выполнении)", "Подтверждающие материалы", "Статус"] as const;
const SUMMARY_KEYS: ReportStatus[] = ["on_time", "late", "overdue", "in_progress", "planned", "cancelled"];

const absolute = (url: string, origin: string) => (url.startsWith("/") ? `${origin}${url}` : url);

/** The report's table rows: sections as one-cell rows, activities with every column. */
export function reportRows(r: Report, origin: string): string[][] {
  return r.items.map((i) =>
    i.kind === "section"
      ? [i.number, i.title, "", "", "", "", "", ""]
      : [i.number, i.title, i.term, [i.responsible, ...i.people.map((p) => p.name)].filter(Boolean).join(", "), i.expected, i.actual, i.evidence.map((e) => `${e.label}: ${absolute(e.url, origin)}`).join("\n"), i.overdue ? REPORT_STATUS_LABELS.overdue : i.reportStatusLabel],
  );
}

/** The summary rows: a section per row with its counts, then the totals. */
export function summaryRows(r: Report): string[][] {
  return [...r.summary.sections, r.summary.totals].map((s) => [`${s.number ? `${s.number} ` : ""}${s.title}`, ...SUMMARY_KEYS.map((k) => String(s.counts[k])), String(s.total)]);
}
export const SUMMARY_HEADERS = ["Раздел", ...SUMMARY_KEYS.map((k) => REPORT_STATUS_LABELS[k]), "Всего"];

export async function reportXlsx(r: Report, origin: string): Promise<Uint8Array> {
  const rows = reportRows(r, origin);
  return writeXlsx(`Отчёт ${r.quarter.q} кв. ${r.quarter.year}`, [...REPORT_HEADERS], [...rows, [], ["Сводка по разделам"], SUMMARY_HEADERS, ...summaryRows(r)], [8, 44, 20, 26, 30, 34, 36, 18]);
}

export async function reportPdf(r: Report, origin: string): Promise<Uint8Array> {
  const pdf = await createPdfDocument({ title: `${r.plan.title} — отчёт за ${quarterLabel(r.quarter)}`, author: r.owner.name });
  const { doc, regular: f } = pdf;
  const [W, H, M] = [842, 595, 28];
  const widths = [36, 150, 80, 90, 100, 120, 130, 80];
  const size = 7.5;
  const lh = 9.5;
  let page: PDFPage = doc.addPage([W, H]);
  let y = H - M;
  const text = (s: string, x: number, at: number, sz = size) => page.drawText(s, { x, y: at, size: sz, font: f, color: rgb(0.1, 0.1, 0.15) });
  for (const line of wrapText(r.plan.title, f, 12, W - 2 * M)) {
    text(line, M, y - 12, 12);
    y -= 15;
  }
  text(`${r.owner.name} · отчёт за ${quarterLabel(r.quarter)} · сформирован ${r.today.split("-").reverse().join(".")}`, M, y - 10, 9);
  y -= 22;
  const drawRow = (cells: readonly string[], bold: boolean) => {
    const wrapped = cells.map((c, i) => wrapText(c, f, size, widths[i]! - 6));
    const height = Math.max(...wrapped.map((l) => l.length)) * lh + 6;
    if (y - height < M) {
      page = doc.addPage([W, H]);
      y = H - M;
    }
    let x = M;
    wrapped.forEach((lines, i) => {
      page.drawRectangle({ x, y: y - height, width: widths[i]!, height, borderColor: rgb(0.6, 0.6, 0.65), borderWidth: 0.5, color: bold ? rgb(0.93, 0.94, 0.96) : undefined });
      lines.forEach((l, n) => text(l, x + 3, y - 3 - (n + 1) * lh + 2));
      x += widths[i]!;
    });
    y -= height;
  };
  drawRow(REPORT_HEADERS, true);
  for (const row of reportRows(r, origin)) drawRow(row, row[2] === "" && row[7] === "");
  y -= 16;
  if (y < M + 60) {
    page = doc.addPage([W, H]);
    y = H - M;
  }
  text("Сводка по разделам", M, y, 10);
  y -= 8;
  const summaryWidths = [250, 70, 70, 70, 70, 70, 70, 60];
  const saved = widths.splice(0, widths.length, ...summaryWidths);
  drawRow(SUMMARY_HEADERS, true);
  for (const row of summaryRows(r)) drawRow(row, false);
  widths.splice(0, widths.length, ...saved);
  return pdf.save();
}
