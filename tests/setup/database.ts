/**
 * Fresh databases for tests: one per test file, cloned from a template that has every migration
 * and the demo directory applied. PostgreSQL clones with `CREATE DATABASE … TEMPLATE`; PGlite starts
 * from a dumped data folder. The engine is PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client.ts";
import { migrate, readMigrations } from "../../db/migrate.ts";
import { seedDemo } from "../../db/seed/index.ts";

export const TEMPLATE_ENV = "MOST_TEST_TEMPLATE";

/** The admin connection string (same server as DATABASE_URL, database `postgres`). */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A short fingerprint of the migrations and seed, so a stale template is never reused. */
function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const m of readMigrations()) hash.update(m.hash);
  for (const dir of ["db/seed", "db/seed/data"]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isFile()) hash.update(fs.readFileSync(p));
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/** Builds the template once per run; returns what test files need to clone it. */
export async function prepareTemplate(): Promise<{ engine: "postgres" | "pglite"; template: string; cleanup(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `most_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const handle = await openDatabase({ url: databaseUrl(url, name), max: 2 });
    try {
      await migrate(handle.db);
      await seedDemo(handle.db);
    } finally {
      await handle.close();
    }
    return {
      engine: "postgres",
      template: name,
      async cleanup() {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const file = path.resolve(".cache", `pglite-template-${fingerprint()}.tar`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const handle = await openDatabase();
    await migrate(handle.db);
    await seedDemo(handle.db);
    const dump = await handle.pglite!.dumpDataDir("none");
    await handle.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return { engine: "pglite", template: file, async cleanup() {} };
}

/**
 * Opens a fresh database for one test file: a clone of the template. Call `close()` in `afterAll`;
 * on PostgreSQL it also drops the clone.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error("The test template is missing: run tests through vitest (tests/setup/global.ts)");
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `most_t_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // 55006: the template is briefly busy while another file clones it.
        if ((error as { code?: string }).code !== "55006" || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const dbUrl = databaseUrl(url, name);
    const handle = await openDatabase({ url: dbUrl, max: 5 });
    return {
      ...handle,
      url: dbUrl,
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(template)]);
  return openDatabase({ loadDataDir: blob });
}
