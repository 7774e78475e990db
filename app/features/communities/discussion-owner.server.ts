/**
 * Communities as owners of discussion threads (kind "community"): the discussion engine asks this
 * module who may read, post and moderate, over HTTP and sockets alike.
 */
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { hasRole } from "../accounts/viewer.server.ts";
import { registerDiscussionOwner, type DiscussionOwner } from "../discussions/owners.server.ts";
import { canModerateCommunity, canPostInCommunity, canReadCommunity } from "./policy.server.ts";
import { allCommunityIds, findCommunityById, loadCommunityAccess, moderatedCommunityIds } from "./queries.server.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function decide(ex: Executor, viewer: Viewer, ownerId: string, check: typeof canReadCommunity): Promise<boolean> {
  if (!UUID.test(ownerId)) return false;
  const access = await loadCommunityAccess(ex, viewer, { id: ownerId });
  return access ? check(viewer, access.community, access.membership) : false;
}

export const communityDiscussionOwner: DiscussionOwner = {
  canRead: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canReadCommunity),
  canPost: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canPostInCommunity),
  canModerate: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canModerateCommunity),
  async describe(ex, ownerId) {
    if (!UUID.test(ownerId)) return null;
    const c = await findCommunityById(ex, ownerId);
    return c ? { title: c.name, href: `/communities/${c.slug}` } : null;
  },
  async moderatedOwnerIds(ex, viewer) {
    if (!viewer.id) return [];
    return hasRole(viewer, "admin") ? allCommunityIds(ex) : moderatedCommunityIds(ex, viewer.id);
  },
};

registerDiscussionOwner("community", communityDiscussionOwner);
