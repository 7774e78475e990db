import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import type { TestServices } from "../../../tests/setup/services.ts";
import { twoMembersOfAClosedPlace } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { posts, threads } from "../../../db/schema/index.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { createPost, createThread, type Actor } from "./commands.server.ts";
import { POSTS_PAGE_SIZE } from "./queries.server.ts";
import { readPosition } from "./reads.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";
import { renderRichText } from "./rich-text/render.server.ts";
import { loadThreadView } from "./thread-view.server.ts";

const zone: ViewerZone = { timeZone: "Europe/Moscow", source: "default", label: "МСК" } as ViewerZone;
const TOTAL = POSTS_PAGE_SIZE * 2 + 20; // three pages: 50, 50, 20

describe("a long thread pages its posts", () => {
  let handle: DatabaseHandle;
  let s: TestServices;
  let author: Actor;
  let reader: Actor;
  let threadId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    let place: string;
    ({ s, author, reader, place } = await twoMembersOfAClosedPlace(handle));
    const t = await createThread(s, author, { ownerKind: "test", ownerId: place, title: "Длинная тема", body: plainTextToDoc("Сообщение 1"), clientId: "long-1" });
    if (!t.ok) throw new Error(t.error);
    threadId = t.threadId;
    // The rest are written straight to the table: the per-person posting limit would stop a loop of commands.
    const at = s.clock.now();
    const rows = Array.from({ length: TOTAL - 1 }, (_, i) => {
      const doc = plainTextToDoc(`Сообщение ${i + 2}`);
      return { threadId, seq: i + 2, authorId: author.id, body: doc as unknown as Record<string, unknown>, bodyHtml: renderRichText(doc), clientId: `long-${i + 2}`, createdAt: new Date(at.getTime() + i * 1000) };
    });
    await handle.db.insert(posts).values(rows);
    await handle.db.update(threads).set({ postCount: TOTAL, lastPostSeq: TOTAL }).where(eq(threads.id, threadId));
    ids.push(...(await handle.db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, threadId)).orderBy(posts.seq)).map((r) => r.id));
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const open = (query: Record<string, string>, who: Actor = reader, readAt?: Date) => loadThreadView(handle.db, who, threadId, zone, new URLSearchParams(query), readAt);
  const seqs = (view: Awaited<ReturnType<typeof open>>) => view!.posts.map((p) => p.seq);

  it("shows one page at a time, with the whole thread's counts", async () => {
    const first = await open({});
    expect(first!.paging).toEqual({ page: 1, pages: 3, total: TOTAL, replies: TOTAL - 1 });
    expect(seqs(first)).toEqual(Array.from({ length: POSTS_PAGE_SIZE }, (_, i) => i + 1));
    const last = await open({ page: "3" });
    expect(seqs(last)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * POSTS_PAGE_SIZE + i + 1));
    // Out of range or malformed numbers land on a real page.
    expect((await open({ page: "99" }))!.paging.page).toBe(3);
    expect((await open({ page: "-1" }))!.paging.page).toBe(1);
    expect((await open({ page: "два" }))!.paging.page).toBe(1);
  });

  it("opens the page that holds a linked post, and the page where a returning reader left off", async () => {
    expect((await open({ post: ids[POSTS_PAGE_SIZE + 4]! }))!.paging.page).toBe(2);
    expect((await open({ post: "00000000-0000-4000-8000-000000000000" }))!.paging.page).toBe(1);
    // A first visit opens page 1 and reads it; coming back opens page 2, where the unread posts start.
    const now = s.clock.now();
    await open({}, reader, now);
    expect(await readPosition(handle.db, reader.id, threadId)).toBe(POSTS_PAGE_SIZE);
    const back = await open({}, reader, now);
    expect(back!.paging.page).toBe(2);
    expect(back!.unreadFrom).toBe(POSTS_PAGE_SIZE + 1);
    expect(await readPosition(handle.db, reader.id, threadId)).toBe(2 * POSTS_PAGE_SIZE);
  });

  it("quotes a post of another page with its excerpt, and a reply goes to the last page", async () => {
    const quoted = ids[3]!; // page 1
    const reply = await createPost(s, reader, { threadId, body: plainTextToDoc("Согласна с четвёртым сообщением"), clientId: "long-reply", quoteOf: quoted });
    expect(reply.ok).toBe(true);
    const quoting = await open({ page: "3", quote: quoted });
    expect(quoting!.quote).toMatchObject({ id: quoted });
    const last = await open({ page: "3" });
    const mine = last!.posts.at(-1)!;
    expect(mine.seq).toBe(TOTAL + 1);
    expect(mine.quote).toMatchObject({ postId: quoted, onPage: false, excerpt: "Сообщение 4" });
  });
});
