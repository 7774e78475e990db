/**
 * The dashboard page's data: the viewer's scope and period from the query string (checked by the
 * policy), the figures, the monthly trend, the tables and the pickers' options.
 */
import { sql } from "drizzle-orm";
import { data } from "react-router";
import { queryRows, type Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { localDateKey } from "../../utils/datetime.ts";
import { zoneLabel } from "../../utils/timezones.ts";
import { canViewScope, defaultScope, requireDashboardViewer, requireScope } from "./policy.server.ts";
import { computeDashboard, computeTrend } from "./queries.server.ts";
import { DashboardQuery, parsePeriod, parseScope } from "./schemas.ts";
import { listScopeCandidates, resolveScope, scopeKey, type ResolvedScope } from "./scope.server.ts";
import { DASHBOARD_ERRORS } from "./strings.ts";
import { buildTables } from "./tables.ts";
import { lastDay, periodLabel, presetOptions } from "./periods.ts";

/** The scopes the viewer may pick, grouped for a `<select>`. */
async function scopeOptions(ex: Executor, viewer: Viewer) {
  const admin = viewer.roles.some((g) => g.role === "admin");
  const regionIds = admin ? null : [...new Set(viewer.roles.filter((g) => g.scopeId && (g.role === "coordinator" || g.role === "school_admin")).map((g) => g.scopeId!))];
  // Coordinators' regions, and the regions of their municipalities and schools.
  const ids = regionIds === null ? null : (await queryRows<{ region_id: string }>(ex, regionIds.length ? sql`select id as region_id from regions where id in (${sql.join(regionIds.map((i) => sql`${i}`), sql`, `)}) union select region_id from municipalities where id in (${sql.join(regionIds.map((i) => sql`${i}`), sql`, `)}) union select region_id from organisations where id in (${sql.join(regionIds.map((i) => sql`${i}`), sql`, `)})` : sql`select null::uuid as region_id where false`)).map((r) => r.region_id);
  const c = await listScopeCandidates(ex, ids);
  const allowed = (s: ResolvedScope) => canViewScope(viewer, s);
  const base = { name: "", timeZone: "", city: null };
  const groups: Array<{ label: string; options: Array<{ value: string; label: string }> }> = [];
  if (admin) groups.push({ label: "Платформа", options: [{ value: "platform", label: "Вся платформа" }] });
  const regions = c.regions.filter((r) => allowed({ ...base, kind: "region", id: r.id, regionId: r.id, municipalityId: null }));
  if (regions.length) groups.push({ label: "Регионы", options: regions.map((r) => ({ value: `region:${r.id}`, label: r.name })) });
  const municipalities = c.municipalities.filter((m) => allowed({ ...base, kind: "municipality", id: m.id, regionId: m.region_id, municipalityId: m.id }));
  if (municipalities.length) groups.push({ label: "Муниципалитеты", options: municipalities.map((m) => ({ value: `municipality:${m.id}`, label: m.name })) });
  const schools = c.schools.filter((s) => allowed({ ...base, kind: "school", id: s.id, regionId: s.region_id, municipalityId: s.municipality_id }));
  if (schools.length) groups.push({ label: "Школы", options: schools.map((s) => ({ value: `school:${s.id}`, label: s.name })) });
  return groups;
}

/**
 * Everything the dashboard page (and its export) shows for a request.
 *
 * @throws 403 for a viewer without a dashboard role or a scope outside theirs; 404 for an unknown
 * scope; 400 for a malformed period.
 */
export async function loadDashboard(ex: Executor, viewer: Viewer, url: URL, now: Date) {
  requireDashboardViewer(viewer);
  const parsed = DashboardQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const badScope = parsed.error.issues.some((i) => i.path[0] === "scope");
    throw data(badScope ? DASHBOARD_ERRORS.badScope : DASHBOARD_ERRORS.badPeriod, { status: badScope ? 404 : 400 });
  }
  const q = parsed.data;
  const asked = parseScope(q.scope) ?? defaultScope(viewer)!;
  const scope = await resolveScope(ex, asked);
  if (!scope) throw data(DASHBOARD_ERRORS.badScope, { status: 404 });
  requireScope(viewer, scope);
  const today = localDateKey(now, scope.timeZone);
  const period = parsePeriod(q, today);
  if (!period) throw data(DASHBOARD_ERRORS.badPeriod, { status: 400 });
  const [{ n: regionCount } = { n: 1 }] = await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from regions`);
  const figures = await computeDashboard(ex, scope, period, now, regionCount);
  const trend = await computeTrend(ex, scope, period, now, regionCount);
  return {
    scope: { key: scopeKey(scope), kind: scope.kind, name: scope.name, zone: zoneLabel(scope.timeZone, scope.city ?? undefined, now) },
    period: { ...period, last: lastDay(period), label: periodLabel(period) },
    today,
    figures,
    trend,
    tables: buildTables(figures, trend),
    options: { scopes: await scopeOptions(ex, viewer), periods: presetOptions(today) },
  };
}
