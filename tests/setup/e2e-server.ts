/**
 * The server Playwright starts: the production build on a test port, with the test-only endpoints
 * on, on a database of its own (a fresh PostgreSQL database when DATABASE_URL is set and
 * E2E_ENGINE is not "pglite"; otherwise a fresh embedded PGlite folder). Cleans up on exit.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3100";
const usePostgres = Boolean(process.env.DATABASE_URL) && process.env.E2E_ENGINE !== "pglite";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  HOST: "127.0.0.1",
  MOST_TEST_MODE: "1",
  // Tests give each browser context its own client address (X-Forwarded-For) so throttles apply per test.
  TRUST_PROXY: "loopback",
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
};

let cleanup: () => Promise<void> = async () => {};
if (usePostgres) {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `most_e2e_${process.pid}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${name}`;
  env.DATABASE_URL = dbUrl.toString();
  env.DEMO_SEED = "always";
  cleanup = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-e2e-"));
  delete env.DATABASE_URL;
  env.PGLITE_DIR = path.join(dir, "pglite");
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const child = spawn(process.execPath, ["server/index.ts"], { env, stdio: "inherit" });
let exiting = false;
const stop = (signal: NodeJS.Signals) => {
  if (exiting) return;
  exiting = true;
  child.kill(signal);
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
