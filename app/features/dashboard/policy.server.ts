/**
 * Who sees which dashboard: admins every scope (the platform included); a regional coordinator
 * their region, its municipalities and its schools; a municipal coordinator their municipality and
 * its schools; a school's administrator that school's own indicators. Nobody else.
 */
import { data } from "react-router";
import type { Viewer } from "../accounts/viewer.server.ts";
import { administersOrganisation, coordinatesMunicipality, coordinatesOrganisation, coordinatesRegion } from "../directory/policy.server.ts";
import type { DashboardScope, ResolvedScope } from "./scope.server.ts";
import { DASHBOARD_ERRORS } from "./strings.ts";

const isAdmin = (v: Viewer) => v.roles.some((g) => g.role === "admin");
const grants = (v: Viewer, role: string, scopeType: string) => v.roles.filter((g) => g.role === role && g.scopeType === scopeType && g.scopeId).map((g) => g.scopeId!);

/** Whether the viewer may open the dashboard at all (the header shows the link to them). */
export function canOpenDashboard(v: Viewer): boolean {
  return Boolean(v.id) && (isAdmin(v) || grants(v, "coordinator", "region").length + grants(v, "coordinator", "municipality").length + grants(v, "school_admin", "organisation").length > 0);
}

/** Whether the viewer may see a resolved scope's dashboard. */
export function canViewScope(v: Viewer, s: ResolvedScope): boolean {
  if (!v.id) return false;
  switch (s.kind) {
    case "platform":
      return isAdmin(v);
    case "region":
      return coordinatesRegion(v, s.regionId!);
    case "municipality":
      return coordinatesMunicipality(v, { id: s.municipalityId!, regionId: s.regionId! });
    case "school": {
      const org = { id: s.id!, regionId: s.regionId!, municipalityId: s.municipalityId, kind: "school" };
      return coordinatesOrganisation(v, org) || administersOrganisation(v, org);
    }
  }
}

/** The scope a viewer lands on: the platform for admins, else their first region, municipality or school. */
export function defaultScope(v: Viewer): DashboardScope | null {
  if (isAdmin(v)) return { kind: "platform" };
  const [region] = grants(v, "coordinator", "region");
  if (region) return { kind: "region", id: region };
  const [municipality] = grants(v, "coordinator", "municipality");
  if (municipality) return { kind: "municipality", id: municipality };
  const [school] = grants(v, "school_admin", "organisation");
  return school ? { kind: "school", id: school } : null;
}

/** 403 for a signed-in person without a dashboard role (guests are sent to sign in by `requireUser` first). */
export function requireDashboardViewer(v: Viewer): void {
  if (!canOpenDashboard(v)) throw data(DASHBOARD_ERRORS.forbidden, { status: 403 });
}

/** 403 unless the viewer may see the scope. */
export function requireScope(v: Viewer, s: ResolvedScope): void {
  if (!canViewScope(v, s)) throw data(DASHBOARD_ERRORS.forbiddenScope, { status: 403 });
}
