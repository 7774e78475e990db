import { expect, test } from "@playwright/test";

test.describe("jobs and mail", () => {
  test("the outbox is not readable by a guest", async ({ page }) => {
    const response = await page.goto("/admin/outbox");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  });
});
