/**
 * Several nodes: the configured socket.io adapter carries a room broadcast from one hub to a socket
 * on another. Redis runs when REDIS_URL is set; the PostgreSQL adapter runs on PostgreSQL.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { streamRoom } from "./protocol.ts";
import { openSocketAs } from "../../tests/setup/sockets.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../tests/factories/discussions.ts";
import { createThread } from "../../app/features/discussions/commands.server.ts";
import { plainTextToDoc } from "../../app/features/discussions/rich-text/plain-text.ts";
import type { PresenceUpdate, TypingUpdate } from "./presence.ts";

const variants = [
  { name: "redis", env: { REDIS_URL: process.env.REDIS_URL }, skip: !process.env.REDIS_URL, why: "skipped: REDIS_URL not set" },
  { name: "postgres", env: {}, skip: !process.env.DATABASE_URL, why: "skipped: DATABASE_URL not set (PGlite is one process: in-memory adapter)" },
];

for (const variant of variants) {
  describe.skipIf(variant.skip)(`the ${variant.name} adapter between two nodes`, () => {
    let handle: DatabaseHandle & { url?: string };
    const nodes: TestServices[] = [];
    let socket: Socket | undefined;
    const sockets: Socket[] = [];
    let bases: string[] = [];
    afterAll(async () => {
      socket?.close();
      for (const s of sockets) s.close();
      for (const n of nodes) await n.stop();
      await handle?.close();
    });

    it("carries a room broadcast from one node to a socket on the other", async () => {
      handle = await createTestDatabase();
      for (let i = 0; i < 2; i++) nodes.push(await createTestServices(handle, { runJobs: false, env: variant.env }));
      bases = await Promise.all(nodes.map((n) => n.listen()));
      const b = bases[1];
      socket = connect(b!, { path: "/socket.io", transports: ["websocket"], extraHeaders: { Origin: b! }, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket!.once("connect", () => resolve());
        socket!.once("connect_error", reject);
      });
      expect(await socket.emitWithAck("stream:subscribe", { stream: "test:nodes", after: 0 })).toMatchObject({ ok: true });
      const received: unknown[] = [];
      socket.on("presence", (p) => received.push(p));
      // Give the adapter's subscription a moment, then broadcast from the other node.
      await new Promise((r) => setTimeout(r, 500));
      nodes[0]!.realtime.io!.to(streamRoom("test:nodes")).emit("presence", { reading: 3 });
      await expect.poll(() => received, { timeout: 10_000 }).toEqual([{ reading: 3 }]);
    });

    it("carries a thread's presence and typing between readers on different nodes", async () => {
      registerTestOwner();
      const [a, b] = bases;
      const anna = await makePerson(handle.db, { name: "Анна Узловая", publicName: true });
      const boris = await makePerson(handle.db, { name: "Борис Узловой", publicName: true });
      const place = makeTestPlace({ open: false, members: [anna.id, boris.id] }).id;
      const t = await createThread(nodes[0]!, anna, { ownerKind: "test", ownerId: place, title: "Между узлами", body: plainTextToDoc("Начало"), clientId: `nodes-${variant.name}-${Date.now()}` });
      if (!t.ok) throw new Error(t.error);
      const stream = `thread:${t.threadId}`;
      const onA = await openSocketAs(a!, handle.db, nodes[0]!.clock.now(), anna, sockets);
      const onB = await openSocketAs(b!, handle.db, nodes[1]!.clock.now(), boris, sockets);
      const presenceAtA: PresenceUpdate[] = [];
      const typingAtA: TypingUpdate[] = [];
      onA.on("presence:update", (p: PresenceUpdate) => presenceAtA.push(p));
      onA.on("typing:update", (p: TypingUpdate) => typingAtA.push(p));
      await onA.emitWithAck("stream:subscribe", { stream, after: 0 });
      await onB.emitWithAck("stream:subscribe", { stream, after: 0 });
      await expect.poll(() => presenceAtA.at(-1)?.people.map((p) => p.name), { timeout: 10_000 }).toEqual(["Анна Узловая", "Борис Узловой"]);
      expect(await onB.emitWithAck("typing", { stream, active: true })).toEqual({ ok: true });
      await expect.poll(() => typingAtA.map((x) => x.person.name), { timeout: 10_000 }).toEqual(["Борис Узловой"]);
      onB.close();
      await expect.poll(() => presenceAtA.at(-1)?.count, { timeout: 10_000 }).toBe(1);
    });
  });
}

describe.skipIf(!variants.every((v) => v.skip))("socket adapters", () => {
  it.skip(variants.map((v) => v.why).join("; "), () => {});
});
