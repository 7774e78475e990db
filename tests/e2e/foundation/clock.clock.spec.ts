import { expect, test } from "@playwright/test";

test.describe("business clock", () => {
  test("the test-only clock endpoint moves business time inside the server", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const before = new Date((await (await request.get("/__test/clock")).json()).now).getTime();
    const moved = await request.post("/__test/clock", { headers: { Origin: origin }, data: { advanceMs: 3 * 24 * 3600 * 1000 } });
    expect(moved.status()).toBe(200);
    const after = new Date((await moved.json()).now).getTime();
    expect(after - before).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    expect(after - before).toBeLessThan(3 * 24 * 3600 * 1000 + 60_000);
    const bad = await request.post("/__test/clock", { headers: { Origin: origin }, data: { advanceMs: "soon" } });
    expect(bad.status()).toBe(400);
  });
});
