import { eq, like } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { defineJob, enqueue, enqueueMail, registerJobs } from "./queues.ts";

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

  it("a backlog of a hundred mails drains in seconds, not at one mail per polling interval", async () => {
    // A hundred registrations queue a hundred notices at once (the fault test's burst); a mail
    // queued behind them (a password reset) must not wait for a hundred polls.
    if (!services) services = await createTestServices(handle);
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < 100; i++) await enqueueMail(tx, services, { to: `burst${i}@school.example`, template: "probe", data: { note: `письмо ${i}` } });
    });
    await handle.db.transaction((tx) => enqueueMail(tx, services, { to: "after-burst@school.example", template: "probe", data: { note: "после очереди" } }));
    const t0 = Date.now();
    await until(async () => (await outboxFor("after-burst@school.example")).length > 0, 20_000);
    const burst = await handle.db.select({ id: mailOutbox.id }).from(mailOutbox).where(like(mailOutbox.to, "burst%@school.example"));
    expect(burst).toHaveLength(100);
    // At one job per 1 s poll this is 100 s; batches fetched back to back take a few.
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it("a job of a batch that fails is retried alone; the others of its batch complete", async () => {
    if (!services) services = await createTestServices(handle);
    const ran: string[] = [];
    const probe = defineJob({
      name: "test.batch-probe",
      schema: z.object({ n: z.number().int() }),
      options: { retryLimit: 1, retryDelay: 1 },
      batchSize: 5,
      async run({ n }) {
        ran.push(String(n));
        if (n === 2 && ran.filter((x) => x === "2").length === 1) throw new Error("first attempt of 2 fails");
      },
    });
    await registerJobs(services, [probe]);
    await handle.db.transaction(async (tx) => {
      for (let n = 0; n < 5; n++) await enqueue(tx, services, probe, { n });
    });
    await until(async () => ran.filter((x) => x === "2").length === 2, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    // Each job ran once, and 2 twice: its failure did not send the rest of its batch round again.
    expect([...ran].sort()).toEqual(["0", "1", "2", "2", "3", "4"]);
    const states = await services.jobs.findJobs("test.batch-probe");
    expect(states.map((j) => j.state).sort()).toEqual(["completed", "completed", "completed", "completed", "completed"]);
  });
});
