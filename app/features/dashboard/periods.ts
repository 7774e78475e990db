/**
 * Dashboard periods: half-open ranges of calendar days [from, to) in the scope's zone, the presets
 * (quarter, school year, calendar year) and the months of a period for the trends.
 *
 * Browser-safe (plain strings in, plain strings out): days are "YYYY-MM-DD" and compare as text.
 */
import { MONTHS_GENITIVE } from "../../utils/datetime.ts";

export interface Period {
  /** First day (inclusive). */
  from: string;
  /** The day after the last one (exclusive). */
  to: string;
  /** The preset key ("q:2026-4", "sy:2026/2027", "y:2026") or "custom". */
  key: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"] as const;

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day of a period. */
export const lastDay = (p: Pick<Period, "to">) => addDays(p.to, -1);

/** The school year ("2026/2027") containing a day: a Russian school year starts on 1 September. */
export function schoolYearOfDay(day: string): string {
  const y = Number(day.slice(0, 4));
  const first = Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  return `${first}/${first + 1}`;
}

export function quarterPeriod(year: number, q: number): Period {
  const m = (q - 1) * 3 + 1;
  const end = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(m + 3)}-01`;
  return { from: `${year}-${pad(m)}-01`, to: end, key: `q:${year}-${q}` };
}

export function schoolYearPeriod(schoolYear: string): Period {
  const first = Number(schoolYear.slice(0, 4));
  return { from: `${first}-09-01`, to: `${first + 1}-09-01`, key: `sy:${first}/${first + 1}` };
}

export const calendarYearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year + 1}-01-01`, key: `y:${year}` });

/** A preset by its key, or null for an unknown key. */
export function presetPeriod(key: string): Period | null {
  let m = /^q:(\d{4})-([1-4])$/.exec(key);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^sy:(\d{4})\/(\d{4})$/.exec(key);
  if (m && Number(m[2]) === Number(m[1]) + 1) return schoolYearPeriod(`${m[1]}/${m[2]}`);
  m = /^y:(\d{4})$/.exec(key);
  if (m) return calendarYearPeriod(Number(m[1]));
  return null;
}

/** The quarter containing a day. */
export const quarterOfDay = (day: string) => quarterPeriod(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);

/** "1 октября 2026" from a day (the calendar date itself, no zone involved). */
export function dayText(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS_GENITIVE[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "октябрь 2026". */
export const monthText = (month: string) => `${MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The period in words: «4-й квартал 2026 года», «2026/2027 учебный год», «2026 год» or «1 октября 2026 — 15 ноября 2026». */
export function periodLabel(p: Period): string {
  const [kind, value] = p.key.split(":");
  if (kind === "q") return `${value!.slice(5)}-й квартал ${value!.slice(0, 4)} года`;
  if (kind === "sy") return `${value} учебный год`;
  if (kind === "y") return `${value} год`;
  return `${dayText(p.from)} — ${dayText(lastDay(p))}`;
}

/** The months of a period, each clipped to it: [{ month: "2026-10", from, to }]. */
export function monthsOf(p: Period): Array<{ month: string; from: string; to: string }> {
  const out: Array<{ month: string; from: string; to: string }> = [];
  let start = p.from;
  while (start < p.to) {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
    out.push({ month: start.slice(0, 7), from: start, to: next < p.to ? next : p.to });
    start = next;
  }
  return out;
}

/** The number of days of a period. */
export const periodDays = (p: Period) => Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000);

/** The presets offered by the picker around today: quarters of this and the last school year, school years, calendar years. */
export function presetOptions(today: string): Array<{ value: string; label: string }> {
  const sy = schoolYearOfDay(today);
  const first = Number(sy.slice(0, 4));
  const quarters: Period[] = [];
  for (let y = first - 1; y <= first + 1; y++) for (let q = 1; q <= 4; q++) quarters.push(quarterPeriod(y, q));
  const from = schoolYearPeriod(`${first - 1}/${first}`).from;
  const shown = quarters.filter((q) => q.to > from && q.from <= today).reverse();
  const years = [schoolYearPeriod(sy), schoolYearPeriod(`${first - 1}/${first}`), calendarYearPeriod(Number(today.slice(0, 4))), calendarYearPeriod(Number(today.slice(0, 4)) - 1)];
  return [...shown, ...years].map((p) => ({ value: p.key, label: periodLabel(p) }));
}
