import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { enqueueMail } from "./queues.ts";

async function until(fn: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("jobs and the mail outbox", () => {
  let handle: DatabaseHandle & { url?: string };
  let services: TestServices;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await services?.stop();
    await handle.close();
  });

  const outboxFor = (to: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));

  it("a job enqueued in a rolled-back transaction never runs", async () => {
    services = await createTestServices(handle);
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueMail(tx, services, { to: "rollback@school.example", template: "probe", data: { note: "не должно уйти" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await new Promise((r) => setTimeout(r, 2500));
    expect(await outboxFor("rollback@school.example")).toEqual([]);
  });

  it("a mail scheduled for later lands in the outbox once, after the clock passes its time", async () => {
    const startAfter = new Date(services.clock.now().getTime() + 3600_000);
    await handle.db.transaction((tx) => enqueueMail(tx, services, { to: "later@school.example", template: "probe", data: { note: "через час" } }, { startAfter }));
    await new Promise((r) => setTimeout(r, 2500));
    expect(await outboxFor("later@school.example")).toEqual([]);
    await services.clock.advance(2 * 3600_000);
    await until(async () => (await outboxFor("later@school.example")).length > 0);
    await new Promise((r) => setTimeout(r, 2000));
    const mails = await outboxFor("later@school.example");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Проверка почты «Моста»");
    expect(mails[0]!.text).toContain("через час");
    expect(mails[0]!.html).toContain("<p>через час</p>");
  });

  it("a job waiting while no worker runs is done once after a restart, and not again after another", async () => {
    await services.stop();
    const paused = await createTestServices(handle, { runJobs: false });
    await handle.db.transaction((tx) => enqueueMail(tx, paused, { to: "restart@school.example", template: "probe", data: { note: "после перезапуска" } }));
    await paused.stop();
    services = await createTestServices(handle);
    await until(async () => (await outboxFor("restart@school.example")).length > 0);
    await services.stop();
    services = await createTestServices(handle);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await outboxFor("restart@school.example")).toHaveLength(1);
  });

  it("enqueues inside an open transaction without waiting on the root connection", { timeout: 5000 }, async () => {
    // On PGlite (one connection) a send through the root client would wait for this very
    // transaction to end: a deadlock the timeout turns into a failure.
    await handle.db.transaction(async (tx) => {
      await enqueueMail(tx, services, { to: "tx@school.example", template: "probe", data: { note: "в транзакции" } });
      await enqueueMail(tx, services, { to: "tx@school.example", template: "probe", data: { note: "ещё одно" } });
    });
    await until(async () => (await outboxFor("tx@school.example")).length === 2, 4000);
  });

  it("escapes what a template puts into HTML", async () => {
    await handle.db.transaction((tx) => enqueueMail(tx, services, { to: "xss@school.example", template: "probe", data: { note: '<img src=x onerror="alert(1)">' } }));
    await until(async () => (await outboxFor("xss@school.example")).length > 0);
    const [mail] = await outboxFor("xss@school.example");
    expect(mail!.html).not.toContain("<img");
    expect(mail!.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
