import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { makePerson, viewerOfUser } from "../../../tests/factories/communities.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { communities, threads, users } from "../../../db/schema/index.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { CATALOGUE_LIVE_STREAMS, creationOptions, loadCatalogue, loadCommunityPage, loadMembersPage } from "./page.server.ts";

const zone: ViewerZone = { timeZone: "Asia/Chita", city: "Чита", source: "chosen", label: "МСК+6, Чита" };
const now = new Date("2026-11-24T08:00:00Z");

async function status(run: () => Promise<unknown>) {
  try {
    await run();
    return 200;
  } catch (e) {
    return (e as { init?: { status?: number } }).init?.status;
  }
}

describe("community pages (demo data)", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());
  const demo = async (email: string) => {
    const [u] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return viewerOfUser(handle.db, u!.id);
  };

  it("a guest reads an open community's threads, pinned first, but may not post or join", async () => {
    const p = await loadCommunityPage(handle.db, GUEST, { slug: "uchitelya-matematiki-zabaykalya", page: 1, zone, now });
    expect(p.community).toMatchObject({ name: "Учителя математики Забайкальского края", kind: "Предметное", focus: "Математика", scope: "Региональное", place: "Забайкальский край", closed: false });
    expect(p.can).toMatchObject({ read: true, post: false, join: false, moderate: false });
    expect(p.threads!.items[0]).toMatchObject({ pinned: true, title: "Правила сообщества и план работы на учебный год" });
    expect(p.threads!.items.slice(1).every((t) => !t.pinned)).toBe(true);
    expect(p.threads!.items[0]!.author.name).toBe("Елена Тимофеева");
  });

  it("a closed community shows its description but no threads to non-members; its members page is 404", async () => {
    const stranger = await viewerOfUser(handle.db, await makePerson(handle.db));
    const p = await loadCommunityPage(handle.db, stranger, { slug: "klub-direktorov", page: 1, zone, now });
    expect(p.threads).toBeNull();
    expect(p.can).toMatchObject({ read: false, join: true, post: false });
    expect(p.community.description).toContain("Вступление по заявке");
    expect(await status(() => loadMembersPage(handle.db, stranger, { slug: "klub-direktorov", zone }))).toBe(404);
    expect(await status(() => loadCommunityPage(handle.db, stranger, { slug: "net-takogo", page: 1, zone, now }))).toBe(404);
  });

  it("moderators see the open join requests with the people as the viewer may see them", async () => {
    const moderator = await demo("avdeev@most.example");
    const page = await loadMembersPage(handle.db, moderator, { slug: "klub-direktorov", zone });
    expect(page.can).toEqual({ moderate: true, appoint: false });
    expect(page.requests.map((r) => r.person.name)).toEqual(["Ольга Журавлёва"]);
    expect(page.members[0]).toMatchObject({ role: "owner" });
    expect(page.members.map((m) => m.role)).toEqual(["owner", "moderator", "member", "member", "member"]);
    const member = await demo("director.shilka@most.example");
    expect((await loadMembersPage(handle.db, member, { slug: "klub-direktorov", zone })).requests).toEqual([]);
  });

  it("the catalogue's cards carry the viewer's standing and correct facts", async () => {
    const director = await demo("director.shilka@most.example");
    const { cards, total } = await loadCatalogue(handle.db, director, { kind: "role", mine: false, sort: "name", page: 1 }, zone, now);
    expect(total).toBe(1);
    expect(cards[0]).toMatchObject({ slug: "klub-direktorov", closed: true, scope: "Межрегиональное", place: null, memberCount: 5, threadCount: 1, mine: "Вы участник" });
  });

  it("the catalogue follows the viewer's communities and their latest threads (bounded), and nothing for guests or non-members", async () => {
    const director = await demo("director.shilka@most.example");
    const closed = await loadCatalogue(handle.db, director, { kind: "role", mine: false, sort: "name", page: 1 }, zone, now);
    const [club] = await handle.db.select({ id: communities.id }).from(communities).where(eq(communities.slug, "klub-direktorov"));
    expect(closed.live?.communities).toEqual([{ stream: `community:${club!.id}`, head: expect.any(Number) }]);
    const clubThreads = await handle.db.select({ id: threads.id }).from(threads).where(and(eq(threads.ownerKind, "community"), eq(threads.ownerId, club!.id)));
    expect(closed.live?.threads.map((t) => t.id)).toEqual(clubThreads.map((t) => t.id));
    // A busy member: never more than the bound, threads most recently active first.
    const reader = await demo("prokhorova@most.example");
    const all = await loadCatalogue(handle.db, reader, { mine: true, sort: "name", page: 1 }, zone, now);
    const followed = all.live!.communities.length + all.live!.threads.length;
    expect(all.live!.communities.length).toBeGreaterThan(0);
    expect(followed).toBeLessThanOrEqual(CATALOGUE_LIVE_STREAMS);
    expect((await loadCatalogue(handle.db, GUEST, { kind: "role", mine: false, sort: "name", page: 1 }, zone, now)).live).toBeNull();
    // A signed-in non-member of the closed club follows nothing of it.
    const teacher = await demo("teacher.math@most.example");
    const seen = await loadCatalogue(handle.db, teacher, { kind: "role", mine: false, sort: "name", page: 1 }, zone, now);
    expect(seen.live).toEqual({ communities: [], threads: [] });
  });

  it("the creation form offers a coordinator their region and its municipalities only", async () => {
    const chita = await demo("coordinator.chita@most.example");
    const o = await creationOptions(handle.db, chita);
    expect(o.interregional).toBe(false);
    expect(o.regions.map((r) => r.label)).toEqual(["Забайкальский край"]);
    expect(o.municipalityGroups.map((g) => g.label)).toEqual(["Забайкальский край"]);
    expect((await creationOptions(handle.db, await demo("admin@most.example"))).interregional).toBe(true);
  });
});
