/**
 * Catch-up never skips an event: concurrent writers commit in an arbitrary order while a reader
 * keeps reading "after the last one I saw". Per-stream numbers taken under the stream's row lock
 * pass; the same property run against a global bigserial cursor fails (ids commit out of order).
 * PostgreSQL only: PGlite has one connection, so writers cannot overlap there.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { queryRows, type DatabaseHandle } from "../../db/client.ts";
import { appendEvent, readEventsAfter } from "./store.ts";

type Strategy = "stream" | "bigserial";
let run = 0;

async function scenario(handle: DatabaseHandle, strategy: Strategy, delaysMs: number[]): Promise<{ written: number[]; seen: number[] }> {
  const key = `prop${++run}`;
  const at = new Date("2026-11-24T08:00:00Z");
  const written: number[] = [];
  let writing = true;
  const writers = Promise.all(
    delaysMs.map((delay) =>
      handle.db.transaction(async (tx) => {
        let id: number;
        if (strategy === "stream") {
          id = (await appendEvent(tx, { stream: `test:${key}`, type: "w", payload: {}, at })).seq;
        } else {
          const [row] = await queryRows<{ id: string }>(tx, sql`insert into prop_global (run) values (${key}) returning id`);
          id = Number(row!.id);
        }
        // The writer holds its transaction open a while, as a slow request would.
        await tx.execute(sql`select pg_sleep(${delay / 1000})`);
        written.push(id);
      }),
    ),
  ).finally(() => (writing = false));

  const seen: number[] = [];
  let cursor = 0;
  const read = async () => {
    const ids =
      strategy === "stream"
        ? (await readEventsAfter(handle.db, `test:${key}`, cursor)).map((e) => e.seq)
        : (await queryRows<{ id: string }>(handle.db, sql`select id from prop_global where run = ${key} and id > ${cursor} order by id`)).map((r) => Number(r.id));
    seen.push(...ids);
    if (ids.length) cursor = ids.at(-1)!;
  };
  while (writing) {
    await read();
    await new Promise((r) => setTimeout(r, 1));
  }
  await writers;
  await read();
  return { written: written.sort((a, b) => a - b), seen };
}

const delays = fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 3, maxLength: 8 });

describe.skipIf(!process.env.DATABASE_URL)("catch-up under concurrent writers (PostgreSQL)", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.execute(sql`create table prop_global (id bigserial primary key, run text not null)`);
  });
  afterAll(async () => handle.close());

  it("per-stream sequence numbers: the reader sees every event exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(delays, async (d) => {
        const { written, seen } = await scenario(handle, "stream", d);
        expect(seen).toEqual(written);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("a global bigserial cursor fails the same property (events committed late are skipped)", async () => {
    const result = await fc.check(
      fc.asyncProperty(delays, async (d) => {
        const { written, seen } = await scenario(handle, "bigserial", d);
        expect(seen).toEqual(written);
      }),
      { numRuns: 25 },
    );
    expect(result.failed).toBe(true);
  }, 120_000);
});
