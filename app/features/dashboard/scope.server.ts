/**
 * The dashboard's scopes (the whole platform, a region, a municipality, a school): what each one
 * is called, its time zone (the region's; Moscow for the platform) and the SQL that keeps an
 * organisation inside it.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { MOSCOW_TIME_ZONE } from "../../utils/timezones.ts";

export type DashboardScope = { kind: "platform" } | { kind: "region"; id: string } | { kind: "municipality"; id: string } | { kind: "school"; id: string };

/** A scope with what the computations and the page need to know about it. */
export interface ResolvedScope {
  kind: DashboardScope["kind"];
  id: string | null;
  name: string;
  timeZone: string;
  /** The city of the zone label (the region's capital), when there is a region. */
  city: string | null;
  regionId: string | null;
  municipalityId: string | null;
}

/** "platform", "region:<id>", "municipality:<id>", "school:<id>" (the picker's values). */
export const scopeKey = (s: DashboardScope | ResolvedScope): string => (s.kind === "platform" ? "platform" : `${s.kind}:${(s as { id: string }).id}`);

/** Loads a scope's name and zone; null when the region, municipality or school does not exist. */
export async function resolveScope(ex: Executor, scope: DashboardScope): Promise<ResolvedScope | null> {
  if (scope.kind === "platform") return { kind: "platform", id: null, name: "Вся платформа", timeZone: MOSCOW_TIME_ZONE, city: null, regionId: null, municipalityId: null };
  type Row = { name: string; time_zone: string; capital: string; region_id: string; municipality_id: string | null };
  const query =
    scope.kind === "region"
      ? sql`select r.name, r.time_zone, r.capital, r.id as region_id, null::uuid as municipality_id from regions r where r.id = ${scope.id}`
      : scope.kind === "municipality"
        ? sql`select m.name, r.time_zone, r.capital, r.id as region_id, m.id as municipality_id from municipalities m join regions r on r.id = m.region_id where m.id = ${scope.id}`
        : sql`select o.short_name as name, r.time_zone, r.capital, r.id as region_id, o.municipality_id from organisations o join regions r on r.id = o.region_id where o.id = ${scope.id} and o.kind = 'school'`;
  const [row] = await queryRows<Row>(ex, query);
  if (!row) return null;
  return { kind: scope.kind, id: scope.id, name: row.name, timeZone: row.time_zone, city: row.capital, regionId: row.region_id, municipalityId: row.municipality_id };
}

/** `orgId` (an SQL expression) is an organisation inside the scope. */
export function orgInScope(s: ResolvedScope, orgId: SQL): SQL {
  switch (s.kind) {
    case "platform":
      return sql`true`;
    case "region":
      return sql`${orgId} in (select id from organisations where region_id = ${s.id})`;
    case "municipality":
      return sql`${orgId} in (select id from organisations where municipality_id = ${s.id})`;
    case "school":
      return sql`${orgId} = ${s.id}`;
  }
}

/** A plan (alias `pl`) whose owner is inside the scope: a partnership with either school inside, an organisation, a municipality or a region. */
export function planInScope(s: ResolvedScope): SQL {
  const partnership = sql`(pl.owner_kind = 'partnership' and exists (select 1 from partnerships pp where pp.id = pl.owner_id and (${orgInScope(s, sql`pp.leader_org_id`)} or ${orgInScope(s, sql`pp.partner_org_id`)})))`;
  const organisation = sql`(pl.owner_kind = 'organisation' and ${orgInScope(s, sql`pl.owner_id`)})`;
  const municipality =
    s.kind === "platform" ? sql`pl.owner_kind = 'municipality'` : s.kind === "region" ? sql`(pl.owner_kind = 'municipality' and pl.owner_id in (select id from municipalities where region_id = ${s.id}))` : s.kind === "municipality" ? sql`(pl.owner_kind = 'municipality' and pl.owner_id = ${s.id})` : sql`false`;
  const region = s.kind === "platform" ? sql`pl.owner_kind = 'region'` : s.kind === "region" ? sql`(pl.owner_kind = 'region' and pl.owner_id = ${s.id})` : sql`false`;
  return sql`(${partnership} or ${organisation} or ${municipality} or ${region})`;
}

/** Regions, municipalities and schools for the scope picker (all of them; the policy filters). */
export async function listScopeCandidates(ex: Executor, regionIds: string[] | null) {
  const inRegions = (col: SQL) => (regionIds === null ? sql`true` : regionIds.length ? sql`${col} in (${sql.join(regionIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  const [regions, municipalities, schools] = await Promise.all([
    queryRows<{ id: string; name: string }>(ex, sql`select id, name from regions r where ${inRegions(sql`r.id`)} order by name_sort`),
    queryRows<{ id: string; name: string; region_id: string }>(ex, sql`select id, name, region_id from municipalities m where ${inRegions(sql`m.region_id`)} order by name_sort`),
    regionIds === null ? Promise.resolve([]) : queryRows<{ id: string; name: string; region_id: string; municipality_id: string | null }>(ex, sql`select id, short_name as name, region_id, municipality_id from organisations o where o.kind = 'school' and ${inRegions(sql`o.region_id`)} order by name_sort`),
  ]);
  return { regions, municipalities, schools };
}
