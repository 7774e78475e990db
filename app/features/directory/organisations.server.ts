import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { municipalities, organisations, regions, roleChanges, roleGrants, roleRequests, schoolYears, staffMemberships, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { foldYo } from "../../utils/text.ts";

export const ORG_PAGE_SIZE = 30;

/** One organisation with its region, municipality and the given school year's status. */
export async function getOrganisation(ex: Executor, id: string, schoolYear: string) {
  const [row] = await ex
    .select({
      org: organisations,
      region: { id: regions.id, name: regions.name, timeZone: regions.timeZone, capital: regions.capital },
      municipality: municipalities.name,
      year: schoolYears,
    })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, schoolYear)))
    .where(eq(organisations.id, id));
  return row;
}

/** Staff of an organisation by status (confirmed staff, or requests waiting for a decision). */
export async function listStaff(ex: Executor, organisationId: string, status: "confirmed" | "requested") {
  return ex
    .select({ id: staffMemberships.id, userId: users.id, name: users.name, position: staffMemberships.position, requestedAt: staffMemberships.requestedAt })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.status, status), eq(users.status, "active")))
    .orderBy(status === "confirmed" ? asc(users.name) : asc(staffMemberships.requestedAt));
}

/** The viewer's own open membership of an organisation, if any. */
export async function membershipOf(ex: Executor, userId: string, organisationId: string) {
  const [row] = await ex
    .select({ status: staffMemberships.status, position: staffMemberships.position })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.organisationId, organisationId), inArray(staffMemberships.status, ["requested", "confirmed"])));
  return row;
}

export interface OrganisationFilter {
  regionId?: string;
  municipalityId?: string;
  kind?: "school" | "body";
  flag?: "lowResults" | "adverseConditions" | "leading" | "trainingSite" | "project500";
  q?: string;
  page: number;
  schoolYear: string;
}

/** Organisations by filter in Russian alphabetical order (stored sort key), a page at a time. */
export async function listOrganisations(ex: Executor, f: OrganisationFilter) {
  const where: SQL[] = [];
  if (f.regionId) where.push(eq(organisations.regionId, f.regionId));
  if (f.municipalityId) where.push(eq(organisations.municipalityId, f.municipalityId));
  if (f.kind === "school") where.push(eq(organisations.kind, "school"));
  if (f.kind === "body") where.push(sql`${organisations.kind} <> 'school'`);
  if (f.flag) where.push(eq(schoolYears[f.flag], true));
  if (f.q) {
    const pattern = `%${foldYo(f.q.toLowerCase()).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(organisations.nameSort, pattern), sql`replace(lower(${organisations.shortName}), 'ё', 'е') like ${pattern}`, ilike(organisations.inn, pattern))!);
  }
  const base = ex
    .select({ id: organisations.id })
    .from(organisations)
    .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, f.schoolYear)))
    .where(and(...where));
  const [total] = await ex.select({ n: count() }).from(base.as("matching"));
  const rows = await ex
    .select({ id: organisations.id, shortName: organisations.shortName, kind: organisations.kind, rural: organisations.rural, region: regions.name, municipality: municipalities.name, year: schoolYears })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, f.schoolYear)))
    .where(and(...where))
    .orderBy(asc(organisations.nameSort))
    .limit(ORG_PAGE_SIZE)
    .offset((f.page - 1) * ORG_PAGE_SIZE);
  return { total: total?.n ?? 0, rows };
}

/** Regions and municipalities for filters, in Russian order. */
export async function listAreas(ex: Executor) {
  const [rs, ms] = await Promise.all([
    ex.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.nameSort)),
    ex.select({ id: municipalities.id, name: municipalities.name, regionId: municipalities.regionId }).from(municipalities).orderBy(asc(municipalities.nameSort)),
  ]);
  return { regions: rs, municipalities: ms };
}

/** The regions and municipalities a viewer coordinates (admins: null = everything). */
export function coordinatedScopes(viewer: Viewer): { regionIds: string[]; municipalityIds: string[] } | null {
  if (viewer.roles.some((g) => g.role === "admin")) return null;
  const pick = (type: string) => viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === type && g.scopeId).map((g) => g.scopeId!);
  return { regionIds: pick("region"), municipalityIds: pick("municipality") };
}

function inScope(scope: { regionIds: string[]; municipalityIds: string[] } | null): SQL | undefined {
  if (!scope) return undefined;
  const parts: SQL[] = [];
  if (scope.regionIds.length) parts.push(inArray(organisations.regionId, scope.regionIds));
  if (scope.municipalityIds.length) parts.push(inArray(organisations.municipalityId, scope.municipalityIds));
  return parts.length ? or(...parts) : sql`false`;
}

/** School-administrator requests waiting for a coordinator of the viewer's scope. */
export async function listRoleRequestsInScope(ex: Executor, viewer: Viewer) {
  return ex
    .select({ id: roleRequests.id, role: roleRequests.role, reason: roleRequests.reason, requestedAt: roleRequests.requestedAt, person: users.name, email: users.email, organisation: organisations.shortName, organisationId: organisations.id })
    .from(roleRequests)
    .innerJoin(users, eq(users.id, roleRequests.userId))
    .innerJoin(organisations, eq(organisations.id, roleRequests.scopeId))
    .where(and(eq(roleRequests.status, "requested"), inScope(coordinatedScopes(viewer))))
    .orderBy(asc(roleRequests.requestedAt));
}

/** The latest role changes in the viewer's scope: who, what, when, why. */
export async function listRoleChangesInScope(ex: Executor, viewer: Viewer, limit = 50) {
  const scope = coordinatedScopes(viewer);
  const actor = sql<string | null>`(select name from users a where a.id = ${roleChanges.byUserId})`;
  const scopeName = sql<string | null>`coalesce((select short_name from organisations o where o.id = ${roleChanges.scopeId}), (select name from regions r where r.id = ${roleChanges.scopeId}), (select name from municipalities m where m.id = ${roleChanges.scopeId}))`;
  const visible = scope
    ? or(
        scope.regionIds.length ? inArray(roleChanges.scopeId, scope.regionIds) : sql`false`,
        sql`${roleChanges.scopeId} in (select ${organisations.id} from ${organisations} where ${inScope(scope)})`,
        scope.municipalityIds.length ? inArray(roleChanges.scopeId, scope.municipalityIds) : sql`false`,
      )
    : undefined;
  return ex
    .select({ id: roleChanges.id, person: users.name, role: roleChanges.role, action: roleChanges.action, at: roleChanges.at, reason: roleChanges.reason, actor, scopeName })
    .from(roleChanges)
    .innerJoin(users, eq(users.id, roleChanges.userId))
    .where(visible)
    .orderBy(desc(roleChanges.at))
    .limit(limit);
}

/** People holding scoped roles inside the viewer's scope (to withdraw them). */
export async function listRoleHoldersInScope(ex: Executor, viewer: Viewer) {
  const scope = coordinatedScopes(viewer);
  const visible = scope
    ? or(
        scope.regionIds.length ? inArray(roleGrants.scopeId, scope.regionIds) : sql`false`,
        scope.municipalityIds.length ? inArray(roleGrants.scopeId, scope.municipalityIds) : sql`false`,
        sql`${roleGrants.scopeId} in (select ${municipalities.id} from ${municipalities} where ${scope.regionIds.length ? inArray(municipalities.regionId, scope.regionIds) : sql`false`})`,
        sql`${roleGrants.scopeId} in (select ${organisations.id} from ${organisations} where ${inScope(scope)})`,
      )
    : sql`${roleGrants.scopeType} is not null`;
  const scopeName = sql<string | null>`coalesce((select short_name from organisations o where o.id = ${roleGrants.scopeId}), (select name from regions r where r.id = ${roleGrants.scopeId}), (select name from municipalities m where m.id = ${roleGrants.scopeId}))`;
  return ex
    .select({ id: roleGrants.id, role: roleGrants.role, person: users.name, email: users.email, scopeName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(visible, inArray(roleGrants.role, ["coordinator", "expert", "school_admin"])))
    .orderBy(asc(users.name));
}
