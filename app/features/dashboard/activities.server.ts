/**
 * Plan activities due in a period (their term ends in it), read from their dated status history
 * as it stood at the window's "as of" moment: done on time (the day of the last change to «done»,
 * in the plan's zone, is on or before the term's end), done late, overdue (not done, not
 * cancelled, the term ended before the "as of" day), or still open. Grouped by the plan's owner.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { localDateKey, toDate } from "../../utils/datetime.ts";
import { compareRu } from "../../utils/text.ts";
import { planInScope, type ResolvedScope } from "./scope.server.ts";
import type { DashboardWindow } from "./window.ts";

export type ActivityOutcome = "on_time" | "late" | "overdue" | "open" | "cancelled";

export interface ActivityCounts {
  due: number;
  on_time: number;
  late: number;
  overdue: number;
  open: number;
  cancelled: number;
}

export interface OwnerActivities extends ActivityCounts {
  ownerKind: string;
  ownerId: string;
  owner: string;
}

export const zeroActivities = (): ActivityCounts => ({ due: 0, on_time: 0, late: 0, overdue: 0, open: 0, cancelled: 0 });

/** How one activity stood: its status at the "as of" moment and the local day it was last marked done before it. */
export function activityOutcome(a: { termEnd: string; statusThen: string; doneOn: string | null }, asOfDay: string): ActivityOutcome {
  if (a.statusThen === "cancelled") return "cancelled";
  if (a.statusThen === "done") return a.doneOn && a.doneOn > a.termEnd ? "late" : "on_time";
  return a.termEnd < asOfDay ? "overdue" : "open";
}

const OWNER_NAME = sql`case pl.owner_kind
  when 'partnership' then (select lo.short_name || ' — ' || po.short_name from partnerships pp join organisations lo on lo.id = pp.leader_org_id join organisations po on po.id = pp.partner_org_id where pp.id = pl.owner_id)
  when 'organisation' then (select short_name from organisations where id = pl.owner_id)
  when 'municipality' then (select name from municipalities where id = pl.owner_id)
  else (select name from regions where id = pl.owner_id) end`;

/** Activities of the scope's plans due in the window, counted in total and by the plan's owner. */
export async function countPlanActivities(ex: Executor, scope: ResolvedScope, w: DashboardWindow): Promise<{ totals: ActivityCounts; byOwner: OwnerActivities[] }> {
  type Row = { owner_kind: string; owner_id: string; owner: string | null; time_zone: string; term_end: string; status_then: string | null; done_at: Date | string | null };
  const rows = await queryRows<Row>(
    ex,
    sql`select pl.owner_kind, pl.owner_id, ${OWNER_NAME} as owner, pl.time_zone, i.term_end::text as term_end,
          coalesce((select c.to_status from plan_item_status_changes c where c.item_id = i.id and c.at < ${w.asOfTs}::timestamptz order by c.at desc, c.id desc limit 1),
                   case when i.status_changed_at is null or i.status_changed_at < ${w.asOfTs}::timestamptz then i.status end, 'planned') as status_then,
          coalesce((select max(c.at) from plan_item_status_changes c where c.item_id = i.id and c.to_status = 'done' and c.at < ${w.asOfTs}::timestamptz),
                   case when i.status = 'done' and i.status_changed_at < ${w.asOfTs}::timestamptz then i.status_changed_at end) as done_at
        from plan_items i join plans pl on pl.id = i.plan_id
        where i.kind = 'activity' and i.term_end >= ${w.period.from}::date and i.term_end < ${w.period.to}::date and ${planInScope(scope)}`,
  );
  const totals = zeroActivities();
  const owners = new Map<string, OwnerActivities>();
  for (const r of rows) {
    const outcome = activityOutcome({ termEnd: r.term_end, statusThen: r.status_then ?? "planned", doneOn: r.done_at ? localDateKey(toDate(r.done_at), r.time_zone) : null }, w.asOfDay);
    const key = `${r.owner_kind}:${r.owner_id}`;
    const owner = owners.get(key) ?? { ...zeroActivities(), ownerKind: r.owner_kind, ownerId: r.owner_id, owner: r.owner ?? "—" };
    owners.set(key, owner);
    for (const c of [totals, owner]) {
      c[outcome]++;
      if (outcome !== "cancelled") c.due++;
    }
  }
  const byOwner = [...owners.values()].sort((a, b) => compareRu(a.owner, b.owner) || a.ownerId.localeCompare(b.ownerId));
  return { totals, byOwner };
}
