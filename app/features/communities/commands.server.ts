import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { communities, communityFollows, communityMembers, municipalities, regions } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { notify } from "../notifications/commands.server.ts";
import { russianSortKey } from "../../utils/text.ts";
import {
  canAppointModerators,
  canCreateCommunity,
  canFollowCommunity,
  canJoinCommunity,
  canLeaveCommunity,
  canModerateCommunity,
  ensureCommunity,
  type CommunityPlace,
} from "./policy.server.ts";
import { communityModeratorIds, loadCommunityAccess, membershipOf } from "./queries.server.ts";
import type { CreateCommunityInput } from "./schemas.ts";
import { RESERVED_SLUGS, slugify } from "./slug.ts";
import { COMMUNITY_ERRORS } from "./strings.ts";

type Services = Pick<AppServices, "db" | "clock" | "jobs"> & Partial<Pick<AppServices, "config">>;
type Person = Viewer & { id: string };
export type CommunityRefusal = { ok: false; error: string; field?: string; status: 400 | 404 | 409 };
export type CommunityOutcome<T extends object = object> = ({ ok: true } & T) | CommunityRefusal;

const refuse = (status: CommunityRefusal["status"], error: string, field?: string): CommunityRefusal => ({ ok: false, error, status, ...(field ? { field } : {}) });
const notFound = () => refuse(404, COMMUNITY_ERRORS.notFound);
const stream = (communityId: string) => `community:${communityId}`;
const href = (slug: string, page = "") => `/communities/${slug}${page}`;

/** Keeps the member count cache and the activity mark right, inside the writing transaction. */
async function touch(tx: Tx, communityId: string, now: Date) {
  await tx
    .update(communities)
    .set({
      memberCount: sql`(select count(*)::int from ${communityMembers} where ${communityMembers.communityId} = ${communityId} and ${communityMembers.status} = 'active')`,
      lastActivityAt: now,
    })
    .where(eq(communities.id, communityId));
}

async function follow(tx: Tx, communityId: string, userId: string, now: Date) {
  await tx.insert(communityFollows).values({ communityId, userId, at: now }).onConflictDoNothing();
}

async function unfollow(tx: Tx, communityId: string, userId: string) {
  await tx.delete(communityFollows).where(and(eq(communityFollows.communityId, communityId), eq(communityFollows.userId, userId)));
}

/** Resolves the form's scope and area into a policy place (null when the area does not exist). */
async function placeFor(s: Services, input: Pick<CreateCommunityInput, "scope" | "regionId" | "municipalityId">): Promise<CommunityPlace | null> {
  if (input.scope === "interregional") return { scope: "interregional" };
  if (input.scope === "regional") {
    const [r] = await s.db.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId!));
    return r ? { scope: "regional", regionId: r.id } : null;
  }
  const [m] = await s.db.select({ id: municipalities.id, regionId: municipalities.regionId }).from(municipalities).where(eq(municipalities.id, input.municipalityId!));
  return m ? { scope: "municipal", municipality: m } : null;
}

/** The first free slug: "name", "name-2", "name-3"… (reserved words get a suffix too). */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await tx.select({ slug: communities.slug }).from(communities).where(sql`${communities.slug} = ${base} or ${communities.slug} like ${`${base}-%`}`)).map((r) => r.slug),
  );
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A coordinator creates a community inside their scope (admins: anywhere, interregional included).
 * The creator becomes its owner (руководитель) and follows it.
 */
export async function createCommunity(s: Services, viewer: Person, input: CreateCommunityInput): Promise<CommunityOutcome<{ id: string; slug: string }>> {
  const place = await placeFor(s, input);
  if (!place) return refuse(400, COMMUNITY_ERRORS.unknownArea, input.scope === "municipal" ? "municipalityId" : "regionId");
  ensureCommunity(canCreateCommunity(viewer, place), COMMUNITY_ERRORS.createScope);
  const now = s.clock.now();
  const nameSort = russianSortKey(input.name);
  const regionId = place.scope === "regional" ? place.regionId : place.scope === "municipal" ? place.municipality.regionId : null;
  const municipalityId = place.scope === "municipal" ? place.municipality.id : null;
  return s.db.transaction(async (tx) => {
    const same = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(and(eq(communities.nameSort, nameSort), regionId ? eq(communities.regionId, regionId) : sql`${communities.regionId} is null`));
    if (same.length) return refuse(409, COMMUNITY_ERRORS.nameTaken, "name");
    const slug = await freeSlug(tx, input.name);
    const [row] = await tx
      .insert(communities)
      .values({
        slug,
        name: input.name,
        nameSort,
        description: input.description,
        kind: input.kind,
        subjectCode: input.subjectCode ?? null,
        topicCode: input.topicCode ?? null,
        scope: input.scope,
        regionId,
        municipalityId,
        visibility: input.visibility,
        createdBy: viewer.id,
        createdAt: now,
        lastActivityAt: now,
      })
      .returning({ id: communities.id });
    await tx.insert(communityMembers).values({ communityId: row!.id, userId: viewer.id, role: "owner", status: "active", requestedAt: now, joinedAt: now, decidedBy: viewer.id, decidedAt: now });
    await follow(tx, row!.id, viewer.id, now);
    await touch(tx, row!.id, now);
    await appendEvent(tx, { stream: stream(row!.id), type: "community.created", payload: { slug }, actorId: viewer.id, at: now });
    return { ok: true as const, id: row!.id, slug };
  });
}

/**
 * Joins an open community at once (and follows it), or asks to join a closed one: its owners and
 * moderators are notified and decide.
 */
export async function joinCommunity(s: Services, viewer: Person, input: { communityId: string; note?: string }): Promise<CommunityOutcome<{ status: "active" | "requested" }>> {
  const access = await loadCommunityAccess(s.db, viewer, { id: input.communityId });
  if (!access) return notFound();
  const { community: c, membership } = access;
  if (!canJoinCommunity(viewer, membership)) return refuse(409, COMMUNITY_ERRORS.alreadyMember);
  const status = c.visibility === "open" ? ("active" as const) : ("requested" as const);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const values = { role: "member" as const, status, requestNote: status === "requested" ? (input.note ?? null) : null, requestedAt: now, joinedAt: status === "active" ? now : null, decidedBy: null, decidedAt: null, reason: null };
    const stored = await tx
      .insert(communityMembers)
      .values({ communityId: c.id, userId: viewer.id, ...values })
      .onConflictDoUpdate({ target: [communityMembers.communityId, communityMembers.userId], set: values, setWhere: inArray(communityMembers.status, ["left", "declined"]) })
      .returning({ status: communityMembers.status });
    // A concurrent join of the same person already won.
    if (!stored.length) return refuse(409, COMMUNITY_ERRORS.alreadyMember);
    if (status === "active") {
      await follow(tx, c.id, viewer.id, now);
      await touch(tx, c.id, now);
      await appendEvent(tx, { stream: stream(c.id), type: "member.joined", payload: { userId: viewer.id }, actorId: viewer.id, at: now });
    } else {
      await appendEvent(tx, { stream: stream(c.id), type: "member.requested", payload: { userId: viewer.id }, actorId: viewer.id, at: now });
      for (const moderatorId of await communityModeratorIds(tx, c.id)) {
        await notify(tx, s, { userId: moderatorId, kind: "community_request", payload: { title: c.name, text: `Новая заявка на вступление в сообщество «${c.name}»`, excerpt: input.note ?? null, actorId: viewer.id }, href: href(c.slug, "/members"), actorId: viewer.id });
      }
    }
    return { ok: true as const, status };
  });
}

/**
 * Leaves a community (or withdraws one's own join request). A moderator who leaves gives up the
 * role; the last owner must hand the community over first.
 */
export async function leaveCommunity(s: Services, viewer: Person, input: { communityId: string }): Promise<CommunityOutcome<{ was: "active" | "requested" }>> {
  const access = await loadCommunityAccess(s.db, viewer, { id: input.communityId });
  if (!access) return notFound();
  const { community: c, membership: m } = access;
  if (!m || !canLeaveCommunity(viewer, m)) return refuse(409, COMMUNITY_ERRORS.notMember);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    if (m.status === "active" && m.role === "owner") {
      const owners = await tx.select({ userId: communityMembers.userId }).from(communityMembers).where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.role, "owner"), eq(communityMembers.status, "active")));
      if (owners.length <= 1) return refuse(409, COMMUNITY_ERRORS.lastOwner);
    }
    const changed = await tx
      .update(communityMembers)
      .set({ status: "left", role: "member", decidedAt: now, decidedBy: viewer.id, reason: null })
      .where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.userId, viewer.id), eq(communityMembers.status, m.status)))
      .returning({ userId: communityMembers.userId });
    if (!changed.length) return refuse(409, COMMUNITY_ERRORS.notMember);
    await unfollow(tx, c.id, viewer.id);
    if (m.status === "active") await touch(tx, c.id, now);
    await appendEvent(tx, { stream: stream(c.id), type: m.status === "active" ? "member.left" : "member.withdrew", payload: { userId: viewer.id }, actorId: viewer.id, at: now });
    return { ok: true as const, was: m.status as "active" | "requested" };
  });
}

/** Follows or unfollows a community the viewer may read (its new threads reach their notifications). */
export async function setFollowing(s: Services, viewer: Person, input: { communityId: string; follow: boolean }): Promise<CommunityOutcome> {
  const access = await loadCommunityAccess(s.db, viewer, { id: input.communityId });
  if (!access) return notFound();
  if (!input.follow) {
    await s.db.transaction((tx) => unfollow(tx, access.community.id, viewer.id));
    return { ok: true };
  }
  ensureCommunity(canFollowCommunity(viewer, access.community, access.membership));
  await s.db.transaction((tx) => follow(tx, access.community.id, viewer.id, s.clock.now()));
  return { ok: true };
}

/** Loads the community and checks the viewer moderates it (403 otherwise). */
async function moderated(s: Services, viewer: Person, communityId: string) {
  const access = await loadCommunityAccess(s.db, viewer, { id: communityId });
  if (!access) return null;
  ensureCommunity(canModerateCommunity(viewer, access.community, access.membership));
  return access;
}

/**
 * A moderator accepts or declines a join request; declining needs a reason, which the person
 * sees. The person is notified either way.
 */
export async function decideJoinRequest(s: Services, viewer: Person, input: { communityId: string; userId: string; accept: boolean; reason?: string }): Promise<CommunityOutcome> {
  const access = await moderated(s, viewer, input.communityId);
  if (!access) return notFound();
  const c = access.community;
  if (!input.accept && !input.reason) return refuse(400, "Укажите причину отказа — её увидит автор заявки.", "reason");
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const changed = await tx
      .update(communityMembers)
      .set({ status: input.accept ? "active" : "declined", joinedAt: input.accept ? now : null, decidedBy: viewer.id, decidedAt: now, reason: input.reason ?? null })
      .where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.userId, input.userId), eq(communityMembers.status, "requested")))
      .returning({ userId: communityMembers.userId });
    if (!changed.length) return refuse(409, COMMUNITY_ERRORS.requestGone);
    if (input.accept) {
      await follow(tx, c.id, input.userId, now);
      await touch(tx, c.id, now);
    }
    await appendEvent(tx, { stream: stream(c.id), type: input.accept ? "member.accepted" : "member.declined", payload: { userId: input.userId }, actorId: viewer.id, at: now });
    await notify(tx, s, {
      userId: input.userId,
      kind: "community_decision",
      payload: { title: c.name, text: `Заявка на вступление в сообщество «${c.name}» ${input.accept ? "принята" : "отклонена"}`, accepted: input.accept, reason: input.reason ?? null, actorId: viewer.id },
      href: href(c.slug),
      actorId: viewer.id,
    });
    return { ok: true as const };
  });
}

/**
 * Moderators change the description; the owner (or an admin) also opens or closes the community.
 * Opening it admits everybody who was waiting, each notified; closing it keeps the members. The
 * change goes on the community's stream, so the search index follows who may read its threads.
 */
export async function updateCommunitySettings(
  s: Services,
  viewer: Person,
  input: { communityId: string; description: string; visibility: "open" | "closed" },
): Promise<CommunityOutcome<{ admitted: number }>> {
  const access = await moderated(s, viewer, input.communityId);
  if (!access) return notFound();
  const c = access.community;
  const reopening = c.visibility !== input.visibility;
  if (reopening) ensureCommunity(canAppointModerators(viewer, c, access.membership), COMMUNITY_ERRORS.visibilityOwner);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await tx.update(communities).set({ description: input.description, visibility: input.visibility }).where(eq(communities.id, c.id));
    let admitted: string[] = [];
    if (reopening && input.visibility === "open") {
      admitted = (
        await tx
          .update(communityMembers)
          .set({ status: "active", joinedAt: now, decidedBy: viewer.id, decidedAt: now })
          .where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.status, "requested")))
          .returning({ userId: communityMembers.userId })
      ).map((r) => r.userId);
      for (const userId of admitted) {
        await follow(tx, c.id, userId, now);
        await notify(tx, s, {
          userId,
          kind: "community_decision",
          payload: { title: c.name, text: `Сообщество «${c.name}» стало открытым: вы приняты`, accepted: true, reason: null, actorId: viewer.id },
          href: href(c.slug),
          actorId: viewer.id,
        });
      }
      await touch(tx, c.id, now);
    }
    await appendEvent(tx, { stream: stream(c.id), type: "community.updated", payload: { visibility: input.visibility, admitted: admitted.length }, actorId: viewer.id, at: now });
    return { ok: true as const, admitted: admitted.length };
  });
}

/** The owner (or an admin) makes an active member a moderator, or takes the role back. */
export async function setMemberRole(s: Services, viewer: Person, input: { communityId: string; userId: string; role: "member" | "moderator" }): Promise<CommunityOutcome> {
  const access = await loadCommunityAccess(s.db, viewer, { id: input.communityId });
  if (!access) return notFound();
  const c = access.community;
  ensureCommunity(canAppointModerators(viewer, c, access.membership), "Назначать модераторов может руководитель сообщества.");
  const target = await membershipOf(s.db, c.id, input.userId);
  if (target?.status !== "active") return refuse(409, COMMUNITY_ERRORS.memberGone);
  if (target.role === "owner") return refuse(409, COMMUNITY_ERRORS.ownerRole);
  if (target.role === input.role) return { ok: true };
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await tx.update(communityMembers).set({ role: input.role }).where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.userId, input.userId), eq(communityMembers.status, "active")));
    await appendEvent(tx, { stream: stream(c.id), type: "member.role", payload: { userId: input.userId, role: input.role }, actorId: viewer.id, at: now });
    return { ok: true as const };
  });
}

/**
 * A moderator removes a member (with a reason the person sees). Moderators are removed only by
 * the owner or an admin; the owner cannot be removed here.
 */
export async function removeMember(s: Services, viewer: Person, input: { communityId: string; userId: string; reason: string }): Promise<CommunityOutcome> {
  const access = await moderated(s, viewer, input.communityId);
  if (!access) return notFound();
  const c = access.community;
  const target = await membershipOf(s.db, c.id, input.userId);
  if (target?.status !== "active") return refuse(409, COMMUNITY_ERRORS.memberGone);
  if (target.role === "owner") return refuse(409, COMMUNITY_ERRORS.ownerRole);
  if (target.role === "moderator") ensureCommunity(canAppointModerators(viewer, c, access.membership), "Модератора может исключить только руководитель сообщества.");
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await tx
      .update(communityMembers)
      .set({ status: "left", role: "member", decidedBy: viewer.id, decidedAt: now, reason: input.reason })
      .where(and(eq(communityMembers.communityId, c.id), eq(communityMembers.userId, input.userId), eq(communityMembers.status, "active")));
    await unfollow(tx, c.id, input.userId);
    await touch(tx, c.id, now);
    await appendEvent(tx, { stream: stream(c.id), type: "member.removed", payload: { userId: input.userId }, actorId: viewer.id, at: now });
    await notify(tx, s, { userId: input.userId, kind: "community_decision", payload: { title: c.name, text: `Вас исключили из сообщества «${c.name}»`, accepted: false, reason: input.reason, actorId: viewer.id }, href: href(c.slug), actorId: viewer.id });
    return { ok: true as const };
  });
}

/** Followers told about one new thread at most (larger communities wait for the digests of issue 8). */
export const FOLLOWER_NOTIFY_LIMIT = 500;

/**
 * Announces a thread started in the community: an event on the community's stream (open pages of
 * the community show it without reload) and a notification to its followers (the author
 * excepted). Runs after the thread's own transaction: a failure here never loses the thread.
 */
export async function announceThread(s: Services, input: { communityId: string; threadId: string; title: string; authorId: string }): Promise<number> {
  const c = (await s.db.select({ name: communities.name, visibility: communities.visibility }).from(communities).where(eq(communities.id, input.communityId)))[0];
  if (!c) return 0;
  // A closed community's threads reach its active members only, whoever follows it.
  const mayRead =
    c.visibility === "open"
      ? sql`true`
      : sql`exists (select 1 from ${communityMembers} m where m.community_id = ${input.communityId} and m.user_id = ${communityFollows.userId} and m.status = 'active')`;
  const followers = await s.db
    .select({ userId: communityFollows.userId })
    .from(communityFollows)
    .where(and(eq(communityFollows.communityId, input.communityId), sql`${communityFollows.userId} <> ${input.authorId}`, mayRead))
    .orderBy(communityFollows.at)
    .limit(FOLLOWER_NOTIFY_LIMIT);
  await s.db.transaction(async (tx) => {
    await appendEvent(tx, { stream: stream(input.communityId), type: "thread.started", payload: { threadId: input.threadId }, actorId: input.authorId, at: s.clock.now() });
    for (const f of followers) {
      await notify(tx, s, {
        userId: f.userId,
        kind: "community_thread",
        payload: { title: c.name, threadTitle: input.title, text: `Новое обсуждение в сообществе «${c.name}»: «${input.title}»`, actorId: input.authorId },
        href: `/threads/${input.threadId}`,
        actorId: input.authorId,
      });
    }
  });
  return followers.length;
}
