import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { queryRows, type DatabaseHandle } from "../client.ts";
import { partnerships } from "../schema/index.ts";
import { seedDemo } from "./index.ts";
import { PARTNERSHIPS } from "./partnerships.ts";

async function counts(handle: DatabaseHandle) {
  const [row] = await queryRows<Record<string, number>>(
    handle.db,
    sql`select (select count(*)::int from partnerships) as partnerships, (select count(*)::int from partnership_status_changes) as changes,
      (select count(*)::int from partnership_members) as members, (select count(*)::int from mentor_pairs) as pairs, (select count(*)::int from mentor_meetings) as meetings,
      (select count(*)::int from lesson_visits) as visits, (select count(*)::int from org_strengths) as strengths, (select count(*)::int from threads where owner_kind = 'partnership') as threads`,
  );
  return row!;
}

describe("demo partnerships", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("are loaded in every state with histories, pairs, meetings, visits and strengths; a second run changes nothing", async () => {
    const before = await counts(handle);
    expect(before).toMatchObject({ partnerships: PARTNERSHIPS.length, pairs: 3, meetings: 5, visits: 2, threads: 2 });
    expect(before.strengths).toBeGreaterThan(10);
    const statuses = (await handle.db.select({ status: partnerships.status }).from(partnerships)).map((r) => r.status).sort();
    expect(statuses).toEqual(["accepted", "active", "active", "completed", "declined", "proposed"]);
    await seedDemo(handle.db);
    expect(await counts(handle)).toEqual(before);
  });

  it("visit threads carry the protocol and its link; every change is dated", async () => {
    const rows = await queryRows<{ ok: boolean }>(handle.db, sql`select bool_and(p.body_html like '%/partnerships/' || v.partnership_id || '/visits/' || v.id || '%') as ok from lesson_visits v join posts p on p.thread_id = v.thread_id and p.seq = 1`);
    expect(rows[0]!.ok).toBe(true);
    const [first] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from partnerships p where not exists (select 1 from partnership_status_changes c where c.partnership_id = p.id and c.to_status = p.status)`);
    expect(first!.n).toBe(0);
  });
});
