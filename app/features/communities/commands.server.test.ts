import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeCommunity, makePerson, viewerOfUser } from "../../../tests/factories/communities.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { communities, communityFollows, communityMembers, events, municipalities, notifications, regions } from "../../../db/schema/index.ts";
import type { BusinessClock } from "../../../server/clock.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { createCommunity, decideJoinRequest, joinCommunity, leaveCommunity, announceThread, removeMember, setFollowing, setMemberRole, updateCommunitySettings } from "./commands.server.ts";
import { communityDiscussionOwner } from "./discussion-owner.server.ts";
import { listCommunities, listJoinRequests, listMembers, membershipOf } from "./queries.server.ts";
import type { CreateCommunityInput } from "./schemas.ts";

const clock: BusinessClock = { now: () => new Date("2026-11-24T08:00:00Z") } as BusinessClock;

/** Runs a command and returns the status of the Response it throws (403 from a guard). */
async function thrownStatus(run: () => Promise<unknown>): Promise<number | "no throw"> {
  try {
    await run();
    return "no throw";
  } catch (e) {
    return (e as { init?: { status?: number } }).init?.status ?? (e as Response).status;
  }
}

describe("community commands", () => {
  let handle: DatabaseHandle;
  let s: { db: DatabaseHandle["db"]; clock: BusinessClock; jobs: TestServices["jobs"] };
  let services: TestServices;
  let chita: string;
  let tula: string;
  let shilka: { id: string; regionId: string };
  const people = {} as Record<"regionCoord" | "muniCoord" | "foreignCoord" | "admin" | "teacher" | "teacher2" | "stranger", string>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    // Notifications may enqueue mail: the queues exist, no worker runs them here.
    services = await createTestServices(handle, { runJobs: false });
    s = { db: handle.db, clock, jobs: services.jobs };
    chita = (await handle.db.select().from(regions).where(eq(regions.code, "75")))[0]!.id;
    tula = (await handle.db.select().from(regions).where(eq(regions.code, "71")))[0]!.id;
    shilka = (await handle.db.select({ id: municipalities.id, regionId: municipalities.regionId }).from(municipalities).where(eq(municipalities.name, "Шилкинский район")))[0]!;
    people.regionCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: chita }] });
    people.muniCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "municipality", scopeId: shilka.id }] });
    people.foreignCoord = await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: tula }] });
    people.admin = await makePerson(handle.db, { roles: [{ role: "admin" }] });
    people.teacher = await makePerson(handle.db);
    people.teacher2 = await makePerson(handle.db);
    people.stranger = await makePerson(handle.db);
  });
  afterAll(async () => {
    await services.stop();
    await handle.close();
  });

  const as = (p: keyof typeof people) => viewerOfUser(handle.db, people[p]);
  const input = (over: Partial<CreateCommunityInput> = {}): CreateCommunityInput => ({
    name: `Учителя химии ${Math.random().toString(36).slice(2, 7)}`,
    description: "Региональное сообщество учителей химии: опыт, задачи, подготовка к экзаменам.",
    kind: "subject",
    subjectCode: "chemistry",
    topicCode: undefined,
    scope: "regional",
    regionId: chita,
    municipalityId: undefined,
    visibility: "open",
    ...over,
  });

  describe("creating", () => {
    it("a regional coordinator creates a regional community and becomes its owner and follower", async () => {
      const result = await createCommunity(s, await as("regionCoord"), input({ name: "Учителя химии Агинского округа" }));
      expect(result).toMatchObject({ ok: true, slug: "uchitelya-khimii-aginskogo-okruga" });
      const id = (result as { id: string }).id;
      const [row] = await handle.db.select().from(communities).where(eq(communities.id, id));
      expect(row).toMatchObject({ scope: "regional", regionId: chita, municipalityId: null, memberCount: 1, nameSort: "учителя химии агинского округа", createdAt: clock.now() });
      expect(await membershipOf(handle.db, id, people.regionCoord)).toMatchObject({ role: "owner", status: "active" });
      expect(await handle.db.select().from(communityFollows).where(eq(communityFollows.communityId, id))).toHaveLength(1);
      expect(await handle.db.select().from(events).where(eq(events.stream, `community:${id}`))).toHaveLength(1);
    });

    it("keeps coordinators inside their scope; interregional communities are for admins", async () => {
      expect(await thrownStatus(async () => createCommunity(s, await as("foreignCoord"), input()))).toBe(403);
      expect(await thrownStatus(async () => createCommunity(s, await as("muniCoord"), input()))).toBe(403);
      expect(await thrownStatus(async () => createCommunity(s, await as("teacher"), input()))).toBe(403);
      expect(await thrownStatus(async () => createCommunity(s, await as("regionCoord"), input({ scope: "interregional", regionId: undefined })))).toBe(403);
      const rmo = await createCommunity(s, await as("muniCoord"), input({ name: "РМО учителей химии Шилкинского района", scope: "municipal", regionId: undefined, municipalityId: shilka.id }));
      expect(rmo.ok).toBe(true);
      const [row] = await handle.db.select().from(communities).where(eq(communities.id, (rmo as { id: string }).id));
      expect(row).toMatchObject({ scope: "municipal", regionId: chita, municipalityId: shilka.id });
      expect((await createCommunity(s, await as("regionCoord"), input({ scope: "municipal", regionId: undefined, municipalityId: shilka.id }))).ok).toBe(true);
      expect((await createCommunity(s, await as("admin"), input({ scope: "interregional", regionId: undefined }))).ok).toBe(true);
    });

    it("refuses a duplicate name in the same area and gives a free slug to the same name elsewhere", async () => {
      const first = await createCommunity(s, await as("admin"), input({ name: "Клуб учителей физики" }));
      const again = await createCommunity(s, await as("admin"), input({ name: "клуб учителей  физики" }));
      expect(again).toMatchObject({ ok: false, status: 409, field: "name" });
      const tulaOne = await createCommunity(s, await as("admin"), input({ name: "Клуб учителей физики", regionId: tula }));
      expect(first).toMatchObject({ slug: "klub-uchiteley-fiziki" });
      expect(tulaOne).toMatchObject({ ok: true, slug: "klub-uchiteley-fiziki-2" });
      const reserved = await createCommunity(s, await as("admin"), input({ name: "New", regionId: tula }));
      expect(reserved).toMatchObject({ ok: true, slug: "new-2" });
    });

    it("refuses an unknown area with a field error", async () => {
      expect(await createCommunity(s, await as("admin"), input({ regionId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ ok: false, status: 400, field: "regionId" });
    });
  });

  describe("open communities", () => {
    it("join makes an active member who follows; a second join is refused; leaving unfollows", async () => {
      const c = await makeCommunity(handle.db, { ownerId: people.regionCoord });
      const teacher = await as("teacher");
      expect(await joinCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: true, status: "active" });
      expect((await handle.db.select().from(communities).where(eq(communities.id, c.id)))[0]!.memberCount).toBe(2);
      expect(await joinCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: false, status: 409 });
      expect(await communityDiscussionOwner.canPost(handle.db, teacher, c.id)).toBe(true);
      expect(await leaveCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: true, was: "active" });
      expect((await handle.db.select().from(communities).where(eq(communities.id, c.id)))[0]!.memberCount).toBe(1);
      expect(await handle.db.select().from(communityFollows).where(and(eq(communityFollows.communityId, c.id), eq(communityFollows.userId, people.teacher)))).toHaveLength(0);
      expect(await communityDiscussionOwner.canPost(handle.db, teacher, c.id)).toBe(false);
      expect(await communityDiscussionOwner.canRead(handle.db, teacher, c.id)).toBe(true);
      expect(await communityDiscussionOwner.canRead(handle.db, GUEST, c.id)).toBe(true);
      expect(await leaveCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: false, status: 409 });
      expect(await joinCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: true, status: "active" });
    });

    it("the last owner cannot leave; follow and unfollow without joining", async () => {
      const c = await makeCommunity(handle.db, { ownerId: people.teacher2 });
      expect(await leaveCommunity(s, await as("teacher2"), { communityId: c.id })).toMatchObject({ ok: false, status: 409 });
      const stranger = await as("stranger");
      expect(await setFollowing(s, stranger, { communityId: c.id, follow: true })).toEqual({ ok: true });
      expect(await setFollowing(s, stranger, { communityId: c.id, follow: true })).toEqual({ ok: true });
      const mine = await listCommunities(handle.db, stranger, { mine: true, sort: "name", page: 1 });
      expect(mine.rows.map((r) => r.id)).toContain(c.id);
      expect(await setFollowing(s, stranger, { communityId: c.id, follow: false })).toEqual({ ok: true });
      expect((await listCommunities(handle.db, stranger, { mine: true, sort: "name", page: 1 })).rows.map((r) => r.id)).not.toContain(c.id);
    });
  });

  describe("settings", () => {
    it("a moderator edits the description but may not open the community; the owner opens it and the waiting are admitted and told", async () => {
      const moderator = await makePerson(handle.db);
      const owner = await makePerson(handle.db);
      const waiting = await makePerson(handle.db);
      const c = await makeCommunity(handle.db, { visibility: "closed", ownerId: owner, members: [{ userId: moderator, role: "moderator" }] });
      expect(await joinCommunity(s, await viewerOfUser(handle.db, waiting), { communityId: c.id })).toMatchObject({ ok: true, status: "requested" });
      const description = "Закрытый клуб директоров: бюджет, кадры, работа с родителями и партнёрами.";
      const mod = await viewerOfUser(handle.db, moderator);
      expect(await updateCommunitySettings(s, mod, { communityId: c.id, description, visibility: "closed" })).toEqual({ ok: true, admitted: 0 });
      expect((await handle.db.select().from(communities).where(eq(communities.id, c.id)))[0]).toMatchObject({ description, visibility: "closed" });
      expect(await thrownStatus(() => updateCommunitySettings(s, mod, { communityId: c.id, description, visibility: "open" }))).toBe(403);
      expect(await thrownStatus(async () => updateCommunitySettings(s, await as("stranger"), { communityId: c.id, description, visibility: "closed" }))).toBe(403);
      expect(await updateCommunitySettings(s, await viewerOfUser(handle.db, owner), { communityId: c.id, description, visibility: "open" })).toEqual({ ok: true, admitted: 1 });
      expect(await membershipOf(handle.db, c.id, waiting)).toMatchObject({ status: "active", role: "member" });
      expect((await handle.db.select().from(communities).where(eq(communities.id, c.id)))[0]).toMatchObject({ visibility: "open", memberCount: 3 });
      const told = await handle.db.select().from(notifications).where(and(eq(notifications.userId, waiting), eq(notifications.kind, "community_decision")));
      expect(told).toHaveLength(1);
      expect((await handle.db.select().from(events).where(eq(events.stream, `community:${c.id}`))).map((e) => e.type)).toContain("community.updated");
    });
  });

  describe("closed communities", () => {
    it("a join request reaches the moderators; only they decide; a decline needs a reason the person sees", async () => {
      const moderator = await makePerson(handle.db);
      const c = await makeCommunity(handle.db, { visibility: "closed", ownerId: people.regionCoord, members: [{ userId: moderator, role: "moderator" }] });
      const teacher = await as("teacher");
      expect(await communityDiscussionOwner.canRead(handle.db, teacher, c.id)).toBe(false);
      expect(await thrownStatus(async () => setFollowing(s, teacher, { communityId: c.id, follow: true }))).toBe(403);
      expect(await joinCommunity(s, teacher, { communityId: c.id, note: "Веду химию в 8–11 классах" })).toMatchObject({ ok: true, status: "requested" });
      expect(await communityDiscussionOwner.canRead(handle.db, teacher, c.id)).toBe(false);
      expect(await listJoinRequests(handle.db, c.id)).toEqual([expect.objectContaining({ userId: people.teacher, note: "Веду химию в 8–11 классах" })]);
      const told = await handle.db.select().from(notifications).where(and(eq(notifications.kind, "community_request"), eq(notifications.href, `/communities/${c.slug}/members`)));
      expect(told.map((n) => n.userId).sort()).toEqual([moderator, people.regionCoord].sort());
      expect(told[0]!.href).toBe(`/communities/${c.slug}/members`);

      expect(await thrownStatus(async () => decideJoinRequest(s, await as("stranger"), { communityId: c.id, userId: people.teacher, accept: true }))).toBe(403);
      const mod = await viewerOfUser(handle.db, moderator);
      expect(await decideJoinRequest(s, mod, { communityId: c.id, userId: people.teacher, accept: false })).toMatchObject({ ok: false, status: 400, field: "reason" });
      expect(await decideJoinRequest(s, mod, { communityId: c.id, userId: people.teacher, accept: false, reason: "Сообщество только для учителей Шилкинского района" })).toEqual({ ok: true });
      expect(await membershipOf(handle.db, c.id, people.teacher)).toMatchObject({ status: "declined", decidedBy: moderator, reason: "Сообщество только для учителей Шилкинского района" });
      const [decision] = await handle.db.select().from(notifications).where(and(eq(notifications.userId, people.teacher), eq(notifications.kind, "community_decision")));
      expect(decision!.payload).toMatchObject({ accepted: false });
      expect(await decideJoinRequest(s, mod, { communityId: c.id, userId: people.teacher, accept: true })).toMatchObject({ ok: false, status: 409 });

      expect(await joinCommunity(s, teacher, { communityId: c.id })).toMatchObject({ ok: true, status: "requested" });
      expect(await decideJoinRequest(s, mod, { communityId: c.id, userId: people.teacher, accept: true })).toEqual({ ok: true });
      expect(await communityDiscussionOwner.canRead(handle.db, teacher, c.id)).toBe(true);
      expect(await communityDiscussionOwner.canPost(handle.db, teacher, c.id)).toBe(true);
      expect(await communityDiscussionOwner.canModerate(handle.db, teacher, c.id)).toBe(false);
      expect((await handle.db.select().from(communities).where(eq(communities.id, c.id)))[0]!.memberCount).toBe(3);
    });

    it("a person withdraws their own request", async () => {
      const c = await makeCommunity(handle.db, { visibility: "closed", ownerId: people.regionCoord });
      const stranger = await as("stranger");
      await joinCommunity(s, stranger, { communityId: c.id });
      expect(await leaveCommunity(s, stranger, { communityId: c.id })).toMatchObject({ ok: true, was: "requested" });
      expect(await listJoinRequests(handle.db, c.id)).toEqual([]);
    });
  });

  describe("roles", () => {
    it("the owner appoints and removes moderators; moderators cannot; the owner's role is fixed", async () => {
      const [a, b] = [await makePerson(handle.db), await makePerson(handle.db)];
      const c = await makeCommunity(handle.db, { ownerId: people.teacher2, members: [{ userId: a }, { userId: b }] });
      const owner = await as("teacher2");
      expect(await setMemberRole(s, owner, { communityId: c.id, userId: a, role: "moderator" })).toEqual({ ok: true });
      expect(await communityDiscussionOwner.canModerate(handle.db, await viewerOfUser(handle.db, a), c.id)).toBe(true);
      const modA = await viewerOfUser(handle.db, a);
      expect(await thrownStatus(() => setMemberRole(s, modA, { communityId: c.id, userId: b, role: "moderator" }))).toBe(403);
      expect(await setMemberRole(s, owner, { communityId: c.id, userId: people.teacher2, role: "member" })).toMatchObject({ ok: false, status: 409 });
      expect(await setMemberRole(s, await as("admin"), { communityId: c.id, userId: a, role: "member" })).toEqual({ ok: true });
      expect((await listMembers(handle.db, c.id)).rows.map((m) => m.role)).toEqual(["owner", "member", "member"]);
    });

    it("moderators remove members with a reason; a moderator is removed only by the owner", async () => {
      const [mod, member] = [await makePerson(handle.db), await makePerson(handle.db)];
      const c = await makeCommunity(handle.db, { ownerId: people.teacher2, members: [{ userId: mod, role: "moderator" }, { userId: member }] });
      const modViewer = await viewerOfUser(handle.db, mod);
      expect(await removeMember(s, modViewer, { communityId: c.id, userId: member, reason: "Реклама курсов в каждой теме" })).toEqual({ ok: true });
      expect(await membershipOf(handle.db, c.id, member)).toMatchObject({ status: "left", reason: "Реклама курсов в каждой теме" });
      expect(await removeMember(s, modViewer, { communityId: c.id, userId: people.teacher2, reason: "попытка" })).toMatchObject({ ok: false, status: 409 });
      const other = await makePerson(handle.db);
      await handle.db.insert(communityMembers).values({ communityId: c.id, userId: other, role: "moderator", status: "active", requestedAt: clock.now(), joinedAt: clock.now() });
      expect(await thrownStatus(() => removeMember(s, modViewer, { communityId: c.id, userId: other, reason: "спор модераторов" }))).toBe(403);
      expect(await removeMember(s, await as("teacher2"), { communityId: c.id, userId: other, reason: "Сложил полномочия" })).toEqual({ ok: true });
    });
  });

  describe("followers", () => {
    it("hear about a new thread; its author and non-followers do not; a closed community tells active members only", async () => {
      const [author, follower, bystander] = [await makePerson(handle.db), await makePerson(handle.db), await makePerson(handle.db)];
      const c = await makeCommunity(handle.db, { ownerId: author, members: [{ userId: follower }] });
      await setFollowing(s, await viewerOfUser(handle.db, follower), { communityId: c.id, follow: true });
      await setFollowing(s, await viewerOfUser(handle.db, author), { communityId: c.id, follow: true });
      const threadId = "00000000-0000-4000-8000-00000000f001";
      expect(await announceThread(s, { communityId: c.id, threadId, title: "Открытые уроки в декабре", authorId: author })).toBe(1);
      const [n] = await handle.db.select().from(notifications).where(and(eq(notifications.userId, follower), eq(notifications.kind, "community_thread")));
      expect(n).toMatchObject({ href: `/threads/${threadId}` });
      expect(n!.payload).toMatchObject({ threadTitle: "Открытые уроки в декабре", actorId: author });
      expect(await handle.db.select().from(notifications).where(and(eq(notifications.userId, bystander), eq(notifications.kind, "community_thread")))).toHaveLength(0);

      const closed = await makeCommunity(handle.db, { visibility: "closed", ownerId: author, members: [{ userId: follower, status: "left" }] });
      await handle.db.insert(communityFollows).values({ communityId: closed.id, userId: follower, at: clock.now() });
      expect(await announceThread(s, { communityId: closed.id, threadId, title: "Закрытая тема", authorId: author })).toBe(0);
    });
  });

  describe("the catalogue", () => {
    it("lists in Russian order with filters, counts and the viewer's status", async () => {
      const names = ["Ёлочка: учителя начальных классов", "Английский для всех", "Ежедневная логопедия", "Zoom-методисты"];
      const made: Array<{ id: string }> = [];
      for (const name of names) made.push(await makeCommunity(handle.db, { name, kind: "role", ownerId: people.admin }));
      const viewer = await as("admin");
      const page = await listCommunities(handle.db, viewer, { kind: "role", mine: false, sort: "name", page: 1 });
      const ours = page.rows.filter((r) => names.includes(r.name)).map((r) => r.name);
      expect(ours).toEqual(["Английский для всех", "Ежедневная логопедия", "Ёлочка: учителя начальных классов", "Zoom-методисты"]);
      expect(page.rows.find((r) => r.id === made[0]!.id)).toMatchObject({ memberCount: 1, threadCount: 0, mine: { status: "active", role: "owner" } });
      const regional = await listCommunities(handle.db, viewer, { region: tula, mine: false, sort: "name", page: 1 });
      expect(regional.rows.every((r) => r.scope === "interregional" || r.region === "Тульская область")).toBe(true);
      const found = await listCommunities(handle.db, GUEST, { q: "ёлочка", mine: false, sort: "name", page: 1 });
      expect(found.rows.map((r) => r.name)).toEqual(["Ёлочка: учителя начальных классов"]);
      expect((await listCommunities(handle.db, GUEST, { mine: true, sort: "name", page: 1 })).total).toBe(0);
    });
  });
});
