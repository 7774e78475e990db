/**
 * The quarterly report (seed 000, item 20.1) and the progress counts of a plan, computed from its
 * rows, the business day and the owner's zone. Nothing here is stored: overdue and «done late»
 * follow from the term, the status and the date it was marked done.
 *
 * Browser-safe (plain data in, plain data out).
 */
import type { ReportStatus } from "./strings.ts";
import { isOverdue } from "./terms.ts";

export interface ReportItemInput {
  id: string;
  kind: "section" | "activity";
  number: string;
  title: string;
  termStart: string | null;
  termEnd: string | null;
  status: string;
  /** The local day it was marked done (owner's zone), if done. */
  doneOn: string | null;
}

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar quarter «2027-1» (or the one containing a day). */
export function quarterOf(key: string): Quarter {
  const [y, q] = key.includes("-") && key.length === 6 ? [Number(key.slice(0, 4)), Number(key.slice(5))] : [Number(key.slice(0, 4)), Math.floor((Number(key.slice(5, 7)) - 1) / 3) + 1];
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  return { year: y, q: q as Quarter["q"], start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(lastDay)}` };
}

export const quarterKey = (q: Quarter) => `${q.year}-${q.q}`;
export const quarterLabel = (q: Quarter) => `${q.q}-й квартал ${q.year} года`;
export const shiftQuarter = (q: Quarter, by: number) => {
  const n = q.year * 4 + (q.q - 1) + by;
  return quarterOf(`${Math.floor(n / 4)}-${(n % 4) + 1}`);
};

/** An activity's status for a report: done on time or late, overdue, or its plain status. */
export function reportStatus(item: ReportItemInput, today: string): ReportStatus {
  if (item.status === "done") return item.termEnd && item.doneOn && item.doneOn > item.termEnd ? "late" : "on_time";
  if (isOverdue(item, today)) return "overdue";
  return item.status === "in_progress" ? "in_progress" : item.status === "cancelled" ? "cancelled" : "planned";
}

/**
 * Whether an activity belongs to a quarter's report: its term meets the quarter, it was done in
 * the quarter, or it was still overdue during it. Activities without any term are listed too
 * («постоянно» work is reported every quarter).
 */
export function inQuarter(item: ReportItemInput, q: Quarter): boolean {
  if (item.doneOn && item.doneOn >= q.start && item.doneOn <= q.end) return true;
  const starts = item.termStart ?? item.termEnd;
  if (starts && starts > q.end) return false;
  if (item.termEnd && item.termEnd < q.start) return item.status !== "done" && item.status !== "cancelled" ? true : Boolean(item.doneOn && item.doneOn >= q.start);
  return true;
}

export interface SectionSummary {
  number: string;
  title: string;
  counts: Record<ReportStatus, number>;
  total: number;
}

const zero = (): Record<ReportStatus, number> => ({ on_time: 0, late: 0, overdue: 0, in_progress: 0, planned: 0, cancelled: 0 });

/** Counts by section (activities before the first section count under «Без раздела»). */
export function summarise(items: readonly ReportItemInput[], today: string, include: (i: ReportItemInput) => boolean = () => true): { sections: SectionSummary[]; totals: SectionSummary } {
  const sections: SectionSummary[] = [];
  let current: SectionSummary | undefined;
  const totals: SectionSummary = { number: "", title: "Всего", counts: zero(), total: 0 };
  for (const item of items) {
    if (item.kind === "section") {
      current = { number: item.number, title: item.title, counts: zero(), total: 0 };
      sections.push(current);
      continue;
    }
    if (!include(item)) continue;
    if (!current) {
      current = { number: "", title: "Без раздела", counts: zero(), total: 0 };
      sections.push(current);
    }
    const status = reportStatus(item, today);
    current.counts[status]++;
    current.total++;
    totals.counts[status]++;
    totals.total++;
  }
  return { sections: sections.filter((s) => s.total > 0), totals };
}
