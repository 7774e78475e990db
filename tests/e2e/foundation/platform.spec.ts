import { expect, test } from "@playwright/test";

test.describe("platform", () => {
  test("GET /healthz reports the database @smoke", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database.status).toBe("ok");
    expect(["pglite", "postgres"]).toContain(body.database.engine);
    expect(body.database.migrations).toBeGreaterThan(0);
  });
});
