import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { adminUrl, databaseUrl } from "../tests/setup/database.ts";
import { openDatabase, queryRows } from "./client.ts";
import { migrate, readMigrations } from "./migrate.ts";

const pgUrl = process.env.DATABASE_URL;

describe("migrations", () => {
  it("apply once, then find nothing to do", async () => {
    const handle = await openDatabase();
    try {
      const first = await migrate(handle.db);
      expect(first).toEqual(readMigrations().map((m) => m.tag));
      expect(await migrate(handle.db)).toEqual([]);
      const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from most_migrations`);
      expect(row!.n).toBe(first.length);
    } finally {
      await handle.close();
    }
  });

  it("refuse to start when an applied migration was edited", async () => {
    const handle = await openDatabase();
    try {
      const migrations = readMigrations();
      await migrate(handle.db, migrations);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, hash: "edited" } : m));
      await expect(migrate(handle.db, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!pgUrl)("do not race when two nodes start together on one PostgreSQL", async () => {
    const name = `most_race_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl(pgUrl!), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const nodes = await Promise.all([0, 1, 2].map(() => openDatabase({ url: databaseUrl(pgUrl!, name), max: 2 })));
    try {
      const results = await Promise.all(nodes.map((n) => migrate(n.db)));
      const applied = results.flat();
      expect(applied).toEqual(readMigrations().map((m) => m.tag));
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      const [row] = await queryRows<{ n: number }>(nodes[0]!.db, sql`select count(*)::int as n from most_migrations`);
      expect(row!.n).toBe(applied.length);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      await admin.unsafe(`drop database "${name}" with (force)`);
      await admin.end();
    }
  });
});
