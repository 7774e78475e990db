/**
 * `npm test`: type check, lint, vitest on PGlite (and on PostgreSQL when DATABASE_URL is set), the
 * production build, Playwright journeys (on PostgreSQL when DATABASE_URL is set, plus a PGlite
 * smoke run; on PGlite otherwise), then the ops stage on PostgreSQL (PostgreSQL killed during
 * writes, the backup and restore drill). Ends with one line `N passed, N failed[, N skipped]` summing
 * every runner; a failed check (types, lint, build) counts as a failure too.
 *
 * Flags: --no-e2e, --no-checks, --unit-only (vitest only).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const reports = path.resolve(".cache/reports");
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(label: string, command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, argv, { stdio: "inherit", env, shell: false });
  const ok = result.status === 0;
  lines.push(`${label}: ${ok ? "ok" : `FAILED (exit ${result.status ?? result.signal})`} in ${Math.round((Date.now() - started) / 1000)} s`);
  return ok;
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);

function check(label: string, command: string, argv: string[]) {
  if (!run(label, command, argv)) totals.failed += 1;
}

function vitest(label: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const out = path.join(reports, `${label}.json`);
  run(label, bin("vitest"), ["run", ...extra, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    lines.push(`${label}: no report (the runner crashed)`);
    return;
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
  lines.push(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}

function playwright(label: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const out = path.join(reports, `${label}.json`);
  run(label, bin("playwright"), ["test", ...extra], { ...env, PW_JSON_REPORT: out });
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    lines.push(`${label}: no report (the runner crashed)`);
    return;
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected + (r.errors?.length ?? 0);
  totals.skipped += r.stats.skipped;
  const flaky = r.stats.flaky ? ` (${r.stats.flaky} of them flaky: failed once, passed on the retry)` : "";
  lines.push(`${label}: ${r.stats.expected + r.stats.flaky} passed${flaky}, ${r.stats.unexpected} failed, ${r.stats.skipped} skipped${r.errors?.length ? `, ${r.errors.length} errors` : ""}`);
}

const postgresUrl = process.env.DATABASE_URL;
const withoutDb = { ...process.env };
delete withoutDb.DATABASE_URL;

/** A security check that exits 0 (passed), 1 (failed) or 3 (skipped: its tool or service is missing). */
function securityCheck(label: string, script: string) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  process.stdout.write(result.stdout ?? "");
  const last = (result.stdout ?? "").trim().split("\n").at(-1) ?? "";
  if (result.status === 0) totals.passed += 1;
  else if (result.status === 3) totals.skipped += 1;
  else totals.failed += 1;
  // A skipped check's own last line already says "skipped: why".
  lines.push(`${label}: ${result.status === 0 ? `ok: ${last}` : result.status === 3 ? last : `FAILED: ${last}`}`);
}

if (!args.has("--no-checks") && !args.has("--unit-only")) {
  check("typecheck", bin("react-router"), ["typegen"]);
  check("tsc", bin("tsc"), []);
  check("lint", bin("eslint"), [".", "--max-warnings=0"]);
  securityCheck("migration lint (squawk)", "tests/security/migration-lint.ts");
  securityCheck("npm audit --omit=dev", "tests/security/audit.ts");
}

vitest("vitest-pglite", { ...withoutDb, MOST_TEST_ENGINE: "pglite" });
if (postgresUrl) vitest("vitest-postgres", { ...process.env, MOST_TEST_ENGINE: "postgres" });
else lines.push("vitest-postgres: skipped: DATABASE_URL not set");

if (!args.has("--no-e2e") && !args.has("--unit-only")) {
  if (run("build", bin("react-router"), ["build"])) {
    if (postgresUrl) {
      playwright("e2e-postgres", process.env);
      playwright("e2e-pglite-smoke", { ...withoutDb, E2E_ENGINE: "pglite" }, ["--grep", "@smoke"]);
    } else {
      playwright("e2e-pglite", { ...withoutDb, E2E_ENGINE: "pglite" });
    }
  } else {
    totals.failed += 1;
  }
}

// The ops stage last: its fault test kills the PostgreSQL cluster (PGDATA/PG_CTL of .ci/run) and
// starts it again, so nothing else may be using it; it serves the production build made above.
if (!args.has("--no-e2e") && !args.has("--unit-only")) {
  if (postgresUrl) vitest("ops", { ...process.env }, ["--config", "vitest.ops.config.ts"]);
  else lines.push("ops: skipped: DATABASE_URL not set");
}

console.log("\n=== summary ===");
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
