import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { io as connect } from "socket.io-client";
import { DEMO_PASSWORD, signIn } from "../helpers/accounts";

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

  const name = `most_nodes_${process.pid}`;
  let admin: postgres.Sql;
  let dbUrl: string;
  let nodes: ChildProcess[] = [];
  let healthy: { instance: string; database: { migrations: number } }[] = [];
  let a: string;
  let b: string;

  test.beforeAll(async () => {
    // Two processes migrating and seeding one database on two shared cores can take a while.
    test.setTimeout(150_000);
    admin = postgres(Object.assign(new URL(url!), { pathname: "/postgres" }).toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    dbUrl = Object.assign(new URL(url!), { pathname: `/${name}` }).toString();
    const ports = [await freePort(), await freePort()];
    [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    nodes = ports.map((port) =>
      spawn(process.execPath, ["server/index.ts"], {
        env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: dbUrl, DEMO_SEED: "always", LOG_LEVEL: "warn", MOST_TEST_MODE: "1" },
        stdio: "inherit",
      }),
    );
    healthy = await Promise.all(
      ports.map(async (port) => {
        const deadline = Date.now() + 120_000;
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
  });

  test.afterAll(async () => {
    for (const node of nodes) node.kill("SIGTERM");
    await Promise.all(nodes.map((n) => new Promise((r) => (n.exitCode !== null ? r(null) : n.once("exit", r)))));
    if (admin) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });

  test("start together on an empty database, both come up, and an event written through one reaches a socket on the other", async () => {
    expect(healthy[0]!.instance).not.toBe(healthy[1]!.instance);
    expect(healthy[0]!.database.migrations).toBe(healthy[1]!.database.migrations);
    const client = postgres(dbUrl, { max: 1 });
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from regions`;
    await client.end();
    expect(row!.n).toBe(5);
    for (const base of [a, b]) expect((await fetch(`${base}/`)).status).toBe(200);

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
  });

  test("a thread page on each node: presence and typing cross through the adapter, and a reply posted on one reaches the reader on the other", async ({ browser }) => {
    test.setTimeout(90_000);
    const client = postgres(dbUrl, { max: 1 });
    const [thread] = await client<{ id: string }[]>`select t.id from threads t join communities c on c.id = t.owner_id where c.slug = 'formiruyushchee-otsenivanie' order by t.created_at limit 1`;
    await client.end();
    const open = async (base: string, email: string) => {
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await signIn(page, email, DEMO_PASSWORD);
      await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
      await page.goto(`/threads/${thread!.id}`);
      await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "open");
      return page;
    };
    const author = await open(a, "shestakova@most.example");
    const reader = await open(b, "prokhorova@most.example");
    await expect(author.getByText("Сейчас читают: 2 человека")).toBeVisible({ timeout: 15_000 });
    await expect(author.getByRole("list", { name: "Сейчас читают" }).getByText("Елена Прохорова")).toBeAttached();

    await reader.getByLabel("Текст ответа", { exact: true }).click();
    const editor = reader.getByRole("textbox", { name: "Текст ответа", exact: true });
    await expect(editor).toHaveAttribute("contenteditable", "true");
    await editor.fill("Отвечаю с другого узла");
    await expect(author.getByText("Елена Прохорова печатает…")).toBeVisible();

    const text = `С узла A ${Date.now().toString(36)}`;
    await author.getByLabel("Текст ответа", { exact: true }).click();
    await author.getByRole("textbox", { name: "Текст ответа", exact: true }).fill(text);
    await author.getByRole("button", { name: "Ответить" }).click();
    await expect(author.getByRole("status").filter({ hasText: "Ответ отправлен." })).toBeVisible({ timeout: 15_000 });
    await expect(author.getByRole("list", { name: "Сообщения" }).getByText(text)).toHaveCount(1, { timeout: 15_000 });
    await expect(reader.getByRole("list", { name: "Сообщения" }).getByText(text)).toHaveCount(1, { timeout: 15_000 });

    await reader.context().close();
    await expect(author.getByText("Сейчас читают: 1 человек")).toBeVisible({ timeout: 15_000 });
    await author.context().close();
  });
});
