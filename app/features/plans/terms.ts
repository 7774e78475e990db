/**
 * Terms of plan activities (сроки) as plans write them, read into a period: a first and a last day
 * (ISO dates) or none. «10 января – 15 февраля», «Декабрь 2020 год», «1–4 кв.», «4, 1, 2 кв.»;
 * «постоянно», «ежегодно», «в течение года» have no end, so they are never overdue. Short labels
 * refer to the plan's school year: September–December in its first calendar year, the rest in
 * the second; the 4th quarter in the first, quarters 1–3 in the second.
 *
 * Browser-safe: pure string and date arithmetic (UTC calendar days).
 */
import { foldYo } from "../../utils/text.ts";

export interface Term {
  start: string | null;
  end: string | null;
}

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^январ/, 1], [/^феврал/, 2], [/^март/, 3], [/^апрел/, 4], [/^ма[йя]$/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^август/, 8], [/^сентябр/, 9], [/^октябр/, 10], [/^ноябр/, 11], [/^декабр/, 12],
];

/** Labels of open-ended or recurring work: no end, never overdue. */
const OPEN_ENDED = /постоянно|ежегодно|ежекварт|ежемесяч|еженедел|в течени[ея]|раз в |по мере|в соответствии|по графику|по плану|весь период|систематическ|регулярно/;

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The two calendar years of a school year «2026/2027» (or «2026-2027»). */
export function schoolYearYears(schoolYear: string): [number, number] {
  const first = Number(/^(\d{4})/.exec(schoolYear)?.[1] ?? "2026");
  return [first, first + 1];
}

const yearOfMonth = (month: number, years: [number, number]) => (month >= 9 ? years[0] : years[1]);

/** The first and last day of a quarter (1–4) within the school year. */
function quarterBounds(q: number, years: [number, number]): [string, string] {
  const year = q === 4 ? years[0] : years[1];
  const m = (q - 1) * 3 + 1;
  return [iso(year, m, 1), iso(year, m + 2, lastDay(year, m + 2))];
}

interface DatePoint {
  day: number | null;
  month: number;
  year: number | null;
}

/** Day-month-year mentions in order: «10 января», «декабрь 2020», «15.02.2027». */
function datePoints(text: string): DatePoint[] {
  const points: { at: number; p: DatePoint }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d])(?:(\d{1,2})\s*)?(\p{L}+)(?:\s*(\d{4}))?/gu)) {
    const month = MONTHS.find(([re]) => re.test(m[2]!))?.[1];
    if (!month) continue;
    points.push({ at: m.index!, p: { day: m[1] ? Number(m[1]) : null, month, year: m[3] ? Number(m[3]) : null } });
  }
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g)) {
    points.push({ at: m.index!, p: { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } });
  }
  return points.sort((a, b) => a.at - b.at).map((x) => x.p).filter((p) => p.month >= 1 && p.month <= 12);
}

/**
 * Reads a term label into a period.
 *
 * @param label - The term as written.
 * @param schoolYear - The plan's school year, «2026/2027».
 * @returns The first and last day (ISO), or nulls when the label names no period.
 */
export function parseTerm(label: string, schoolYear: string): Term {
  let text = foldYo(label.toLocaleLowerCase("ru")).replace(/\s+/g, " ").trim();
  if (!text || OPEN_ENDED.test(text)) return { start: null, end: null };
  const years = schoolYearYears(schoolYear);
  text = text.replace(/(?<![a-z])(iv|iii|ii|i)(?![a-z])/g, (r) => String(ROMAN[r]));

  if (/кв(\.|артал|\s|$)/.test(text) && !/\p{L}{3,}\s+\d{4}/u.test(text.replace(/квартал\p{L}*/gu, ""))) {
    const quarters = new Set<number>();
    for (const m of text.matchAll(/([1-4])\s*[-–—]\s*([1-4])|([1-4])/g)) {
      if (m[1] && m[2]) for (let q = Number(m[1]); q <= Number(m[2]); q++) quarters.add(q);
      else quarters.add(Number(m[3]));
    }
    if (quarters.size) {
      const bounds = [...quarters].map((q) => quarterBounds(q, years));
      return { start: bounds.map((b) => b[0]).sort()[0]!, end: bounds.map((b) => b[1]).sort().at(-1)! };
    }
  }

  const points = datePoints(text);
  if (points.length) {
    const first = points[0]!;
    const last = points.at(-1)!;
    const yearOf = (p: DatePoint) => p.year ?? yearOfMonth(p.month, years);
    const startYear = yearOf(first);
    const endYear = yearOf(last);
    const start = iso(startYear, first.month, Math.min(first.day ?? 1, lastDay(startYear, first.month)));
    const end = iso(endYear, last.month, Math.min(last.day ?? lastDay(endYear, last.month), lastDay(endYear, last.month)));
    return start <= end ? { start, end } : { start: end, end: start };
  }

  const yearOnly = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  if (yearOnly) return { start: iso(Number(yearOnly[1]), 1, 1), end: iso(Number(yearOnly[1]), 12, 31) };
  return { start: null, end: null };
}

/** Whether an activity is overdue: its term ended before today (in the owner's zone) and it is neither done nor cancelled. */
export function isOverdue(item: { termEnd: string | null; status: string }, today: string): boolean {
  return Boolean(item.termEnd) && item.termEnd! < today && item.status !== "done" && item.status !== "cancelled";
}

/** The ISO day a number of days after another. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** «15.02.2027» from an ISO day (the spreadsheets' form). */
export const dottedDate = (day: string | null) => (day ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : "");

/** An ISO day from «15.02.2027» or «2027-02-15»; null otherwise. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const day = dotted ? iso(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])) : /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  if (!day) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : day;
}
