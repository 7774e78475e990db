/**
 * `npm run dev`: a loader reads the database from the context, and editing a db/schema file keeps
 * the site working on the same database and socket server (no second instance after a reload).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out: ${String(lastError)}`);
}

const schemaFile = path.resolve("db/schema/directory.ts");

describe.skipIf(process.env.DATABASE_URL)("the development server", () => {
  let child: ChildProcess;
  let base: string;
  let output = "";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-dev-"));
  const original = fs.readFileSync(schemaFile, "utf8");

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["--conditions=development", "server/index.ts"], {
      env: { ...process.env, NODE_ENV: "development", PORT: String(port), HOST: "127.0.0.1", HMR_PORT: String(await freePort()), PGLITE_DIR: path.join(dir, "pglite"), LOG_LEVEL: "warn", MOST_TEST_MODE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 90_000);
  }, 120_000);

  afterAll(async () => {
    fs.writeFileSync(schemaFile, original);
    if (child.exitCode === null) {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const instance = async () => ((await (await fetch(`${base}/healthz`)).json()) as { instance: string }).instance;
  const handshake = async () =>
    (await fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: base } })).status;

  it("serves the home page from the database through the context", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Мост между школами");
    expect(html).toContain("Забайкальский край");
  });

  it("keeps one database and one socket server when a schema file is edited", async () => {
    const before = await instance();
    expect(await handshake()).toBe(200);
    fs.writeFileSync(schemaFile, `${original}\n// dev reload probe\n`);
    await new Promise((r) => setTimeout(r, 1500));
    const res = await waitFor(async () => {
      const r = await fetch(`${base}/`);
      return r.status === 200 ? r : undefined;
    }, 30_000);
    expect(await res.text()).toContain("Забайкальский край");
    fs.writeFileSync(schemaFile, original);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(await instance()).toBe(before);
    expect(await handshake()).toBe(200);
    expect(output).not.toMatch(/already open in process/);
  });

  it("has no test-only endpoints outside test mode", async () => {
    expect((await fetch(`${base}/__test/clock`)).status).toBe(404);
    expect((await fetch(`${base}/__test/error`)).status).toBe(404);
  });

  it("releases the embedded database when stopped with SIGTERM", async () => {
    const lock = path.join(dir, "pglite", "most.pid");
    expect(fs.existsSync(lock)).toBe(true);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    // In development React Router's dev plugin (exit-hook) exits with 128+15 on SIGTERM; the
    // production server's graceful exit (code 0) is checked by tests/e2e/foundation/shutdown.spec.ts.
    expect([0, 143]).toContain(await exited);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
