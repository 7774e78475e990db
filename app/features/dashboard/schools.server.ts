/**
 * Programme schools of a scope and period: the schools on the ШНОР (low results) or ШНСУ (adverse
 * conditions) list of the period's school year, their teacher counts from that year, whether they
 * had an active partnership (as the partner school) at the window's "as of" moment, and how many
 * of their teachers were active in the period.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { orgInScope, type ResolvedScope } from "./scope.server.ts";
import type { DashboardWindow } from "./window.ts";

export interface SchoolFigures {
  id: string;
  name: string;
  nameSort: string;
  municipality: string;
  lowResults: boolean;
  adverseConditions: boolean;
  teacherCount: number;
  activePartnership: boolean;
  activeTeachers: number;
}

/** Status of partnership `p` at an instant: its last dated change before it (or its current status if it has no history). */
const statusAt = (at: string) =>
  sql`coalesce((select c.to_status from partnership_status_changes c where c.partnership_id = p.id and c.at < ${at}::timestamptz order by c.at desc, c.id desc limit 1), case when p.status_changed_at < ${at}::timestamptz then p.status end)`;

/**
 * People who were active in [fromTs, toTs): posted, attended an event session held then, are an
 * author of a practice version published then, or changed the status of a plan activity then.
 */
export const activePeopleSql = (w: DashboardWindow) => sql`(
  select author_id as user_id from posts where created_at >= ${w.fromTs}::timestamptz and created_at < ${w.toTs}::timestamptz and deleted_at is null
  union select a.user_id from event_attendance a join programme_event_sessions s on s.id = a.session_id where s.starts_at >= ${w.fromTs}::timestamptz and s.starts_at < ${w.toTs}::timestamptz
  union select pa.user_id from practice_authors pa join practice_versions v on v.practice_id = pa.practice_id where v.published_at >= ${w.fromTs}::timestamptz and v.published_at < ${w.toTs}::timestamptz
  union select by_user_id from plan_item_status_changes where at >= ${w.fromTs}::timestamptz and at < ${w.toTs}::timestamptz and by_user_id is not null
)`;

/** A school's teachers: people whose profile names it or who are its confirmed staff. */
const teachersSql = sql`(
  select user_id, organisation_id from profiles where organisation_id is not null
  union select user_id, organisation_id from staff_memberships where status = 'confirmed'
)`;

/**
 * The programme schools of the scope (for a school scope: that school, on the list or not), with
 * their figures for the window.
 */
export async function listProgrammeSchools(ex: Executor, scope: ResolvedScope, w: DashboardWindow): Promise<SchoolFigures[]> {
  type Row = { id: string; name: string; name_sort: string; municipality: string; low_results: boolean; adverse_conditions: boolean; teacher_count: number; active_partnership: boolean; active_teachers: number };
  const rows = await queryRows<Row>(
    ex,
    sql`select o.id, o.short_name as name, o.name_sort, coalesce(m.name, '') as municipality, sy.low_results, sy.adverse_conditions, coalesce(sy.teacher_count, 0)::int as teacher_count,
          exists (select 1 from partnerships p where p.partner_org_id = o.id and ${statusAt(w.asOfTs)} = 'active') as active_partnership,
          (select count(distinct t.user_id)::int from ${teachersSql} t where t.organisation_id = o.id and t.user_id in ${activePeopleSql(w)}) as active_teachers
        from organisations o
        join school_years sy on sy.organisation_id = o.id and sy.school_year = ${w.schoolYear}
        left join municipalities m on m.id = o.municipality_id
        where o.kind = 'school' and ${orgInScope(scope, sql`o.id`)} and (sy.low_results or sy.adverse_conditions or ${sql.raw(scope.kind === "school" ? "true" : "false")})
        order by o.name_sort, o.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, nameSort: r.name_sort, municipality: r.municipality, lowResults: r.low_results, adverseConditions: r.adverse_conditions, teacherCount: r.teacher_count, activePartnership: r.active_partnership, activeTeachers: r.active_teachers }));
}

/** Distinct active teachers of the given schools (a person teaching in two of them counts once). */
export async function countActiveTeachers(ex: Executor, schoolIds: string[], w: DashboardWindow): Promise<number> {
  if (!schoolIds.length) return 0;
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(distinct t.user_id)::int as n from ${teachersSql} t where t.organisation_id in (${sql.join(schoolIds.map((id) => sql`${id}`), sql`, `)}) and t.user_id in ${activePeopleSql(w)}`,
  );
  return row?.n ?? 0;
}
