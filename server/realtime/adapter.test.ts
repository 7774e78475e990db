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

const variants = [
  { name: "redis", env: { REDIS_URL: process.env.REDIS_URL }, skip: !process.env.REDIS_URL, why: "skipped: REDIS_URL not set" },
  { name: "postgres", env: {}, skip: !process.env.DATABASE_URL, why: "skipped: DATABASE_URL not set (PGlite is one process: in-memory adapter)" },
];

for (const variant of variants) {
  describe.skipIf(variant.skip)(`the ${variant.name} adapter between two nodes`, () => {
    let handle: DatabaseHandle & { url?: string };
    const nodes: TestServices[] = [];
    let socket: Socket | undefined;
    afterAll(async () => {
      socket?.close();
      for (const n of nodes) await n.stop();
      await handle?.close();
    });

    it("carries a room broadcast from one node to a socket on the other", async () => {
      handle = await createTestDatabase();
      for (let i = 0; i < 2; i++) nodes.push(await createTestServices(handle, { runJobs: false, env: variant.env }));
      const [, b] = await Promise.all(nodes.map((n) => n.listen()));
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
  });
}

describe.skipIf(!variants.every((v) => v.skip))("socket adapters", () => {
  it.skip(variants.map((v) => v.why).join("; "), () => {});
});
