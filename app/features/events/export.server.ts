/**
 * The organiser's export of participants: CSV (UTF-8 with a BOM and ";" so Russian Excel opens it
 * as is) and XLSX. Cells that start like a formula are prefixed with an apostrophe.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { loadParticipants } from "./page.server.ts";

type Participants = Awaited<ReturnType<typeof loadParticipants>>;

const STATUS = { registered: "Зарегистрирован", waitlisted: "Лист ожидания" } as const;

/** Defuses spreadsheet formulas in user text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function table(p: Participants): string[][] {
  const head = ["№", "ФИО", "Организация", "Должность", "Эл. почта", "Статус", "Дата регистрации", ...p.questions];
  const rows = p.participants.map((x, i) => [String(i + 1), x.name, x.organisation ?? "", x.position ?? "", x.email ?? "", STATUS[x.status] + (x.promoted ? " (из листа ожидания)" : ""), x.at, ...x.answers].map(safe));
  return [head, ...rows];
}

/** A file name from the event title, Latin-safe for the header. */
export function exportFileName(p: Participants, ext: "csv" | "xlsx"): string {
  return `participants-${p.event.id.slice(0, 8)}.${ext}`;
}

export function participantsCsv(p: Participants): string {
  return `\uFEFF${Papa.unparse(table(p), { delimiter: ";", newline: "\r\n" })}`;
}

export async function participantsXlsx(p: Participants): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Мост";
  const sheet = book.addWorksheet("Участники");
  const [head, ...rows] = table(p);
  sheet.addRow([p.event.title]).font = { bold: true, size: 13 };
  sheet.addRow(head!).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 5 : 28;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
