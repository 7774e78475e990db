import { describe, expect, it } from "vitest";
import { createSystemClock, createTestClock } from "./clock.ts";

describe("the business clock", () => {
  it("test clock starts where asked, ticks with real time and moves on request", async () => {
    const start = new Date("2026-04-19T01:00:00Z");
    const clock = createTestClock(start, 20);
    try {
      await new Promise((r) => setTimeout(r, 120));
      const ticked = clock.now().getTime() - start.getTime();
      expect(ticked).toBeGreaterThanOrEqual(40);
      expect(ticked).toBeLessThan(5_000);
      const before = clock.now().getTime();
      const after = await clock.advance(24 * 3600 * 1000);
      expect(after.getTime() - before).toBeGreaterThanOrEqual(24 * 3600 * 1000);
      expect(after.getTime() - before).toBeLessThan(24 * 3600 * 1000 + 5_000);
      const set = await clock.set(new Date("2027-01-01T00:00:00Z"));
      expect(set.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    } finally {
      clock.close();
    }
  });

  it("the system clock follows real time and cannot be moved", async () => {
    const clock = createSystemClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    await expect(clock.advance(1000)).rejects.toThrow(/cannot be moved/);
  });
});
