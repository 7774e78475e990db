import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the production build in test mode on a free port, on PostgreSQL when DATABASE_URL is set
 * (the database must already hold the demo data) or on a fresh PGlite folder with demo data.
 */
export async function startBenchServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchServer> {
  if (!fs.existsSync(`${process.env.BUILD_DIR ?? "build"}/server/index.js`)) throw new Error("Run `npm run build` first");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-bench-"));
  const child = spawn(process.execPath, ["server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", MOST_TEST_MODE: "1", LOG_LEVEL: "error", PGLITE_DIR: path.join(dir, "pglite"), ...extraEnv },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("bench server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment of a bench server with demo data: a fresh PostgreSQL database `name` beside
 * `url` when one is given (dropped by `drop()`), the embedded database otherwise.
 */
export async function benchDatabase(url: string | undefined, name: string): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { TRUST_PROXY: "loopback", DEMO_SEED: "always" };
  if (!url) return { env, drop: async () => {} };
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  env.DATABASE_URL = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return {
    env,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
