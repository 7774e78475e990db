/**
 * The restore drill (quality.md «A backup and restore round trip keeps every row»): a fresh
 * database with the demo data and its uploads (plus a binary file), `backup` (pg_dump + tar of the
 * upload folder), `restore` into a fresh database and a fresh folder, then every table's row count
 * and checksum, every sequence and every file's hash compared with the source. The app then finds
 * no migration to apply on the copy. A tampered row must show up as a difference.
 * `npm run ops:restore-drill` runs it alone and prints the figures. Needs PostgreSQL (DATABASE_URL).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { seedDemo } from "../../db/seed/index.ts";
import { backup, findPgTool, restore, type Manifest } from "../../db/backup/archive.ts";
import { compareFingerprints, databaseFingerprint, filesFingerprint, totals, type Fingerprint } from "../../db/backup/fingerprint.ts";
import { freshDatabase } from "./app-server.ts";

const url = process.env.DATABASE_URL;
function unavailable(): string | null {
  if (!url) return "DATABASE_URL is not set: the drill backs up and restores a PostgreSQL database";
  try {
    findPgTool("pg_dump", 15);
    findPgTool("pg_restore", 15);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}
const skip = unavailable();
if (skip) console.warn(`restore drill: skipped: ${skip}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe.skipIf(skip !== null)(`backup and restore drill${skip ? ` — skipped: ${skip}` : ""}`, () => {
  let dir = "";
  let sourceFiles = "";
  let restoredFiles = "";
  let out = "";
  const drops: (() => Promise<void>)[] = [];
  let source: Fingerprint;
  let manifest: Manifest;
  let result: Awaited<ReturnType<typeof restore>>;
  let restoredUrl = "";
  const times = { seed: 0, backup: 0, restore: 0 };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-drill-"));
    [sourceFiles, restoredFiles, out] = ["files-source", "files-restored", "backup"].map((d) => path.join(dir, d)) as [string, string, string];
    const src = await freshDatabase(url!, `most_ops_drill_src_${process.pid}`);
    const dst = await freshDatabase(url!, `most_ops_drill_dst_${process.pid}`);
    drops.push(src.drop, dst.drop);
    restoredUrl = dst.url;
    let t = performance.now();
    const previous = process.env.FILES_DIR;
    process.env.FILES_DIR = sourceFiles; // the demo library writes its attachments to FILES_DIR
    const handle = await openDatabase({ url: src.url, max: 2 });
    try {
      await migrate(handle.db);
      await seedDemo(handle.db);
    } finally {
      await handle.close();
      if (previous === undefined) delete process.env.FILES_DIR;
      else process.env.FILES_DIR = previous;
    }
    fs.mkdirSync(path.join(sourceFiles, "plans"), { recursive: true });
    fs.writeFileSync(path.join(sourceFiles, "plans", `${crypto.randomUUID()}.pdf`), crypto.randomBytes(300_000));
    times.seed = performance.now() - t;

    const client = new pg.Client({ connectionString: src.url });
    await client.connect();
    source = { ...(await databaseFingerprint(client)), files: filesFingerprint(sourceFiles) };
    await client.end();

    t = performance.now();
    manifest = await backup({ databaseUrl: src.url, filesDir: sourceFiles, out });
    times.backup = performance.now() - t;
    t = performance.now();
    result = await restore({ from: out, databaseUrl: dst.url, filesDir: restoredFiles });
    times.restore = performance.now() - t;
  }, 240_000);

  afterAll(async () => {
    for (const drop of drops) await drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("backs up what the source holds: the manifest's fingerprint is the source's", () => {
    expect(compareFingerprints(source, manifest.fingerprint)).toEqual([]);
    const t = totals(source);
    expect(t.tables).toBeGreaterThan(40);
    expect(t.rows).toBeGreaterThan(1000);
    expect(t.files, "demo attachments and the binary file").toBeGreaterThan(2);
    expect(fs.statSync(path.join(out, "database.dump")).size).toBeGreaterThan(10_000);
  });

  it("restores every table, sequence and file into a fresh database and folder", () => {
    expect(result.differences).toEqual([]);
    expect(compareFingerprints(source, result.restored)).toEqual([]);
  });

  it("the app finds the restored database complete: no migration to apply", async () => {
    const handle = await openDatabase({ url: restoredUrl, max: 2 });
    try {
      expect(await migrate(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("would notice a damaged copy: one changed row, one missing file", async () => {
    const client = new pg.Client({ connectionString: restoredUrl });
    await client.connect();
    try {
      await client.query(`update regions set name = name || ' (испорчено)' where id = (select id from regions order by id limit 1)`);
      const damaged = { ...(await databaseFingerprint(client)), files: filesFingerprint(restoredFiles) };
      const file = Object.keys(damaged.files)[0]!;
      delete damaged.files[file];
      const diff = compareFingerprints(manifest.fingerprint, damaged);
      expect(diff).toEqual([expect.stringMatching(/^table public\.regions: same \d+ rows count, different contents/), `file ${file}: missing after restore`]);
    } finally {
      await client.end();
    }
  });

  it("prints the figures", () => {
    const t = totals(manifest.fingerprint);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [
        `restore drill: ${t.tables} tables, ${t.rows} rows, ${t.sequences} sequences, ${t.files} files (demo data, seeded in ${seconds(times.seed)})`,
        `  backup ${seconds(times.backup)} (database.dump ${mb(manifest.bytes.database)}, files.tar ${mb(manifest.bytes.files)}; ${manifest.pgDump}, server ${manifest.serverVersion})`,
        `  restore into a fresh database and folder ${seconds(times.restore)}; differences: ${result.differences.length} (row counts, checksums, sequences, file hashes)`,
      ].join("\n"),
    );
    expect(result.differences.length).toBe(0);
  });
});
