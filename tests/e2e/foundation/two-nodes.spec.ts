import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { io as connect } from "socket.io-client";

const url = process.env.E2E_ENGINE === "pglite" ? undefined : process.env.DATABASE_URL;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

test.describe("two server processes on one PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!url, "needs DATABASE_URL (PostgreSQL)");

  test("start together on an empty database, both come up, and an event written through one reaches a socket on the other", async () => {
    test.setTimeout(90_000);
    const name = `most_nodes_${process.pid}`;
    const admin = postgres(Object.assign(new URL(url!), { pathname: "/postgres" }).toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    const dbUrl = Object.assign(new URL(url!), { pathname: `/${name}` }).toString();
    const ports = [await freePort(), await freePort()];
    const nodes: ChildProcess[] = ports.map((port) =>
      spawn(process.execPath, ["server/index.ts"], {
        env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: dbUrl, DEMO_SEED: "always", LOG_LEVEL: "warn", MOST_TEST_MODE: "1" },
        stdio: "inherit",
      }),
    );
    try {
      const healthy = await Promise.all(
        ports.map(async (port) => {
          const deadline = Date.now() + 60_000;
          while (Date.now() < deadline) {
            try {
              const res = await fetch(`http://127.0.0.1:${port}/healthz`);
              if (res.ok) return (await res.json()) as { instance: string; database: { migrations: number } };
            } catch {
              // not up yet
            }
            await new Promise((r) => setTimeout(r, 250));
          }
          throw new Error(`node on ${port} did not come up`);
        }),
      );
      expect(healthy[0]!.instance).not.toBe(healthy[1]!.instance);
      expect(healthy[0]!.database.migrations).toBe(healthy[1]!.database.migrations);
      const client = postgres(dbUrl, { max: 1 });
      const [row] = await client<{ n: number }[]>`select count(*)::int as n from regions`;
      await client.end();
      expect(row!.n).toBe(5);
      for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);

      const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
      const socket = connect(b, { path: "/socket.io", transports: ["websocket"], extraHeaders: { Origin: b }, reconnection: false });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const received: { seq: number; payload: { text: string } }[] = [];
        socket.on("stream:event", (e) => received.push(e));
        expect(await socket.emitWithAck("stream:subscribe", { stream: "test:cross", after: 0 })).toMatchObject({ ok: true });
        const written = await fetch(`${a}/__test/events`, {
          method: "POST",
          headers: { Origin: a, "Content-Type": "application/json" },
          body: JSON.stringify({ stream: "test:cross", type: "msg", payload: { text: "с другого узла" } }),
        });
        expect(written.status).toBe(200);
        await expect.poll(() => received.map((e) => e.payload.text), { timeout: 10_000 }).toEqual(["с другого узла"]);
      } finally {
        socket.close();
      }
    } finally {
      for (const node of nodes) node.kill("SIGTERM");
      await Promise.all(nodes.map((n) => new Promise((r) => (n.exitCode !== null ? r(null) : n.once("exit", r)))));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
