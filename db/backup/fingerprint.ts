/**
 * What a backup must reproduce, measured the same way on the source and on the restored copy: per
 * table its row count and a checksum of its rows (md5 over the sorted md5s of `row::text`, so no
 * primary key or collation is needed and memory stays small), every sequence's last value, and a
 * sha256 per file of the upload folder.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

export interface TableFingerprint {
  rows: number;
  md5: string;
}

export interface Fingerprint {
  tables: Record<string, TableFingerprint>;
  sequences: Record<string, string | null>;
  files: Record<string, string>;
}

type Queryable = Pick<pg.ClientBase, "query">;

const ident = (schema: string, name: string) => `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;

/** Row counts and checksums of every table outside the system schemas, and sequence values. */
export async function databaseFingerprint(db: Queryable): Promise<Pick<Fingerprint, "tables" | "sequences">> {
  const { rows: tables } = await db.query<{ schemaname: string; tablename: string }>(
    `select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Fingerprint["tables"] = {};
  for (const t of tables) {
    const { rows } = await db.query<{ rows: string; md5: string }>(
      `select count(*)::bigint as rows, md5(coalesce(string_agg(h, '' order by h), '')) as md5 from (select md5(t::text) as h from ${ident(t.schemaname, t.tablename)} t) x`,
    );
    out[`${t.schemaname}.${t.tablename}`] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
  }
  const { rows: seqs } = await db.query<{ name: string; last_value: string | null }>(
    `select schemaname || '.' || sequencename as name, last_value::text from pg_sequences order by 1`,
  );
  return { tables: out, sequences: Object.fromEntries(seqs.map((s) => [s.name, s.last_value])) };
}

/** sha256 of every file under `dir` (relative paths with `/`); empty when the folder is absent. */
export function filesFingerprint(dir: string): Fingerprint["files"] {
  const out: Fingerprint["files"] = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out[rel] = crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, rel))).digest("hex");
    }
  };
  walk("");
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every difference between two fingerprints, as sentences; empty when they agree. */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const diff: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!e || !a) diff.push(`table ${name}: ${e ? "missing after restore" : "not in the backup"}`);
    else if (e.rows !== a.rows) diff.push(`table ${name}: ${e.rows} rows backed up, ${a.rows} restored`);
    else if (e.md5 !== a.md5) diff.push(`table ${name}: same ${e.rows} rows count, different contents (md5 ${e.md5} ≠ ${a.md5})`);
  }
  for (const name of new Set([...Object.keys(expected.sequences), ...Object.keys(actual.sequences)])) {
    if (expected.sequences[name] !== actual.sequences[name]) diff.push(`sequence ${name}: ${expected.sequences[name]} backed up, ${actual.sequences[name]} restored`);
  }
  for (const file of new Set([...Object.keys(expected.files), ...Object.keys(actual.files)])) {
    if (expected.files[file] !== actual.files[file]) diff.push(`file ${file}: ${!actual.files[file] ? "missing after restore" : !expected.files[file] ? "not in the backup" : "different bytes"}`);
  }
  return diff;
}

/** Totals for printing. */
export function totals(f: Fingerprint): { tables: number; rows: number; sequences: number; files: number } {
  return { tables: Object.keys(f.tables).length, rows: Object.values(f.tables).reduce((n, t) => n + t.rows, 0), sequences: Object.keys(f.sequences).length, files: Object.keys(f.files).length };
}
