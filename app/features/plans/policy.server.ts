/**
 * Who may read and edit a plan. A plan's owner decides: a partnership's roadmap is edited by its
 * insiders (members, the curator, both schools' administrators, coordinators of either school's
 * region, admins — the partnerships policy); a school's plan by its administrator and the
 * coordinators of its municipality or region; a municipality's plan by its coordinators and the
 * region's; a region's plan by the region's coordinators. Admins may do anything.
 */
import { data } from "react-router";
import type { Viewer } from "../accounts/viewer.server.ts";
import { administersOrganisation, coordinatesMunicipality, coordinatesOrganisation, coordinatesRegion, type OrgScope } from "../directory/policy.server.ts";
import { canReadPrivate, type PartnershipAccess } from "../partnerships/policy.server.ts";
import { PLAN_ERRORS } from "./strings.ts";

/** What the policy knows about a plan's owner (loaded by `loadOwner`). */
export type PlanOwnerAccess =
  | { kind: "partnership"; partnership: PartnershipAccess }
  | { kind: "organisation"; org: OrgScope }
  | { kind: "municipality"; municipality: { id: string; regionId: string } }
  | { kind: "region"; regionId: string };

const signedIn = (v: Viewer) => Boolean(v.id);

/** Editing the plan: its sections, activities, statuses, responsible people, reports, imports. */
export function canEditPlan(v: Viewer, owner: PlanOwnerAccess): boolean {
  if (!signedIn(v)) return false;
  switch (owner.kind) {
    case "partnership":
      return canReadPrivate(v, owner.partnership);
    case "organisation":
      return administersOrganisation(v, owner.org) || coordinatesOrganisation(v, owner.org);
    case "municipality":
      return coordinatesMunicipality(v, owner.municipality);
    case "region":
      return coordinatesRegion(v, owner.regionId);
  }
}

/**
 * Reading the plan: those who edit it; for a partnership only its insiders (the roadmap is part of
 * the private workspace); other owners' plans are open to everyone signed in; a published school
 * plan to everyone.
 */
export function canReadPlan(v: Viewer, owner: PlanOwnerAccess, plan: { published: boolean }): boolean {
  if (plan.published) return true;
  if (owner.kind === "partnership") return canReadPrivate(v, owner.partnership);
  return signedIn(v);
}

/** Publishing on the public page is for a school's plan only (seed 003, item 4.3). */
export function canPublishPlan(v: Viewer, owner: PlanOwnerAccess): boolean {
  return owner.kind === "organisation" && canEditPlan(v, owner);
}

/** Throws 403 with a Russian message when a check fails. */
export function ensurePlan(allowed: boolean, message: string = PLAN_ERRORS.forbidden): void {
  if (!allowed) throw data(message, { status: 403 });
}

/** Plans the viewer may not read are 404: they do not learn the plan exists. */
export function requirePlanReader(v: Viewer, owner: PlanOwnerAccess, plan: { published: boolean }): void {
  if (!canReadPlan(v, owner, plan)) throw data(PLAN_ERRORS.notFound, { status: 404 });
}
