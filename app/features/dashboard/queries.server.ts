/**
 * The programme dashboard's figures for a scope and a period, computed from dated history (school
 * lists per school year, partnership status changes, activity status changes, workflow dates,
 * sessions, attendance and certificates) at a business moment given by the clock — never SQL
 * `now()`. The monthly trend is the same computation run for every month of the period.
 */
import type { Executor } from "../../../db/client.ts";
import { countPlanActivities, type ActivityCounts, type OwnerActivities } from "./activities.server.ts";
import { countParticipants, countPractices, listEvents, type EventFigures, type PracticeCounts } from "./library-events.server.ts";
import { monthsOf, periodDays, type Period } from "./periods.ts";
import type { ResolvedScope } from "./scope.server.ts";
import { countActiveTeachers, listProgrammeSchools, type SchoolFigures } from "./schools.server.ts";
import { windowOf, type DashboardWindow } from "./window.ts";

/** Published practices a region is expected to add in a year (regional plans). */
export const PRACTICES_PER_REGION_YEAR = 16;
export const PARTNERSHIP_TARGET = 1;
export const ACTIVE_TEACHERS_TARGET = 0.6;

/** A share: its parts and the ratio (null when there is nothing to divide by). */
export interface Share {
  numerator: number;
  denominator: number;
  value: number | null;
}

const share = (numerator: number, denominator: number): Share => ({ numerator, denominator, value: denominator > 0 ? numerator / denominator : null });

export interface Indicators {
  schoolYear: string;
  /** Programme schools with an active partnership (as the partner school) at the period's end. */
  partnerships: Share;
  activities: ActivityCounts & { onTimeShare: Share };
  practices: PracticeCounts & { target: number | null };
  events: { held: number; interregional: number; participants: number; sessions: number; attendance: Share; certifiedHours: number };
  /** Active teachers of programme schools over their teacher counts. */
  teachers: Share;
}

export interface DashboardFigures {
  window: DashboardWindow;
  indicators: Indicators;
  schools: SchoolFigures[];
  owners: OwnerActivities[];
  events: EventFigures[];
}

/** The target of published practices for a period: 16 a year per region, pro rata, rounded up; none below a region. */
export function practiceTarget(scope: ResolvedScope, period: Period, regionCount: number): number | null {
  if (scope.kind === "municipality" || scope.kind === "school") return null;
  const regions = scope.kind === "platform" ? regionCount : 1;
  return Math.ceil((PRACTICES_PER_REGION_YEAR * regions * periodDays(period)) / 365 - 1e-9);
}

/**
 * Every figure of the dashboard for a scope and a period, with the tables behind them.
 *
 * @param ex - The database or a transaction.
 * @param scope - A resolved scope (its zone gives the period's midnights).
 * @param period - Days [from, to) in the scope's zone.
 * @param now - The business clock's now: statuses of a period that has not ended are read as of now.
 * @param regionCount - How many regions the platform has (the platform's practice target).
 */
export async function computeDashboard(ex: Executor, scope: ResolvedScope, period: Period, now: Date, regionCount = 1): Promise<DashboardFigures> {
  const w = windowOf(period, scope.timeZone, now);
  const [schools, activities, practices, events] = [await listProgrammeSchools(ex, scope, w), await countPlanActivities(ex, scope, w), await countPractices(ex, scope, w), await listEvents(ex, scope, w)];
  const listed = scope.kind === "school" ? schools.filter((s) => s.lowResults || s.adverseConditions) : schools;
  const held = events.filter((e) => e.heldHere);
  const participants = await countParticipants(ex, held.map((e) => e.id));
  const active = await countActiveTeachers(ex, schools.map((s) => s.id), w);
  const t = activities.totals;
  const indicators: Indicators = {
    schoolYear: w.schoolYear,
    partnerships: share(listed.filter((s) => s.activePartnership).length, listed.length),
    activities: { ...t, onTimeShare: share(t.on_time, t.on_time + t.late + t.overdue) },
    practices: { ...practices, target: practiceTarget(scope, period, regionCount) },
    events: {
      held: held.length,
      interregional: held.filter((e) => e.regions >= 2).length,
      participants,
      sessions: events.reduce((n, e) => n + e.sessions, 0),
      attendance: share(events.reduce((n, e) => n + e.attended, 0), events.reduce((n, e) => n + e.expected, 0)),
      certifiedHours: Math.round((events.reduce((n, e) => n + e.certifiedMinutes, 0) / 60) * 10) / 10,
    },
    teachers: share(active, schools.reduce((n, s) => n + s.teacherCount, 0)),
  };
  return { window: w, indicators, schools, owners: activities.byOwner, events };
}

export interface TrendPoint {
  month: string;
  indicators: Indicators;
}

/**
 * The indicators month by month over the period (each month clipped to the period), up to the
 * current month: a month's point is exactly the dashboard of that month as a period.
 */
export async function computeTrend(ex: Executor, scope: ResolvedScope, period: Period, now: Date, regionCount = 1): Promise<TrendPoint[]> {
  const today = windowOf(period, scope.timeZone, now).asOfDay;
  const points: TrendPoint[] = [];
  for (const m of monthsOf(period)) {
    if (m.from > today) break;
    const { indicators } = await computeDashboard(ex, scope, { from: m.from, to: m.to, key: "custom" }, now, regionCount);
    points.push({ month: m.month, indicators });
  }
  return points;
}
