/**
 * Who may do what in partnerships. Pure decisions on the viewer and what the caller loaded about
 * the partnership (its two schools, status, curator and the viewer's membership), plus guards that
 * throw a Russian 403/404. Pages, commands, the discussion owner ("partnership") and the socket
 * stream `partnership:<id>` all ask these functions.
 */
import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { administersOrganisation, coordinatesOrganisation, coordinatesRegion, type OrgScope } from "../directory/policy.server.ts";
import type { PartnershipStatus } from "../../../db/schema/partnerships.ts";
import { PARTNERSHIP_ERRORS } from "./strings.ts";

/** What the policy needs to know about a partnership. */
export interface PartnershipAccess {
  id: string;
  status: PartnershipStatus;
  leader: OrgScope;
  partner: OrgScope;
  curatorId: string | null;
  leaderAcceptedAt: Date | null;
  partnerAcceptedAt: Date | null;
  /** Whether the viewer is a member of the partnership (loaded by the caller). */
  viewerIsMember: boolean;
}

export type Side = "leader" | "partner";

const isAdmin = (v: Viewer) => hasRole(v, "admin");
const signedIn = (v: Viewer) => Boolean(v.id);

/** The administrator of one of the two schools. */
export function administersSide(v: Viewer, p: Pick<PartnershipAccess, "leader" | "partner">): Side | null {
  if (administersOrganisation(v, p.leader)) return "leader";
  if (administersOrganisation(v, p.partner)) return "partner";
  return null;
}

/** Coordinators of either school's region (and admins). */
export function coordinatesEitherRegion(v: Viewer, p: Pick<PartnershipAccess, "leader" | "partner">): boolean {
  return coordinatesRegion(v, p.leader.regionId) || coordinatesRegion(v, p.partner.regionId);
}

const isCurator = (v: Viewer, p: PartnershipAccess) => signedIn(v) && p.curatorId === v.id;

/**
 * The insiders: members, the curator, both schools' administrators, coordinators of either school's
 * region and admins. Only they see members, mentor pairs and logs, visit protocols, files and the
 * workspace — over HTTP, sockets and search alike.
 */
export function canReadPrivate(v: Viewer, p: PartnershipAccess): boolean {
  if (!signedIn(v)) return false;
  return isAdmin(v) || p.viewerIsMember || isCurator(v, p) || administersSide(v, p) !== null || coordinatesEitherRegion(v, p);
}

/** Writing in the workspace (threads, replies, files): the insiders, while it is not declined. */
export function canPostInWorkspace(v: Viewer, p: PartnershipAccess): boolean {
  return canReadPrivate(v, p) && p.status !== "declined";
}

/** Moderating the workspace: the curator, coordinators of either region and admins. */
export function canModerateWorkspace(v: Viewer, p: PartnershipAccess): boolean {
  return signedIn(v) && (isAdmin(v) || isCurator(v, p) || coordinatesEitherRegion(v, p));
}

/** The public card (schools, status, dates): anyone; the programme's pairings are not a secret. */
export const canSeeOverview = (_v: Viewer, _p: PartnershipAccess) => true;

/**
 * Proposing a partnership of two schools: the administrator of either school (that side counts as
 * accepted) or a coordinator of either school (then both schools accept).
 */
export function proposerSide(v: Viewer, leader: OrgScope, partner: OrgScope): Side | "coordinator" | null {
  if (!signedIn(v)) return null;
  if (administersOrganisation(v, partner)) return "partner";
  if (administersOrganisation(v, leader)) return "leader";
  if (coordinatesOrganisation(v, partner) || coordinatesOrganisation(v, leader)) return "coordinator";
  return null;
}

/** Whether the viewer may propose at all for this school (opening the form with suggestions). */
export function canProposeFor(v: Viewer, school: OrgScope): boolean {
  return signedIn(v) && (administersOrganisation(v, school) || coordinatesOrganisation(v, school));
}

/** The side the viewer may accept for: a pending side of a proposed partnership that they administer. */
export function acceptingSide(v: Viewer, p: PartnershipAccess): Side | null {
  if (p.status !== "proposed") return null;
  if (!p.leaderAcceptedAt && administersOrganisation(v, p.leader)) return "leader";
  if (!p.partnerAcceptedAt && administersOrganisation(v, p.partner)) return "partner";
  return null;
}

/** Confirming an accepted partnership: a coordinator of the partner school's region (or an admin). */
export function canConfirm(v: Viewer, p: PartnershipAccess): boolean {
  return p.status === "accepted" && signedIn(v) && coordinatesRegion(v, p.partner.regionId);
}

/** Declining: a pending side while proposed; the confirming coordinator while accepted. */
export function canDecline(v: Viewer, p: PartnershipAccess): boolean {
  if (p.status === "proposed") return acceptingSide(v, p) !== null || (signedIn(v) && coordinatesRegion(v, p.partner.regionId));
  if (p.status === "accepted") return canConfirm(v, p);
  return false;
}

/** Withdrawing a proposal or ending (or completing) an active partnership: either school's administrator, coordinators of the partner's region. */
export function canEnd(v: Viewer, p: PartnershipAccess): boolean {
  if (!["proposed", "accepted", "active"].includes(p.status)) return false;
  return signedIn(v) && (administersSide(v, p) !== null || coordinatesRegion(v, p.partner.regionId));
}

/** Completing an active partnership as planned. */
export function canComplete(v: Viewer, p: PartnershipAccess): boolean {
  return p.status === "active" && canEnd(v, p);
}

/** Editing the agreement (number, date, period, goals, curator): either school's administrator, coordinators of either school, admins. */
export function canEditAgreement(v: Viewer, p: PartnershipAccess): boolean {
  if (!signedIn(v) || ["declined", "ended", "completed"].includes(p.status)) return false;
  return administersSide(v, p) !== null || coordinatesOrganisation(v, p.leader) || coordinatesOrganisation(v, p.partner);
}

/** Adding or removing members of one school: that school's administrator, the curator, coordinators, admins. */
export function canManageMembersOf(v: Viewer, p: PartnershipAccess, organisationId: string): boolean {
  if (!signedIn(v) || ["declined", "ended", "completed"].includes(p.status)) return false;
  const org = organisationId === p.leader.id ? p.leader : organisationId === p.partner.id ? p.partner : null;
  if (!org) return false;
  return administersOrganisation(v, org) || isCurator(v, p) || coordinatesOrganisation(v, org) || isAdmin(v);
}

/** Forming mentor pairs: the curator, either school's administrator, coordinators, admins, while active. */
export function canManagePairs(v: Viewer, p: PartnershipAccess): boolean {
  return p.status === "active" && signedIn(v) && (isCurator(v, p) || administersSide(v, p) !== null || coordinatesEitherRegion(v, p));
}

/** Logging a meeting of a pair: its mentor or mentee, the curator (while active). */
export function canLogMeeting(v: Viewer, p: PartnershipAccess, pair: { mentorId: string; menteeId: string; status: string }): boolean {
  return p.status === "active" && pair.status === "active" && signedIn(v) && (v.id === pair.mentorId || v.id === pair.menteeId || isCurator(v, p));
}

/** Filing a lesson-visit protocol: members and the curator of an active partnership. */
export function canFileVisit(v: Viewer, p: PartnershipAccess): boolean {
  return p.status === "active" && signedIn(v) && (p.viewerIsMember || isCurator(v, p));
}

/** A school's declared strengths: its administrator and its coordinators (admins too). */
export function canEditStrengths(v: Viewer, org: OrgScope): boolean {
  return org.kind === "school" && signedIn(v) && (administersOrganisation(v, org) || coordinatesOrganisation(v, org));
}

/** Throws 403 with a Russian message when a check fails. */
export function ensurePartnership(allowed: boolean, message: string = PARTNERSHIP_ERRORS.forbidden): void {
  if (!allowed) throw data(message, { status: 403 });
}

/** Private pages (a visit protocol, a file) are 404 for outsiders: they do not learn they exist. */
export function requirePrivateReader(v: Viewer, p: PartnershipAccess): void {
  if (!canReadPrivate(v, p)) throw data(PARTNERSHIP_ERRORS.notFound, { status: 404 });
}
