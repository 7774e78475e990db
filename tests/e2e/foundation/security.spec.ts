import { expect, test } from "@playwright/test";

test.describe("security baseline", () => {
  test("every page carries a strict CSP with a nonce and the other headers @smoke", async ({ request }) => {
    for (const path of ["/", "/no-such-page", "/preferences/time-zone"]) {
      const response = await request.get(path);
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  test("no inline script runs without the nonce (the page loads with no CSP violation)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });

  test("a cross-origin POST gets 403, and so does a POST without Origin", async ({ request, baseURL }) => {
    const foreign = await request.post("/preferences/time-zone", {
      headers: { Origin: "https://evil.example" },
      form: { timeZone: "Asia/Chita", source: "chosen" },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("Запрос отклонён");
    const missing = await request.post("/preferences/time-zone", { form: { timeZone: "Asia/Chita" }, maxRedirects: 0 });
    expect(missing.status()).toBe(403);
    const same = await request.post("/preferences/time-zone", {
      headers: { Origin: new URL(baseURL!).origin },
      form: { timeZone: "Asia/Chita", source: "chosen" },
      maxRedirects: 0,
    });
    expect(same.status()).toBe(302);
  });

  test("a same-origin form posted with JavaScript disabled succeeds", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Изменить" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Часовой пояс");
    await page.getByLabel("Показывать время по поясу").selectOption("Asia/Chita");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText("выбранный вами часовой пояс")).toBeVisible();
    await expect(page.locator("footer strong")).toHaveText("МСК+6, Чита");
    await context.close();
  });

  test("with JavaScript the browser's zone is used and the page says so", async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "Asia/Irkutsk" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByText("часовой пояс вашего браузера")).toBeVisible();
    await expect(page.locator("footer strong")).toHaveText("МСК+5, Иркутск");
    await context.close();
  });

  test("oversized bodies are refused with 413", async ({ request, baseURL }) => {
    const response = await request.post("/preferences/time-zone", {
      headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/x-www-form-urlencoded" },
      data: "timeZone=" + "x".repeat(2 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
  });
});
