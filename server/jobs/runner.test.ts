import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { createTestClock, type BusinessClock } from "../clock.ts";
import { createLogger } from "../log.ts";
import { createJobRunner, type JobRunner } from "./runner.ts";

describe("the job runner on this engine", () => {
  let handle: DatabaseHandle & { url?: string };
  let clock: BusinessClock;
  let jobs: JobRunner;
  beforeAll(async () => {
    handle = await createTestDatabase();
    clock = createTestClock(new Date("2026-11-24T08:00:00Z"));
    jobs = createJobRunner({ handle, url: handle.url, clock, log: createLogger("silent") });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop({ graceful: false, timeout: 2000 });
    clock.close();
    await handle.close();
  });

  it("runs a job scheduled for later once, when the business clock passes its time", async () => {
    const seen: string[] = [];
    await jobs.createQueue("probe");
    await jobs.work<{ label: string }>("probe", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      seen.push(job!.data.label);
    });
    const startAfter = new Date(clock.now().getTime() + 3600_000);
    await jobs.send("probe", { label: "через час" }, { startAfter });
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toEqual([]);
    await clock.advance(2 * 3600_000);
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toEqual(["через час"]);
  });
});
