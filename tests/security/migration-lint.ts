/**
 * `npm run lint:migrations`: squawk over db/migrations/*.sql (PostgreSQL 15, each file in one
 * transaction as db/migrate.ts runs it). Fails on any finding not in the reviewed allowlist below;
 * a landed migration is never edited, so its reviewed findings are listed, with the reason.
 * Exit codes: 0 passed, 1 findings, 3 skipped (squawk-cli not installed: never counted as passed).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Rules off for every file, and why (decision 020). */
export const EXCLUDED_RULES: Record<string, string> = {
  "require-lock-timeout": "migrations run at start in one transaction under an advisory lock, before the node serves; a lock wait delays only that start",
  "require-statement-timeout": "as above; a statement timeout would abort long index builds of a large deployment half-way",
  "prefer-bigint-over-int": "int columns are counters and ordinals (sequence numbers per stream, positions, hours) far below 2^31; ids are uuid",
  "prefer-identity": "one serial column of the first migrations; identity brings nothing here",
};

/** Findings reviewed on landed migrations: `file rule` → why it is acceptable there. */
export const REVIEWED: Record<string, string> = {
  "0013_search_recent_index.sql require-concurrent-index-creation": "search_documents is derived data written only by the indexer job; a short write pause of the index is harmless",
  "0014_search_keep_yo.sql ban-drop-column": "the generated tsv column is replaced by a new generated one in the same transaction; no client reads it by name outside the search provider",
  "0014_search_keep_yo.sql adding-field-with-default": "rewrites search_documents (derived, rebuildable with npm run search:rebuild), once",
  "0014_search_keep_yo.sql require-concurrent-index-creation": "the GIN index of the rewritten column, inside the same transaction",
  "0017_notification_settings_and_digests.sql require-concurrent-index-creation": "a partial index that holds only rows of the new digest channel (none exist when it is created), so the build is instant; migrations run in one transaction, where CONCURRENTLY is not possible",
};

interface Finding {
  file: string;
  line: number;
  rule_name: string;
  message: string;
}

function squawkBinary(): string | undefined {
  // squawk's own npm wrapper lists every platform's binary, and `npm ci` refuses a lock file
  // without them where the registry serves only linux-x64; so the project depends on that
  // platform package directly (optional: skipped elsewhere, where SQUAWK_BIN can point to one).
  const candidates = [process.env.SQUAWK_BIN, path.resolve(`node_modules/@squawk-cli/${process.platform}-${process.arch}/bin/squawk`)].filter(Boolean) as string[];
  return candidates.find((c) => fs.existsSync(c));
}

const bin = squawkBinary();
if (!bin) {
  console.log("skipped: squawk not installed for this platform (@squawk-cli/<platform>, or set SQUAWK_BIN)");
  process.exit(3);
}
const dir = process.env.MIGRATIONS_DIR ?? "db/migrations";
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => path.join(dir, f));
const result = spawnSync(bin, ["--pg-version=15.0", "--assume-in-transaction", "--reporter=json", `--exclude=${Object.keys(EXCLUDED_RULES).join(",")}`, ...files], { encoding: "utf8" });
let findings: Finding[];
try {
  findings = JSON.parse(result.stdout || "[]") as Finding[];
} catch {
  console.error(`squawk did not answer in JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}
const open = findings.filter((f) => !REVIEWED[`${path.basename(f.file)} ${f.rule_name}`]);
const reviewed = findings.length - open.length;
for (const f of open) console.log(`${f.file}:${f.line + 1}: ${f.rule_name}: ${f.message}`);
console.log(`squawk: ${files.length} migrations, ${findings.length} findings (${reviewed} reviewed and allowed), ${open.length} open; rules off: ${Object.keys(EXCLUDED_RULES).join(", ")}`);
process.exit(open.length ? 1 : 0);
