import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { queryRows, type DatabaseHandle } from "../../db/client.ts";
import { appendEvent, EVENTS_CHANNEL, readEventsAfter, streamHead } from "./store.ts";

const at = new Date("2026-11-24T08:00:00Z");

describe("event streams", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("numbers each stream's events 1, 2, 3… independently and reads them back after N", async () => {
    for (const text of ["а", "б", "в"]) await handle.db.transaction((tx) => appendEvent(tx, { stream: "test:one", type: "msg", payload: { text }, at }));
    await handle.db.transaction((tx) => appendEvent(tx, { stream: "test:two", type: "msg", payload: { text: "г" }, at }));
    expect(await streamHead(handle.db, "test:one")).toBe(3);
    expect(await streamHead(handle.db, "test:two")).toBe(1);
    expect(await streamHead(handle.db, "test:none")).toBe(0);
    const after1 = await readEventsAfter(handle.db, "test:one", 1);
    expect(after1.map((e) => [e.seq, e.payload.text])).toEqual([
      [2, "б"],
      [3, "в"],
    ]);
    expect(after1[0]!.at).toBe(at.toISOString());
  });

  it("a rolled-back write leaves neither its event nor a used number", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await appendEvent(tx, { stream: "test:rb", type: "msg", payload: {}, at });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await streamHead(handle.db, "test:rb")).toBe(0);
    const written = await handle.db.transaction((tx) => appendEvent(tx, { stream: "test:rb", type: "msg", payload: {}, at }));
    expect(written.seq).toBe(1);
  });

  it("notifies listeners only once the transaction commits", async () => {
    const received: string[] = [];
    const stop = await handle.listen(EVENTS_CHANNEL, (p) => received.push(p));
    try {
      let seenInside = -1;
      await handle.db.transaction(async (tx) => {
        await appendEvent(tx, { stream: "test:notify", type: "msg", payload: {}, at });
        await new Promise((r) => setTimeout(r, 200));
        seenInside = received.length;
      });
      expect(seenInside).toBe(0);
      const deadline = Date.now() + 5000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received.map((p) => JSON.parse(p))).toEqual([{ stream: "test:notify", seq: 1 }]);
    } finally {
      await stop();
    }
  });

  it("refuses malformed stream keys", async () => {
    await expect(handle.db.transaction((tx) => appendEvent(tx, { stream: "no key", type: "x", payload: {}, at }))).rejects.toThrow();
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from events where stream = 'no key'`);
    expect(row!.n).toBe(0);
  });
});
