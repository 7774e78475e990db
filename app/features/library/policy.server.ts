/**
 * Who may do what in the library. Pure decisions on the viewer, the practice (loaded by the
 * caller with `loadPracticeAccess`) and, for experts, the organisations the viewer works in.
 * Pages, commands, downloads and the discussion owner all ask these functions.
 */
import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { coordinatesRegion } from "../directory/policy.server.ts";
import type { ReviewStatus, VersionStatus } from "../../../db/schema/library.ts";
import { LIBRARY_ERRORS } from "./strings.ts";

/** What the policy needs to know about a practice. */
export interface PracticeAccess {
  id: string;
  authorIds: readonly string[];
  organisationId: string | null;
  regionId: string | null;
  /** A version is published (readers see it). */
  published: boolean;
  /** The newest version: the one being written or reviewed (the published one when nothing is pending). */
  current: { id: string; status: VersionStatus };
  /** The open or accepting review of the current version, if any. */
  review: { expertId: string; status: ReviewStatus } | null;
}

/**
 * The expert's own organisations: confirmed places of work and the organisation of the profile.
 * An expert never reviews a practice of any of them.
 */
export interface ExpertContext {
  organisationIds: readonly string[];
}

const isAdmin = (v: Viewer) => hasRole(v, "admin");
const EDITABLE: readonly VersionStatus[] = ["draft", "returned"];

/** One of the practice's authors (the creator or a co-author). */
export function isAuthor(v: Viewer, p: Pick<PracticeAccess, "authorIds">): boolean {
  return Boolean(v.id) && p.authorIds.includes(v.id!);
}

/** An expert of the practice's region (or an administrator), before the conflict checks. */
export function isRegionExpert(v: Viewer, regionId: string | null): boolean {
  if (!v.id) return false;
  return isAdmin(v) || (Boolean(regionId) && hasRole(v, "expert", { type: "region", id: regionId! }));
}

/**
 * May the viewer review this practice at all: an expert of its region (or an admin) who is not
 * one of its authors and does not work in its organisation.
 */
export function mayReviewPractice(v: Viewer, p: PracticeAccess, expert: ExpertContext): boolean {
  if (!isRegionExpert(v, p.regionId) || isAuthor(v, p)) return false;
  return !(p.organisationId && expert.organisationIds.includes(p.organisationId));
}

/** Why the viewer may not review (for the page's message), or null when they may. */
export function reviewRefusal(v: Viewer, p: PracticeAccess, expert: ExpertContext): string | null {
  if (!isRegionExpert(v, p.regionId)) return LIBRARY_ERRORS.notExpert;
  if (isAuthor(v, p)) return LIBRARY_ERRORS.ownPractice;
  if (p.organisationId && expert.organisationIds.includes(p.organisationId)) return LIBRARY_ERRORS.ownOrganisation;
  return null;
}

/** Taking a submitted practice for review. */
export function canTakeReview(v: Viewer, p: PracticeAccess, expert: ExpertContext): boolean {
  return p.current.status === "submitted" && mayReviewPractice(v, p, expert);
}

/** The expert who took the current version decides (and still may review it). */
export function canDecideReview(v: Viewer, p: PracticeAccess, expert: ExpertContext): boolean {
  return p.current.status === "under_review" && p.review?.status === "in_progress" && p.review.expertId === v.id && mayReviewPractice(v, p, expert);
}

/**
 * The version being written or reviewed (drafts, returned, submitted): its authors, the expert
 * reviewing it, experts who may take it while it waits, and administrators.
 */
export function canReadCurrent(v: Viewer, p: PracticeAccess, expert: ExpertContext): boolean {
  if (!v.id) return false;
  if (isAdmin(v) || isAuthor(v, p)) return true;
  if (p.review && p.review.expertId === v.id && p.current.status === "under_review") return true;
  return canTakeReview(v, p, expert);
}

/** The practice page: everybody once a version is published; before that, who may read the current version. */
export function canReadPractice(v: Viewer, p: PracticeAccess, expert: ExpertContext): boolean {
  return p.published || canReadCurrent(v, p, expert);
}

/** Editing the current version: its authors, while it is a draft or returned. */
export function canEditCurrent(v: Viewer, p: PracticeAccess): boolean {
  return isAuthor(v, p) && EDITABLE.includes(p.current.status);
}

/** Starting a new version of a published practice (nothing pending). */
export function canStartNewVersion(v: Viewer, p: PracticeAccess): boolean {
  return isAuthor(v, p) && p.current.status === "published";
}

/** Opening the edit page: a draft or returned version, or a published one (a new version is made on save). */
export function canEditPractice(v: Viewer, p: PracticeAccess): boolean {
  return canEditCurrent(v, p) || canStartNewVersion(v, p);
}

/** Sending the current version to the experts. */
export function canSubmit(v: Viewer, p: PracticeAccess): boolean {
  return canEditCurrent(v, p);
}

/** Bookmarks and comments: signed-in people on a published practice. */
export function canBookmark(v: Viewer, p: PracticeAccess): boolean {
  return Boolean(v.id) && p.published;
}

/** «Полезно»: signed-in readers of a published practice who are not its authors. */
export function canVoteUseful(v: Viewer, p: PracticeAccess): boolean {
  return Boolean(v.id) && p.published && !isAuthor(v, p);
}

/** Posting comments: signed-in people on a published practice. */
export const canComment = canBookmark;

/** Moderating comments: administrators and coordinators of the practice's region. */
export function canModerateComments(v: Viewer, p: PracticeAccess): boolean {
  return Boolean(v.id) && (isAdmin(v) || (Boolean(p.regionId) && coordinatesRegion(v, p.regionId!)));
}

/** The review queue: experts (any region) and administrators. */
export function mayOpenReviewQueue(v: Viewer): boolean {
  return Boolean(v.id) && (isAdmin(v) || hasRole(v, "expert"));
}

/** Throws 403 with a Russian message when a check fails. */
export function ensureLibrary(allowed: boolean, message: string = LIBRARY_ERRORS.forbidden): void {
  if (!allowed) throw data(message, { status: 403 });
}

/** A practice the viewer may not read is 404 (no hint that it exists). */
export function requirePracticeReader(v: Viewer, p: PracticeAccess, expert: ExpertContext): void {
  if (!canReadPractice(v, p, expert)) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
}

/** The review queue page: 403 for people who are not experts. */
export function requireReviewQueue(v: Viewer): void {
  ensureLibrary(mayOpenReviewQueue(v), "Очередь экспертизы доступна экспертам.");
}
