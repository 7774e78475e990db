/**
 * A viewer's access grants for the search: "public" for everybody, plus what each capability
 * lets them read that is not public (closed communities they belong to, partnership workspaces
 * they are insiders of, practices they write or review). The administrator reads everything.
 * Partnership insiders are decided by the partnerships policy itself, so search and pages agree.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client.ts";
import { communityMembers, organisations, partnershipMembers, partnerships, practiceAuthors, practiceReviews } from "../../../db/schema/index.ts";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { canReadPrivate } from "../partnerships/policy.server.ts";
import type { ViewerGrants } from "./provider.ts";

/** Grants of a viewer; "all" for the platform administrator. */
export async function viewerGrants(ex: Executor, viewer: Viewer): Promise<ViewerGrants> {
  if (hasRole(viewer, "admin")) return "all";
  if (!viewer.id) return ["public"];
  const grants = new Set<string>(["public"]);
  const memberships = await ex
    .select({ id: communityMembers.communityId })
    .from(communityMembers)
    .where(and(eq(communityMembers.userId, viewer.id), eq(communityMembers.status, "active")));
  for (const m of memberships) grants.add(`community:${m.id}`);
  for (const id of await partnershipGrants(ex, viewer)) grants.add(`partnership:${id}`);
  const authored = await ex.select({ id: practiceAuthors.practiceId }).from(practiceAuthors).where(eq(practiceAuthors.userId, viewer.id));
  const reviewing = await ex
    .select({ id: practiceReviews.practiceId })
    .from(practiceReviews)
    .where(and(eq(practiceReviews.expertId, viewer.id), eq(practiceReviews.status, "in_progress")));
  for (const p of [...authored, ...reviewing]) grants.add(`practice:${p.id}`);
  return [...grants];
}

/** Partnerships whose workspace the viewer may read: candidates by membership, curatorship or scope, then the policy decides. */
async function partnershipGrants(ex: Executor, viewer: Viewer & { id: string } | Viewer): Promise<string[]> {
  if (!viewer.id) return [];
  const orgIds = viewer.roles.filter((g) => g.role === "school_admin" && g.scopeType === "organisation" && g.scopeId).map((g) => g.scopeId!);
  const regionIds = viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === "region" && g.scopeId).map((g) => g.scopeId!);
  const mine = await ex.select({ id: partnershipMembers.partnershipId }).from(partnershipMembers).where(eq(partnershipMembers.userId, viewer.id));
  const memberOf = new Set(mine.map((m) => m.id));
  const leader = alias(organisations, "leader");
  const partner = alias(organisations, "partner");
  const conditions = [eq(partnerships.curatorId, viewer.id)];
  if (memberOf.size) conditions.push(inArray(partnerships.id, [...memberOf]));
  if (orgIds.length) conditions.push(inArray(partnerships.leaderOrgId, orgIds), inArray(partnerships.partnerOrgId, orgIds));
  if (regionIds.length) conditions.push(inArray(leader.regionId, regionIds), inArray(partner.regionId, regionIds));
  const rows = await ex
    .select({ p: partnerships, leader: { id: leader.id, regionId: leader.regionId, municipalityId: leader.municipalityId, kind: leader.kind }, partner: { id: partner.id, regionId: partner.regionId, municipalityId: partner.municipalityId, kind: partner.kind } })
    .from(partnerships)
    .innerJoin(leader, eq(leader.id, partnerships.leaderOrgId))
    .innerJoin(partner, eq(partner.id, partnerships.partnerOrgId))
    .where(or(...conditions));
  return rows
    .filter((r) =>
      canReadPrivate(viewer, {
        id: r.p.id,
        status: r.p.status,
        leader: r.leader,
        partner: r.partner,
        curatorId: r.p.curatorId,
        leaderAcceptedAt: r.p.leaderAcceptedAt,
        partnerAcceptedAt: r.p.partnerAcceptedAt,
        viewerIsMember: memberOf.has(r.p.id),
      }),
    )
    .map((r) => r.p.id);
}
