/**
 * Partnerships as owners of discussion threads (kind "partnership"): the private workspace. Only the
 * partnership's insiders (members, curator, both schools' administrators, coordinators of either
 * school's region, admins) read and post, over HTTP and sockets alike.
 */
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { hasRole } from "../accounts/viewer.server.ts";
import { registerDiscussionOwner, type DiscussionOwner } from "../discussions/owners.server.ts";
import { canModerateWorkspace, canPostInWorkspace, canReadPrivate, type PartnershipAccess } from "./policy.server.ts";
import { allPartnershipIds, loadPartnershipAccess, moderatedPartnershipIds, orgScope, UUID } from "./queries.server.ts";

async function decide(ex: Executor, viewer: Viewer, ownerId: string, check: (v: Viewer, p: PartnershipAccess) => boolean): Promise<boolean> {
  if (!UUID.test(ownerId)) return false;
  const found = await loadPartnershipAccess(ex, viewer, ownerId);
  return found ? check(viewer, found.access) : false;
}

export const partnershipDiscussionOwner: DiscussionOwner = {
  canRead: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canReadPrivate),
  canPost: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canPostInWorkspace),
  canModerate: (ex, viewer, ownerId) => decide(ex, viewer, ownerId, canModerateWorkspace),
  async describe(ex, ownerId) {
    if (!UUID.test(ownerId)) return null;
    const found = await loadPartnershipAccess(ex, { id: null, anonymous: true, roles: [] }, ownerId);
    if (!found) return null;
    const [leader, partner] = await Promise.all([orgScope(ex, found.row.leaderOrgId), orgScope(ex, found.row.partnerOrgId)]);
    return { title: `Партнёрство: ${leader?.shortName} — ${partner?.shortName}`, href: `/partnerships/${ownerId}#workspace` };
  },
  async moderatedOwnerIds(ex, viewer) {
    if (!viewer.id) return [];
    if (hasRole(viewer, "admin")) return allPartnershipIds(ex);
    return moderatedPartnershipIds(ex, viewer);
  },
};

registerDiscussionOwner("partnership", partnershipDiscussionOwner);
