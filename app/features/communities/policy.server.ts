/**
 * Who may do what in communities. Pure decisions on the viewer, the community and the viewer's
 * membership (loaded by the caller), plus guards that throw a Russian 403/404. Every page, command,
 * socket subscription and the discussion owner ask these functions.
 */
import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { coordinatesMunicipality, coordinatesRegion } from "../directory/policy.server.ts";
import type { CommunityMemberStatus, CommunityRole, CommunityScope, CommunityVisibility } from "../../../db/schema/communities.ts";
import { COMMUNITY_ERRORS } from "./strings.ts";

/** What the policy needs to know about a community. */
export interface CommunityAccess {
  id: string;
  visibility: CommunityVisibility;
  scope: CommunityScope;
  regionId: string | null;
  municipalityId: string | null;
}

/** The viewer's membership row, if any. */
export interface MembershipAccess {
  role: CommunityRole;
  status: CommunityMemberStatus;
}

/** Where a new community would live: its scope and area. */
export type CommunityPlace =
  | { scope: "interregional" }
  | { scope: "regional"; regionId: string }
  | { scope: "municipal"; municipality: { id: string; regionId: string } };

const isAdmin = (v: Viewer) => hasRole(v, "admin");
const active = (m: MembershipAccess | null | undefined): m is MembershipAccess => m?.status === "active";

/** An active member (any role). */
export function isActiveMember(m: MembershipAccess | null | undefined): boolean {
  return active(m);
}

/** Open communities are read by anyone, guests included; closed ones by active members and admins. */
export function canReadCommunity(v: Viewer, c: CommunityAccess, m: MembershipAccess | null | undefined): boolean {
  return c.visibility === "open" || isAdmin(v) || (Boolean(v.id) && active(m));
}

/** Starting threads and replying: active members (and admins). */
export function canPostInCommunity(v: Viewer, _c: CommunityAccess, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && (isAdmin(v) || active(m));
}

/** Pin, lock, hide and restore posts, decide join requests: the community's moderators and owners, and admins. */
export function canModerateCommunity(v: Viewer, _c: CommunityAccess, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && (isAdmin(v) || (active(m) && (m.role === "moderator" || m.role === "owner")));
}

/** Appointing and removing moderators: the owner and admins. */
export function canAppointModerators(v: Viewer, _c: CommunityAccess, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && (isAdmin(v) || (active(m) && m.role === "owner"));
}

/** Joining (or asking to join): a signed-in person who is not a member and has no open request. */
export function canJoinCommunity(v: Viewer, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && (!m || m.status === "left" || m.status === "declined");
}

/** Leaving, or withdrawing one's own join request. */
export function canLeaveCommunity(v: Viewer, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && (m?.status === "active" || m?.status === "requested");
}

/** Following: anyone signed in who may read the community. */
export function canFollowCommunity(v: Viewer, c: CommunityAccess, m: MembershipAccess | null | undefined): boolean {
  return Boolean(v.id) && canReadCommunity(v, c, m);
}

/** The member list: whoever may read the community. */
export const canSeeMembers = canReadCommunity;

/**
 * Creating a community in a place: interregional ones by admins; regional ones by the region's
 * coordinators; municipal ones (РМО) by the coordinators of the municipality or of its region.
 */
export function canCreateCommunity(v: Viewer, place: CommunityPlace): boolean {
  if (!v.id) return false;
  if (place.scope === "interregional") return isAdmin(v);
  if (place.scope === "regional") return coordinatesRegion(v, place.regionId);
  return coordinatesMunicipality(v, place.municipality);
}

/** Whether the viewer may open the creation form at all (some coordinator grant, or admin). */
export function mayCreateCommunities(v: Viewer): boolean {
  return Boolean(v.id) && (isAdmin(v) || hasRole(v, "coordinator"));
}

/** Throws 403 with a Russian message when a check fails. */
export function ensureCommunity(allowed: boolean, message: string = COMMUNITY_ERRORS.forbidden): void {
  if (!allowed) throw data(message, { status: 403 });
}

/** The creation form: coordinators and admins only (others get 403). */
export function requireCommunityCreator(v: Viewer): void {
  ensureCommunity(mayCreateCommunities(v), COMMUNITY_ERRORS.createForbidden);
}

/** A closed community's inner pages (members) are 404 for those who may not read it. */
export function requireCommunityReader(v: Viewer, c: CommunityAccess, m: MembershipAccess | null | undefined): void {
  if (!canReadCommunity(v, c, m)) throw data(COMMUNITY_ERRORS.notFound, { status: 404 });
}
