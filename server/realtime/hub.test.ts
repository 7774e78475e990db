import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { appendEvent, type StoredEvent } from "../events/store.ts";

type Reply = { ok: boolean; error?: string; events?: StoredEvent[]; head?: number };

describe("the realtime hub", () => {
  let handle: DatabaseHandle & { url?: string };
  let services: TestServices;
  let base: string;
  const sockets: Socket[] = [];
  const open = (origin: string | null = base) => {
    const socket = connect(base, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: origin ? { Origin: origin } : {} });
    sockets.push(socket);
    return socket;
  };
  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
  const write = (stream: string, text: string) =>
    services.db.transaction((tx) => appendEvent(tx, { stream, type: "msg", payload: { text }, at: services.clock.now() }));

  beforeAll(async () => {
    handle = await createTestDatabase();
    services = await createTestServices(handle, { runJobs: false });
    base = await services.listen();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await services.stop();
    await handle.close();
  });

  it("refuses a handshake from a foreign origin or without one", async () => {
    await expect(connected(open("https://evil.example"))).rejects.toThrow();
    await expect(connected(open(null))).rejects.toThrow();
  });

  it("delivers committed events of a subscribed stream, with catch-up of what came before", async () => {
    await write("test:room", "до подписки");
    const socket = open();
    await connected(socket);
    const received: StoredEvent[] = [];
    socket.on("stream:event", (e: StoredEvent) => received.push(e));
    const reply = (await socket.emitWithAck("stream:subscribe", { stream: "test:room", after: 0 })) as Reply;
    expect(reply.ok).toBe(true);
    expect(reply.events!.map((e) => e.payload.text)).toEqual(["до подписки"]);
    await write("test:room", "после подписки");
    await expect.poll(() => received.map((e) => [e.seq, e.payload.text])).toEqual([[2, "после подписки"]]);
    const catchup = (await socket.emitWithAck("stream:catchup", { stream: "test:room", after: 1 })) as Reply;
    expect(catchup.events!.map((e) => e.seq)).toEqual([2]);
  });

  it("a cursor from the future does not silence the room: its head is the stream's, and later readers get every event", async () => {
    await write("test:future", "раз");
    const first = open();
    await connected(first);
    const reply = (await first.emitWithAck("stream:subscribe", { stream: "test:future", after: 1_000_000 })) as Reply;
    expect(reply).toMatchObject({ ok: true, events: [], head: 1 });
    const second = open();
    await connected(second);
    const heard: number[][] = [[], []];
    first.on("stream:event", (e: StoredEvent) => heard[0]!.push(e.seq));
    second.on("stream:event", (e: StoredEvent) => heard[1]!.push(e.seq));
    await second.emitWithAck("stream:subscribe", { stream: "test:future", after: 1 });
    await write("test:future", "два");
    await expect.poll(() => heard).toEqual([[2], [2]]);
  });

  it("does not deliver a stream to sockets that did not subscribe", async () => {
    const socket = open();
    await connected(socket);
    const received: StoredEvent[] = [];
    socket.on("stream:event", (e: StoredEvent) => received.push(e));
    await write("test:other", "чужое");
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([]);
  });

  it("refuses streams the policy does not allow and malformed messages, without dropping the socket", async () => {
    const socket = open();
    await connected(socket);
    const someone = "00000000-0000-4000-8000-000000000001";
    expect(await socket.emitWithAck("stream:subscribe", { stream: `user:${someone}`, after: 0 })).toMatchObject({ ok: false });
    expect(await socket.emitWithAck("stream:subscribe", { stream: "unknownkind:1", after: 0 })).toMatchObject({ ok: false });
    expect(await socket.emitWithAck("stream:subscribe", { stream: "test:x", after: -5 })).toEqual({ ok: false, error: "Неверное сообщение." });
    expect(await socket.emitWithAck("stream:subscribe", "garbage")).toEqual({ ok: false, error: "Неверное сообщение." });
    expect(socket.connected).toBe(true);
  });

  it("closes only the socket that sends an oversized packet", async () => {
    const big = open();
    const bystander = open();
    await Promise.all([connected(big), connected(bystander)]);
    const closed = new Promise((r) => big.once("disconnect", r));
    big.emit("stream:subscribe", { stream: "test:big", after: 0, padding: "x".repeat(100 * 1024) });
    await closed;
    expect(bystander.connected).toBe(true);
    expect(await bystander.emitWithAck("stream:subscribe", { stream: "test:room", after: 0 })).toMatchObject({ ok: true });
  });

  it("rate-limits a socket that floods the server", async () => {
    const socket = open();
    await connected(socket);
    const replies = (await Promise.all(Array.from({ length: 60 }, () => socket.emitWithAck("stream:catchup", { stream: "test:room", after: 0 })))) as Reply[];
    expect(replies.filter((r) => r.ok).length).toBeLessThanOrEqual(30);
    expect(replies.some((r) => r.error === "Слишком много запросов, подождите секунду.")).toBe(true);
  });
});
