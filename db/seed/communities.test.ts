import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { queryRows, type DatabaseHandle } from "../client.ts";
import { communities, communityMembers, posts, threads } from "../schema/index.ts";
import { parseRichText } from "../../app/features/discussions/rich-text/document.ts";
import { COMMUNITIES } from "./data/communities.ts";
import { seedTextToDoc } from "./communities.ts";
import { seedDemo } from "./index.ts";

async function counts(handle: DatabaseHandle) {
  const [row] = await queryRows<{ communities: number; members: number; threads: number; posts: number }>(
    handle.db,
    sql`select (select count(*)::int from communities) as communities, (select count(*)::int from community_members) as members,
      (select count(*)::int from threads where owner_kind = 'community') as threads, (select count(*)::int from posts) as posts`,
  );
  return row!;
}

describe("demo communities", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("are all loaded, and a second run changes nothing", async () => {
    const before = await counts(handle);
    expect(before.communities).toBe(COMMUNITIES.length);
    const summary = await seedDemo(handle.db);
    expect(summary.communities).toBe(COMMUNITIES.length);
    expect(await counts(handle)).toEqual(before);
  });

  it("cover the subject networks of seed 000 for Забайкальский край, РМО, thematic, interregional and a closed club", async () => {
    const rows = await handle.db.select().from(communities);
    const zabaykalye = rows.filter((c) => c.scope === "regional" && c.kind === "subject").map((c) => c.subjectCode);
    expect(zabaykalye.sort()).toEqual(["biology", "chemistry", "foreign", "history", "math", "physics", "primary", "russian", "speech"]);
    expect(rows.filter((c) => c.scope === "municipal").every((c) => c.municipalityId && c.regionId)).toBe(true);
    expect(rows.filter((c) => c.kind === "thematic").map((c) => c.topicCode).sort()).toEqual(["formative-assessment", "inclusive", "low-achievers"]);
    const club = rows.find((c) => c.kind === "role")!;
    expect(club).toMatchObject({ visibility: "closed", scope: "interregional" });
    expect(await handle.db.select().from(communityMembers).where(eq(communityMembers.status, "requested"))).not.toHaveLength(0);
  });

  it("have interregional members from several regions and member counts that match", async () => {
    const [row] = await queryRows<{ regions: number }>(
      handle.db,
      sql`select count(distinct o.region_id)::int as regions from community_members m join communities c on c.id = m.community_id
        join profiles p on p.user_id = m.user_id join organisations o on o.id = p.organisation_id where c.slug = 'formiruyushchee-otsenivanie'`,
    );
    expect(row!.regions).toBeGreaterThanOrEqual(3);
    const mismatched = await queryRows(
      handle.db,
      sql`select c.slug from communities c where c.member_count <> (select count(*) from community_members m where m.community_id = c.id and m.status = 'active')`,
    );
    expect(mismatched).toEqual([]);
  });

  it("store thread bodies the allowlist accepts, with counters that match the posts", async () => {
    for (const p of await handle.db.select({ body: posts.body, html: posts.bodyHtml }).from(posts)) {
      expect(parseRichText(p.body).ok).toBe(true);
      expect(p.html).not.toMatch(/<script|javascript:/i);
    }
    const ts = await handle.db.select().from(threads);
    for (const t of ts) expect((await handle.db.select().from(posts).where(eq(posts.threadId, t.id))).length).toBe(t.postCount);
    expect(seedTextToDoc("## План\n\n- один;\n- два\n\nТекст").content.map((n) => n.type)).toEqual(["heading", "bulletList", "paragraph"]);
  });
});
