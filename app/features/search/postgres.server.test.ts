import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { createPostgresProvider } from "./postgres.server.ts";
import { doc, providerContract } from "./contract.test-suite.ts";

describe(`PostgreSQL search provider (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let handle: DatabaseHandle | undefined;
  afterAll(async () => handle?.close());
  providerContract(async () => {
    handle = await createTestDatabase();
    return createPostgresProvider(handle.db);
  });
});

describe(`PostgreSQL provider: broad queries (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let handle: DatabaseHandle | undefined;
  afterAll(async () => handle?.close());

  it("ranks only the newest matches of a broad word, says the figures are estimates, and keeps filters", { timeout: 120_000 }, async () => {
    handle = await createTestDatabase();
    const provider = createPostgresProvider(handle.db, { broadRows: 40, broadCandidates: 10 });
    const docs = Array.from({ length: 120 }, (_, i) =>
      doc({ kind: i % 2 ? "thread" : "practice", title: `Урок ${i}: наставничество и ${i % 3 ? "чтение" : "счёт"}`, subjects: [i % 4 ? "math" : "russian"], publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000) }),
    );
    await provider.index(docs);
    await handle.db.execute(sql`analyze search_documents`);
    const r = await provider.search("наставничество", ["public"], { perPage: 50 });
    expect(r.approximate).toBe(true);
    expect(r.total).toBeGreaterThan(40);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.length).toBeLessThanOrEqual(10);
    const newest = new Set(docs.slice(-20).map((d) => d.refId));
    for (const h of r.hits) expect(newest.has(h.refId)).toBe(true);
    const russian = await provider.search("наставничество", ["public"], { subject: "russian", perPage: 50 });
    expect(russian.hits.length).toBeGreaterThan(0);
    for (const h of russian.hits) expect(h.subjects).toEqual(["russian"]);
    expect((await provider.search("счёт наставничество", ["none"])).total).toBe(0);
  });
});
