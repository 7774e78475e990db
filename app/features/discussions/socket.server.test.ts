import { eq } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { openSocketAs } from "../../../tests/setup/sockets.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { posts } from "../../../db/schema/index.ts";
import type { StoredEvent } from "../../../server/events/store.ts";
import { createThread, type Actor } from "./commands.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";

type Ack = { ok: boolean; postId?: string; duplicate?: boolean; error?: string };

describe("posting over the socket", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let base: string;
  const sockets: Socket[] = [];
  let member: Actor;
  let outsider: Actor;
  let threadId: string;

  const open = (person: Actor | null) => openSocketAs(base, handle.db, s.clock.now(), person, sockets);

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    base = await s.listen();
    registerTestOwner();
    member = await makePerson(handle.db);
    outsider = await makePerson(handle.db);
    const author = await makePerson(handle.db);
    const place = makeTestPlace({ open: false, members: [member.id, author.id] }).id;
    const t = await createThread(s, author, { ownerKind: "test", ownerId: place, title: "Сокеты", body: plainTextToDoc("Начало"), clientId: "socket-thread-1" });
    if (!t.ok) throw new Error(t.error);
    threadId = t.threadId;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await s.stop();
    await handle.close();
  });

  it("stores a reply once per client id and delivers it to everyone on the thread", async () => {
    const writer = await open(member);
    const reader = await open(member);
    const received: StoredEvent[] = [];
    reader.on("stream:event", (e: StoredEvent) => received.push(e));
    expect(await reader.emitWithAck("stream:subscribe", { stream: `thread:${threadId}`, after: 0 })).toMatchObject({ ok: true });
    const message = { clientId: "socket-reply-0001", threadId, body: plainTextToDoc("Ответ через сокет") };
    const first = (await writer.emitWithAck("post:create", message)) as Ack;
    const retry = (await writer.emitWithAck("post:create", message)) as Ack;
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(retry).toEqual({ ok: true, postId: first.postId, duplicate: true });
    expect(await handle.db.select().from(posts).where(eq(posts.clientId, "socket-reply-0001"))).toHaveLength(1);
    await expect.poll(() => received.map((e) => e.type)).toContain("post.created");
    expect(received.find((e) => e.type === "post.created")!.payload).toMatchObject({ postId: first.postId });
  });

  it("refuses guests, outsiders of a closed place and malformed messages in Russian", async () => {
    const guest = await open(null);
    const stranger = await open(outsider);
    const message = { clientId: "socket-reply-0002", threadId, body: plainTextToDoc("Можно?") };
    expect(await guest.emitWithAck("post:create", message)).toEqual({ ok: false, error: expect.stringContaining("Войдите") });
    expect(await stranger.emitWithAck("post:create", message)).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await stranger.emitWithAck("stream:subscribe", { stream: `thread:${threadId}`, after: 0 })).toMatchObject({ ok: false });
    expect(await stranger.emitWithAck("post:create", { threadId, body: "x" })).toEqual({ ok: false, error: "Неверное сообщение." });
    expect(await handle.db.select().from(posts).where(eq(posts.clientId, "socket-reply-0002"))).toEqual([]);
  });
});
