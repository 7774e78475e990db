/**
 * Practices and events of a scope in a window.
 *
 * Practices of organisations in the scope: submitted (a version whose submission falls in the
 * window), reviewed (an expert's decision in it), published (the first publication in it).
 *
 * Events organised by organisations in the scope, not cancelled, counted by session date: an event
 * is held in the period of its first session (once that session has started), so quarters add up
 * to the year; its sessions, attendance and certificates count in the period of each session or
 * certificate. Interregional: its registered participants come from two or more regions (a
 * person's regions are those of the organisation their profile names and of their confirmed
 * workplaces).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { toDate } from "../../utils/datetime.ts";
import { orgInScope, type ResolvedScope } from "./scope.server.ts";
import type { DashboardWindow } from "./window.ts";

export interface PracticeCounts {
  submitted: number;
  reviewed: number;
  published: number;
}

/** Practice workflow counts of the scope in the window. */
export async function countPractices(ex: Executor, scope: ResolvedScope, w: DashboardWindow): Promise<PracticeCounts> {
  const inScope = orgInScope(scope, sql`p.organisation_id`);
  const within = (col: string) => sql`${sql.raw(col)} >= ${w.fromTs}::timestamptz and ${sql.raw(col)} < ${w.toTs}::timestamptz`;
  const [row] = await queryRows<{ submitted: number; reviewed: number; published: number }>(
    ex,
    sql`select
      (select count(distinct v.practice_id)::int from practice_versions v join practices p on p.id = v.practice_id where ${within("v.submitted_at")} and ${inScope}) as submitted,
      (select count(distinct r.practice_id)::int from practice_reviews r join practices p on p.id = r.practice_id where ${within("r.decided_at")} and ${inScope}) as reviewed,
      (select count(*)::int from practices p where ${within("p.published_at")} and ${inScope}) as published`,
  );
  return row ?? { submitted: 0, reviewed: 0, published: 0 };
}

export interface EventFigures {
  id: string;
  title: string;
  firstStartsAt: Date;
  timeZone: string;
  /** Sessions of this event held in the window. */
  sessions: number;
  registered: number;
  /** Attendance marks in the window's sessions by registered participants. */
  attended: number;
  /** Seats expected in the window's sessions: registered × sessions. */
  expected: number;
  regions: number;
  /** Whether its first session falls in the window (the event counts as held in it). */
  heldHere: boolean;
  certifiedMinutes: number;
}

const personRegions = sql`(
  select pr.user_id, o.region_id from profiles pr join organisations o on o.id = pr.organisation_id
  union select sm.user_id, o.region_id from staff_memberships sm join organisations o on o.id = sm.organisation_id where sm.status = 'confirmed'
)`;

/** Events of the scope with a session held in the window or a certificate issued in it. */
export async function listEvents(ex: Executor, scope: ResolvedScope, w: DashboardWindow): Promise<EventFigures[]> {
  type Row = { id: string; title: string; title_sort: string; first_starts_at: Date | string; time_zone: string; sessions: number; registered: number; attended: number; regions: number; minutes: number };
  const heldSession = sql`s.starts_at >= ${w.fromTs}::timestamptz and s.starts_at < ${w.toTs}::timestamptz and s.starts_at < ${w.asOfTs}::timestamptz`;
  const issued = sql`c.issued_at >= ${w.fromTs}::timestamptz and c.issued_at < ${w.toTs}::timestamptz`;
  const rows = await queryRows<Row>(
    ex,
    sql`select e.id, e.title, e.title_sort, e.time_zone,
          (select min(s.starts_at) from programme_event_sessions s where s.event_id = e.id) as first_starts_at,
          (select count(*)::int from programme_event_sessions s where s.event_id = e.id and ${heldSession}) as sessions,
          (select count(*)::int from event_registrations g where g.event_id = e.id and g.status = 'registered') as registered,
          (select count(*)::int from event_attendance a join programme_event_sessions s on s.id = a.session_id
             where s.event_id = e.id and ${heldSession} and a.user_id in (select g.user_id from event_registrations g where g.event_id = e.id and g.status = 'registered')) as attended,
          (select count(distinct r.region_id)::int from event_registrations g join ${personRegions} r on r.user_id = g.user_id where g.event_id = e.id and g.status = 'registered') as regions,
          (select coalesce(sum(c.minutes), 0)::int from event_certificates c where c.event_id = e.id and ${issued}) as minutes
        from programme_events e
        where e.status = 'scheduled' and ${orgInScope(scope, sql`e.organisation_id`)}
          and (exists (select 1 from programme_event_sessions s where s.event_id = e.id and ${heldSession}) or exists (select 1 from event_certificates c where c.event_id = e.id and ${issued}))
        order by first_starts_at, e.title_sort, e.id`,
  );
  return rows.map((r) => {
    const first = toDate(r.first_starts_at);
    const iso = first.toISOString();
    return {
      id: r.id,
      title: r.title,
      firstStartsAt: first,
      timeZone: r.time_zone,
      sessions: r.sessions,
      registered: r.registered,
      attended: r.attended,
      expected: r.registered * r.sessions,
      regions: r.regions,
      heldHere: iso >= w.fromTs && iso < w.toTs && iso < w.asOfTs,
      certifiedMinutes: r.minutes,
    };
  });
}

/** Distinct people registered for the events held in the window. */
export async function countParticipants(ex: Executor, eventIds: string[]): Promise<number> {
  if (!eventIds.length) return 0;
  const [row] = await queryRows<{ n: number }>(ex, sql`select count(distinct user_id)::int as n from event_registrations where status = 'registered' and event_id in (${sql.join(eventIds.map((id) => sql`${id}`), sql`, `)})`);
  return row?.n ?? 0;
}
