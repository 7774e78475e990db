import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./client.ts";

/** Any constant shared by every node; `pg_advisory_xact_lock` serialises concurrent starts. */
const MIGRATION_LOCK_KEY = 7_261_535_001;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

/** Where drizzle-kit writes migrations; the server runs from the project root. */
export function migrationsDir(): string {
  return process.env.MIGRATIONS_DIR ?? path.resolve("db/migrations");
}

/** Reads the drizzle-kit journal and the SQL files it names, in order. */
export function readMigrations(dir = migrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8");
      return {
        tag,
        hash: crypto.createHash("sha256").update(text).digest("hex"),
        statements: text
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock, so two
 * nodes starting together never race: the second waits, then finds nothing to do. A migration
 * that was edited after it was applied stops the start (migrations never change after landing).
 * Returns the tags applied now.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`
      create table if not exists most_migrations (
        tag text primary key,
        hash text not null,
        applied_at timestamptz not null default now()
      )`);
    const applied = new Map(
      (await queryRows<{ tag: string; hash: string }>(tx, sql`select tag, hash from most_migrations`)).map((r) => [
        r.tag,
        r.hash,
      ]),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const hash = applied.get(migration.tag);
      if (hash !== undefined) {
        if (hash !== migration.hash) {
          throw new Error(`Migration ${migration.tag} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into most_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`);
      done.push(migration.tag);
    }
    return done;
  });
}
