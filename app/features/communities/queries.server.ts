import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { communities, communityFollows, communityMembers, municipalities, regions, threads } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { foldYo } from "../../utils/text.ts";
import type { CatalogueQuery } from "./schemas.ts";

export const COMMUNITY_PAGE_SIZE = 20;
export const MEMBERS_PAGE_SIZE = 50;

export type CommunityRow = typeof communities.$inferSelect;
export type MembershipRow = typeof communityMembers.$inferSelect;

/** The owner kind under which the discussion engine stores community threads. */
export const COMMUNITY_OWNER_KIND = "community";

const threadCount = sql<number>`(select count(*)::int from ${threads} where ${threads.ownerKind} = ${COMMUNITY_OWNER_KIND} and ${threads.ownerId} = ${communities.id})`;
/** Creation, membership changes or the latest thread activity, whichever is later. */
const lastActivity = sql<Date>`greatest(${communities.lastActivityAt}, (select max(${threads.lastActivityAt}) from ${threads} where ${threads.ownerKind} = ${COMMUNITY_OWNER_KIND} and ${threads.ownerId} = ${communities.id}))`.mapWith(
  communities.lastActivityAt,
);

/** A community by its URL name. */
export async function findCommunityBySlug(ex: Executor, slug: string): Promise<CommunityRow | undefined> {
  return (await ex.select().from(communities).where(eq(communities.slug, slug)))[0];
}

/** A community by id. */
export async function findCommunityById(ex: Executor, id: string): Promise<CommunityRow | undefined> {
  return (await ex.select().from(communities).where(eq(communities.id, id)))[0];
}

/** The person's membership row (any status), if any. */
export async function membershipOf(ex: Executor, communityId: string, userId: string | null): Promise<MembershipRow | undefined> {
  if (!userId) return undefined;
  return (await ex.select().from(communityMembers).where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId))))[0];
}

/** Whether the person follows the community. */
export async function isFollowing(ex: Executor, communityId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const rows = await ex.select({ at: communityFollows.at }).from(communityFollows).where(and(eq(communityFollows.communityId, communityId), eq(communityFollows.userId, userId)));
  return rows.length > 0;
}

/** The community with the viewer's membership: what every policy decision needs. */
export async function loadCommunityAccess(ex: Executor, viewer: Viewer, where: { id: string } | { slug: string }) {
  const community = "id" in where ? await findCommunityById(ex, where.id) : await findCommunityBySlug(ex, where.slug);
  if (!community) return null;
  return { community, membership: (await membershipOf(ex, community.id, viewer.id)) ?? null };
}

/** The region and municipality names of a community (null for interregional ones). */
export async function placeOf(ex: Executor, c: Pick<CommunityRow, "regionId" | "municipalityId">) {
  const [region] = c.regionId ? await ex.select({ name: regions.name, timeZone: regions.timeZone }).from(regions).where(eq(regions.id, c.regionId)) : [];
  const [municipality] = c.municipalityId ? await ex.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, c.municipalityId)) : [];
  return { region: region?.name ?? null, timeZone: region?.timeZone ?? null, municipality: municipality?.name ?? null };
}

/** Number of threads of the community in the discussion engine. */
export async function countThreads(ex: Executor, communityId: string): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(threads).where(and(eq(threads.ownerKind, COMMUNITY_OWNER_KIND), eq(threads.ownerId, communityId)));
  return row?.n ?? 0;
}

/**
 * The catalogue: communities by filter, a page at a time, with member and thread counts and the
 * viewer's own status. Sorted by the stored Russian key, by latest activity or by size.
 * Closed communities are listed too (their description is public; their threads are not).
 */
export async function listCommunities(ex: Executor, viewer: Viewer, f: CatalogueQuery) {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(communities.kind, f.kind));
  if (f.subject) where.push(eq(communities.subjectCode, f.subject));
  if (f.topic) where.push(eq(communities.topicCode, f.topic));
  if (f.scope) where.push(eq(communities.scope, f.scope));
  // A region's teachers may join its own communities and the interregional ones.
  if (f.region) where.push(or(eq(communities.regionId, f.region), eq(communities.scope, "interregional"))!);
  if (f.q) {
    const pattern = `%${foldYo(f.q.toLowerCase()).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(communities.nameSort, pattern), sql`replace(lower(${communities.description}), 'ё', 'е') like ${pattern}`)!);
  }
  if (f.mine) {
    if (!viewer.id) where.push(sql`false`);
    else
      where.push(
        or(
          sql`exists (select 1 from ${communityMembers} m where m.community_id = ${communities.id} and m.user_id = ${viewer.id} and m.status in ('active','requested'))`,
          sql`exists (select 1 from ${communityFollows} f where f.community_id = ${communities.id} and f.user_id = ${viewer.id})`,
        )!,
      );
  }
  const [total] = await ex.select({ n: count() }).from(communities).where(and(...where));
  const order = f.sort === "activity" ? [desc(lastActivity), asc(communities.nameSort)] : f.sort === "members" ? [desc(communities.memberCount), asc(communities.nameSort)] : [asc(communities.nameSort)];
  const rows = await ex
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      description: communities.description,
      kind: communities.kind,
      subjectCode: communities.subjectCode,
      topicCode: communities.topicCode,
      scope: communities.scope,
      visibility: communities.visibility,
      region: regions.name,
      municipality: municipalities.name,
      memberCount: communities.memberCount,
      threadCount,
      lastActivityAt: lastActivity,
    })
    .from(communities)
    .leftJoin(regions, eq(regions.id, communities.regionId))
    .leftJoin(municipalities, eq(municipalities.id, communities.municipalityId))
    .where(and(...where))
    .orderBy(...order)
    .limit(COMMUNITY_PAGE_SIZE)
    .offset((f.page - 1) * COMMUNITY_PAGE_SIZE);
  const mine = viewer.id && rows.length
    ? await ex
        .select({ communityId: communityMembers.communityId, status: communityMembers.status, role: communityMembers.role })
        .from(communityMembers)
        .where(and(eq(communityMembers.userId, viewer.id), inArray(communityMembers.communityId, rows.map((r) => r.id))))
    : [];
  const status = new Map(mine.map((m) => [m.communityId, m]));
  return { total: total?.n ?? 0, rows: rows.map((r) => ({ ...r, mine: status.get(r.id) ?? null })) };
}

/**
 * A page of active members with their roles: owners and moderators first, then by joining date
 * (not by name: a private person's place in an alphabetical list would hint at their name).
 */
export async function listMembers(ex: Executor, communityId: string, page = 1) {
  const where = and(eq(communityMembers.communityId, communityId), eq(communityMembers.status, "active"));
  const [total] = await ex.select({ n: count() }).from(communityMembers).where(where);
  const rows = await ex
    .select({ userId: communityMembers.userId, role: communityMembers.role, joinedAt: communityMembers.joinedAt })
    .from(communityMembers)
    .where(where)
    .orderBy(sql`case ${communityMembers.role} when 'owner' then 0 when 'moderator' then 1 else 2 end`, asc(communityMembers.joinedAt), asc(communityMembers.userId))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((page - 1) * MEMBERS_PAGE_SIZE);
  return { total: total?.n ?? 0, rows };
}

/** Open join requests of a closed community, oldest first. */
export async function listJoinRequests(ex: Executor, communityId: string) {
  return ex
    .select({ userId: communityMembers.userId, note: communityMembers.requestNote, requestedAt: communityMembers.requestedAt })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.status, "requested")))
    .orderBy(asc(communityMembers.requestedAt));
}

/** The people who run the community (owners and moderators): join requests reach them. */
export async function communityModeratorIds(ex: Executor, communityId: string): Promise<string[]> {
  const rows = await ex
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.status, "active"), inArray(communityMembers.role, ["moderator", "owner"])));
  return rows.map((r) => r.userId);
}

/** Ids of the communities the person moderates (the discussion engine's moderation queue). */
export async function moderatedCommunityIds(ex: Executor, userId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: communityMembers.communityId })
    .from(communityMembers)
    .where(and(eq(communityMembers.userId, userId), eq(communityMembers.status, "active"), inArray(communityMembers.role, ["moderator", "owner"])));
  return rows.map((r) => r.id);
}

/** Every community id (an admin moderates them all). */
export async function allCommunityIds(ex: Executor): Promise<string[]> {
  return (await ex.select({ id: communities.id }).from(communities)).map((r) => r.id);
}
