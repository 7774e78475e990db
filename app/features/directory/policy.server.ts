import { data } from "react-router";
import type { Viewer } from "../accounts/viewer.server.ts";

/** What the directory policy needs to know about an organisation. */
export interface OrgScope {
  id: string;
  regionId: string;
  municipalityId: string | null;
  kind: string;
}

/** Roles a coordinator may hand out inside their scope, and who may confirm what. */
export const ASSIGNABLE_ROLES = ["coordinator", "school_admin", "expert"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

const isAdmin = (v: Viewer) => v.roles.some((g) => g.role === "admin");
const grant = (v: Viewer, role: string, scopeType: string, scopeId: string | null | undefined) =>
  Boolean(scopeId) && v.roles.some((g) => g.role === role && g.scopeType === scopeType && g.scopeId === scopeId);

/** A coordinator of the region (or an admin). */
export function coordinatesRegion(v: Viewer, regionId: string): boolean {
  return isAdmin(v) || grant(v, "coordinator", "region", regionId);
}

/** A coordinator of the municipality or of its region (or an admin). */
export function coordinatesMunicipality(v: Viewer, m: { id: string; regionId: string }): boolean {
  return coordinatesRegion(v, m.regionId) || grant(v, "coordinator", "municipality", m.id);
}

/** Coordinators of the organisation's municipality or region. */
export function coordinatesOrganisation(v: Viewer, org: OrgScope): boolean {
  return org.municipalityId ? coordinatesMunicipality(v, { id: org.municipalityId, regionId: org.regionId }) : coordinatesRegion(v, org.regionId);
}

/** The school's confirmed administrator. */
export function administersOrganisation(v: Viewer, org: OrgScope): boolean {
  return grant(v, "school_admin", "organisation", org.id);
}

export const canImportSchools = (v: Viewer, regionId: string) => coordinatesRegion(v, regionId);
export const canEditOrganisation = (v: Viewer, org: OrgScope) => coordinatesOrganisation(v, org) || administersOrganisation(v, org);
/** Staff requests are confirmed by the organisation's administrator or its coordinators. */
export const canConfirmStaff = (v: Viewer, org: OrgScope) => administersOrganisation(v, org) || coordinatesOrganisation(v, org);
/** A school's administrator is confirmed by a coordinator of its municipality or region. */
export const canConfirmSchoolAdmin = (v: Viewer, org: OrgScope) => coordinatesOrganisation(v, org);
export const canAppointExpert = (v: Viewer, regionId: string) => coordinatesRegion(v, regionId);

/** Whether the viewer may grant or revoke a role in a scope. Admins may do anything. */
export function canAssignRole(v: Viewer, role: string, scope: { type: "region" | "municipality" | "organisation" | null; regionId?: string; municipality?: { id: string; regionId: string }; org?: OrgScope }): boolean {
  if (isAdmin(v)) return true;
  if (role === "admin") return false;
  if (role === "coordinator" && scope.type === "municipality" && scope.municipality) return coordinatesRegion(v, scope.municipality.regionId);
  if (role === "coordinator") return false;
  if (role === "expert" && scope.type === "region" && scope.regionId) return canAppointExpert(v, scope.regionId);
  if (role === "school_admin" && scope.type === "organisation" && scope.org) return canConfirmSchoolAdmin(v, scope.org);
  return false;
}

/** Throws 403 with a Russian message when a check fails. */
export function ensure(allowed: boolean, message = "Недостаточно прав для этого действия."): void {
  if (!allowed) throw data(message, { status: 403 });
}
