/**
 * Backup and restore of a PostgreSQL deployment: the database (`pg_dump` custom format, from one
 * snapshot) and the upload folder (FILES_DIR, a tar), with a manifest holding the fingerprint of
 * both taken from that same snapshot. A restore goes into a fresh database and a fresh folder and
 * is checked against the manifest (row counts, checksums, sequences, file hashes).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { compareFingerprints, databaseFingerprint, filesFingerprint, type Fingerprint } from "./fingerprint.ts";

export interface Manifest {
  format: 1;
  createdAt: string;
  source: string;
  serverVersion: string;
  pgDump: string;
  fingerprint: Fingerprint;
  bytes: { database: number; files: number };
}

/** The URL without its password, for manifests and logs. */
export function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * The `tool` (pg_dump, pg_restore) of the server's major version or newer: $PGBIN, then Debian's
 * /usr/lib/postgresql/<major>/bin, then PATH. An older pg_dump refuses a newer server.
 */
export function findPgTool(tool: "pg_dump" | "pg_restore", serverMajor: number): { bin: string; version: string } {
  const candidates = [process.env.PGBIN && path.join(process.env.PGBIN, tool), `/usr/lib/postgresql/${serverMajor}/bin/${tool}`, tool].filter(Boolean) as string[];
  for (const bin of candidates) {
    const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
    const major = Number(/(\d+)(?:\.\d+)?/.exec(r.stdout ?? "")?.[1]);
    if (r.status === 0 && major >= serverMajor) return { bin, version: r.stdout.trim() };
  }
  throw new Error(`No ${tool} of PostgreSQL ${serverMajor} or newer: install postgresql-client-${serverMajor} or set PGBIN`);
}

async function serverMajor(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ v: string; n: string }>(`select current_setting('server_version') as v, current_setting('server_version_num') as n`);
  return { major: Math.floor(Number(rows[0]!.n) / 10000), version: rows[0]!.v };
}

/** Writes `<out>/database.dump`, `<out>/files.tar` and `<out>/manifest.json`; returns the manifest. */
export async function backup(options: { databaseUrl: string; filesDir: string; out: string }): Promise<Manifest> {
  fs.mkdirSync(options.out, { recursive: true });
  const dump = path.join(options.out, "database.dump");
  const tar = path.join(options.out, "files.tar");
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "most-backup" });
  await client.connect();
  try {
    const server = await serverMajor(client);
    const tool = findPgTool("pg_dump", server.major);
    // One snapshot for the fingerprint and for pg_dump: the manifest describes exactly the dump.
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ id: string }>("select pg_export_snapshot() as id");
    const db = await databaseFingerprint(client);
    await run(tool.bin, ["--format=custom", `--snapshot=${rows[0]!.id}`, `--file=${dump}`, `--dbname=${options.databaseUrl}`]);
    await client.query("commit");
    // Files after the snapshot: stored files are never rewritten in place, so every file a row of
    // the dump names is in the tar.
    const files = filesFingerprint(options.filesDir);
    if (fs.existsSync(options.filesDir)) await run("tar", ["-C", options.filesDir, "-cf", tar, "."]);
    else await run("tar", ["-cf", tar, "-T", "/dev/null"]);
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      source: withoutPassword(options.databaseUrl),
      serverVersion: server.version,
      pgDump: tool.version,
      fingerprint: { ...db, files },
      bytes: { database: fs.statSync(dump).size, files: fs.statSync(tar).size },
    };
    fs.writeFileSync(path.join(options.out, "manifest.json"), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database of `url` on its server (it must not exist yet). */
export async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into a fresh (empty) database and a fresh upload folder, then compares both
 * with the manifest. Returns the differences (empty: every row, sequence and file came back).
 */
export async function restore(options: { from: string; databaseUrl: string; filesDir: string }): Promise<{ manifest: Manifest; differences: string[]; restored: Fingerprint }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(options.from, "manifest.json"), "utf8")) as Manifest;
  if (fs.existsSync(options.filesDir) && fs.readdirSync(options.filesDir).length) throw new Error(`${options.filesDir} is not empty: restore into a fresh upload folder`);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "most-restore" });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`);
    if (rows[0]!.n > 0) throw new Error(`${withoutPassword(options.databaseUrl)} already has ${rows[0]!.n} tables: restore into a fresh database`);
    const tool = findPgTool("pg_restore", (await serverMajor(client)).major);
    await run(tool.bin, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${options.databaseUrl}`, path.join(options.from, "database.dump")]);
    fs.mkdirSync(options.filesDir, { recursive: true });
    await run("tar", ["-C", options.filesDir, "-xf", path.join(options.from, "files.tar")]);
    const restored: Fingerprint = { ...(await databaseFingerprint(client)), files: filesFingerprint(options.filesDir) };
    return { manifest, differences: compareFingerprints(manifest.fingerprint, restored), restored };
  } finally {
    await client.end().catch(() => {});
  }
}
