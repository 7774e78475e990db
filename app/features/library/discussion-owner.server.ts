/**
 * Practices as owners of discussion threads (kind "practice"): the comments under a practice.
 * Read: whoever may read the practice; post: signed-in people on a published practice;
 * moderate: administrators and coordinators of the practice's region.
 */
import { hasRole } from "../accounts/viewer.server.ts";
import { registerDiscussionOwner, type DiscussionOwner } from "../discussions/owners.server.ts";
import { canComment, canModerateComments, canReadPractice } from "./policy.server.ts";
import { expertContextOf, loadPractice } from "./queries.server.ts";
import { practices } from "../../../db/schema/index.ts";
import { isNotNull } from "drizzle-orm";

export const practiceDiscussionOwner: DiscussionOwner = {
  async canRead(ex, viewer, ownerId) {
    const loaded = await loadPractice(ex, ownerId);
    return loaded ? canReadPractice(viewer, loaded.access, await expertContextOf(ex, viewer.id)) : false;
  },
  async canPost(ex, viewer, ownerId) {
    const loaded = await loadPractice(ex, ownerId);
    return loaded ? canComment(viewer, loaded.access) : false;
  },
  async canModerate(ex, viewer, ownerId) {
    const loaded = await loadPractice(ex, ownerId);
    return loaded ? canModerateComments(viewer, loaded.access) : false;
  },
  async describe(ex, ownerId) {
    const loaded = await loadPractice(ex, ownerId);
    return loaded ? { title: loaded.practice.title ?? loaded.current.title, href: `/library/${ownerId}` } : null;
  },
  async moderatedOwnerIds(ex, viewer) {
    if (!viewer.id) return [];
    const regionIds = viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === "region" && g.scopeId).map((g) => g.scopeId!);
    if (!hasRole(viewer, "admin") && regionIds.length === 0) return [];
    const rows = await ex.select({ id: practices.id, regionId: practices.regionId }).from(practices).where(isNotNull(practices.publishedVersionId));
    return rows.filter((r) => hasRole(viewer, "admin") || (r.regionId && regionIds.includes(r.regionId))).map((r) => r.id);
  },
};

registerDiscussionOwner("practice", practiceDiscussionOwner);
