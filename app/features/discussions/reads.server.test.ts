import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import type { TestServices } from "../../../tests/setup/services.ts";
import { twoMembersOfAClosedPlace } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { createPost, createThread, deletePost, type Actor } from "./commands.server.ts";
import { listThreads } from "./queries.server.ts";
import { markThreadRead, readPosition, threadsWithUnreadByOwner, unreadByThread } from "./reads.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";
import { loadThreadView } from "./thread-view.server.ts";

let n = 0;
const cid = () => `r-${Date.now().toString(36)}-${++n}`;
const zone: ViewerZone = { timeZone: "Europe/Moscow", source: "default", label: "МСК" } as ViewerZone;

describe("read positions and unread counts", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let author: Actor;
  let reader: Actor;
  let place: string;

  const thread = async (title: string) => {
    const t = await createThread(s, author, { ownerKind: "test", ownerId: place, title, body: plainTextToDoc("Вопрос"), clientId: cid() });
    if (!t.ok) throw new Error(t.error);
    return t.threadId;
  };
  const reply = async (who: Actor, threadId: string, text: string) => {
    const p = await createPost(s, who, { threadId, body: plainTextToDoc(text), clientId: cid(), quoteOf: null });
    if (!p.ok) throw new Error(p.error);
    return p.postId;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    ({ s, author, reader, place } = await twoMembersOfAClosedPlace(handle));
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("counts others' replies after the read position, per thread and per place, and opening the page moves it", async () => {
    const first = await thread("Первая тема");
    const second = await thread("Вторая тема");
    // Never opened: everything by others is unread, one's own posts never are.
    expect(await unreadByThread(handle.db, reader.id, [first, second])).toEqual(new Map([[first, 1], [second, 1]]));
    expect(await unreadByThread(handle.db, author.id, [first, second])).toEqual(new Map());
    expect(await threadsWithUnreadByOwner(handle.db, reader.id, "test", [place])).toEqual(new Map([[place, 2]]));

    const opened = await loadThreadView(handle.db, reader, first, zone, new URLSearchParams(), s.clock.now());
    expect(opened!.unreadFrom).toBeNull(); // a first visit has no «new replies» marker
    expect(await readPosition(handle.db, reader.id, first)).toBe(1);
    expect(await threadsWithUnreadByOwner(handle.db, reader.id, "test", [place])).toEqual(new Map([[place, 1]]));

    await reply(author, first, "Ответ два");
    const gone = await reply(author, first, "Ответ три, удалён");
    await reply(author, first, "Ответ четыре");
    await reply(reader, first, "Свой ответ");
    const deleted = await deletePost(s, author, { postId: gone });
    expect(deleted.ok).toBe(true);
    expect(await unreadByThread(handle.db, reader.id, [first])).toEqual(new Map([[first, 2]]));
    const list = await listThreads(handle.db, reader, { ownerKind: "test", ownerId: place });
    expect(Object.fromEntries(list.threads.map((t) => [t.title, t.unread]))).toEqual({ "Первая тема": 2, "Вторая тема": 1 });

    const back = await loadThreadView(handle.db, reader, first, zone, new URLSearchParams(), s.clock.now());
    expect(back!.unreadFrom).toBe(2);
    expect(await readPosition(handle.db, reader.id, first)).toBe(5);
    expect(await unreadByThread(handle.db, reader.id, [first])).toEqual(new Map());
    // Embedded comments (no readAt) and guests leave positions alone.
    await reply(author, first, "Ответ шесть");
    await loadThreadView(handle.db, reader, first, zone, new URLSearchParams());
    expect(await readPosition(handle.db, reader.id, first)).toBe(5);
  });

  it("never moves a position back (a stale tab cannot unread what was read)", async () => {
    const t = await thread("Третья тема");
    await reply(author, t, "Раз");
    await markThreadRead(handle.db, reader.id, t, 2, s.clock.now());
    await markThreadRead(handle.db, reader.id, t, 1, s.clock.now());
    expect(await readPosition(handle.db, reader.id, t)).toBe(2);
  });
});
