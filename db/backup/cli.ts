/**
 * `npm run backup -- [--out <dir>]`: dumps the configured PostgreSQL database (DATABASE_URL) and the
 * upload folder (FILES_DIR) into `<dir>` (default `backups/most-<UTC time>`).
 * `npm run restore -- --from <dir> --database-url <url> [--files-dir <dir>] [--create]`: restores
 * into a fresh database (created first with --create) and a fresh upload folder (default: the
 * configured FILES_DIR), then checks every table, sequence and file against the backup's manifest;
 * exits 1 on any difference.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../../server/config.ts";
import { backup, createDatabase, restore, withoutPassword } from "./archive.ts";
import { totals } from "./fingerprint.ts";

process.on("uncaughtException", (error) => {
  console.error(`Ошибка: ${error.message}`);
  process.exit(1);
});

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { out: { type: "string" }, from: { type: "string" }, "database-url": { type: "string" }, "files-dir": { type: "string" }, create: { type: "boolean" } },
});
const config = loadConfig();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

if (command === "backup") {
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set. The embedded database is backed up by copying PGLITE_DIR while the server is stopped.");
  const out = path.resolve(values.out ?? path.join("backups", `most-${new Date().toISOString().replace(/[:.]/g, "-")}`));
  const started = performance.now();
  const m = await backup({ databaseUrl: config.DATABASE_URL, filesDir: config.FILES_DIR, out });
  const t = totals(m.fingerprint);
  console.log(`Резервная копия: ${out}\n  ${t.tables} tables, ${t.rows} rows, ${t.sequences} sequences, ${t.files} files; database.dump ${mb(m.bytes.database)}, files.tar ${mb(m.bytes.files)}; ${((performance.now() - started) / 1000).toFixed(1)} s (${m.pgDump}, server ${m.serverVersion})`);
} else if (command === "restore") {
  const from = values.from;
  const databaseUrl = values["database-url"];
  if (!from || !databaseUrl) throw new Error("usage: npm run restore -- --from <backup dir> --database-url <fresh database> [--files-dir <fresh folder>] [--create]");
  if (values.create) await createDatabase(databaseUrl);
  const filesDir = path.resolve(values["files-dir"] ?? config.FILES_DIR);
  const started = performance.now();
  const r = await restore({ from: path.resolve(from), databaseUrl, filesDir });
  const t = totals(r.restored);
  console.log(`Восстановлено в ${withoutPassword(databaseUrl)} и ${filesDir}: ${t.tables} tables, ${t.rows} rows, ${t.files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (r.differences.length) {
    console.error(`Differences from the backup (${r.differences.length}):\n  ${r.differences.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log("  every table (row count and checksum), sequence and file matches the backup's manifest");
  }
} else {
  console.error("usage: node db/backup/cli.ts backup|restore …");
  process.exitCode = 2;
}
