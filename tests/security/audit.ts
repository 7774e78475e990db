/**
 * `npm run audit:prod`: `npm audit --omit=dev`; fails on a high or critical advisory. Where the
 * advisory service does not answer (these machines) it prints `skipped: audit endpoint
 * unavailable` and exits 3, which `npm test` counts as skipped, never as passed.
 * Exit codes: 0 passed, 1 high/critical advisories, 3 skipped.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
interface AuditReport {
  error?: unknown;
  statusCode?: number;
  message?: string;
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
}
let report: AuditReport | undefined;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!report || report.error || report.statusCode || !counts) {
  const why = report?.message ?? (result.error ? String(result.error) : (result.stderr.trim().split("\n").at(-1) ?? "no answer"));
  console.log(`skipped: audit endpoint unavailable (${why})`);
  process.exit(3);
}
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === "high" || v.severity === "critical");
for (const [name, v] of serious) console.log(`${v.severity}: ${name}`);
console.log(`npm audit --omit=dev: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(", ")}`);
process.exit(serious.length ? 1 : 0);
