/**
 * The production server of the ops tests: the build in `build/` (or BUILD_DIR) on a fresh
 * PostgreSQL database of its own with the demo data, test mode on, on a free port (or OPS_PORT).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { adminUrl, databaseUrl } from "../setup/database.ts";
import { freePort } from "../bench/server.ts";

export interface OpsServer {
  base: string;
  child: ChildProcess;
  databaseUrl: string;
  filesDir: string;
  /** Lines the server wrote to stderr/stdout (JSON logs), for a failing test's message. */
  output: string[];
  stop(): Promise<void>;
}

/** Creates an empty database `name` on the server of `url` (dropping one left behind). */
export async function freshDatabase(url: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(url, name),
    async drop() {
      const again = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await again.end();
    },
  };
}

/** Waits until `GET /healthz` answers 200 (or throws after `ms`). */
export async function waitHealthy(base: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${base} did not become healthy in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the built server on a fresh database `most_ops_<label>_<pid>` with demo data. */
export async function startOpsServer(label: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<OpsServer> {
  const buildDir = process.env.BUILD_DIR ?? "build";
  if (!fs.existsSync(`${buildDir}/server/index.js`)) throw new Error(`No production build in ${buildDir}/: run \`npm run build\` first`);
  const db = await freshDatabase(process.env.DATABASE_URL!, `most_ops_${label}_${process.pid}`);
  const port = Number(process.env.OPS_PORT ?? (await freePort()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `most-ops-${label}-`));
  const filesDir = path.join(dir, "files");
  const output: string[] = [];
  const child = spawn(process.execPath, ["server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      DEMO_SEED: "always",
      MOST_TEST_MODE: "1",
      TRUST_PROXY: "loopback",
      LOG_LEVEL: process.env.OPS_LOG_LEVEL ?? "warn",
      PGLITE_DIR: path.join(dir, "pglite"),
      FILES_DIR: filesDir,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line.slice(0, 2000));
    if (output.length > 5000) output.splice(0, output.length - 5000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was healthy:\n${output.slice(-30).join("\n")}`))));
  exited.catch(() => {}); // after start, an exit is the test's business, not an unhandled rejection
  await Promise.race([waitHealthy(base), exited]);
  return {
    base,
    child,
    databaseUrl: db.url,
    filesDir,
    output,
    async stop() {
      // The server's log stays for a look after a failure.
      fs.mkdirSync(".cache", { recursive: true });
      fs.writeFileSync(path.join(".cache", `ops-${label}-server.log`), output.join("\n"));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
