/**
 * The instants and days one computation works with: the period's bounds as instants in the scope's
 * zone, the moment the figures are taken at ("as of": the period's end, or now for a period that
 * has not ended) and the school year whose programme list applies.
 */
import { localDateKey, parseLocalDateTime } from "../../utils/datetime.ts";
import { lastDay, schoolYearOfDay, type Period } from "./periods.ts";

export interface DashboardWindow {
  period: Period;
  timeZone: string;
  /** The period's first midnight, ISO. */
  fromTs: string;
  /** The midnight after the period's last day, ISO (exclusive). */
  toTs: string;
  /** min(toTs, now): statuses are read as they stood at this instant. */
  asOfTs: string;
  /** min(period.to, today): an activity whose term ended before this day is overdue. */
  asOfDay: string;
  /** The school year containing the period's last day: its ШНОР/ШНСУ list and teacher counts apply. */
  schoolYear: string;
}

/** The window of a period in a zone at a business moment (the clock's now). */
export function windowOf(period: Period, timeZone: string, now: Date): DashboardWindow {
  const fromTs = parseLocalDateTime(`${period.from}T00:00`, timeZone).toISOString();
  const toTs = parseLocalDateTime(`${period.to}T00:00`, timeZone).toISOString();
  const nowIso = now.toISOString();
  const today = localDateKey(now, timeZone);
  return { period, timeZone, fromTs, toTs, asOfTs: nowIso < toTs ? nowIso : toTs, asOfDay: today < period.to ? today : period.to, schoolYear: schoolYearOfDay(lastDay(period)) };
}
