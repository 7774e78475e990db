import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";
import { ADMIN, DEMO_PASSWORD, clientIp } from "../helpers/accounts";
import { routePatterns, walkRoutes } from "../helpers/route-walk";

/** The headers quality.md asks of every response, page or file. */
function expectSecurityHeaders(response: APIResponse, where: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, where).toContain(directive);
  expect(csp, where).not.toContain("unsafe-inline");
  // Fetch reads the first value of a list (file routes set nosniff themselves too: "nosniff, nosniff").
  expect(headers["x-content-type-options"]?.split(",")[0]?.trim(), where).toBe("nosniff");
  // Browsers apply the last policy of a list: pages whose address carries a token (the unsubscribe
  // link, the calendar feed) add `no-referrer` after the site-wide one, which is stricter.
  const policies = (headers["referrer-policy"] ?? "").split(",").map((p) => p.trim());
  expect(policies[0], where).toBe("strict-origin-when-cross-origin");
  expect(["strict-origin-when-cross-origin", "no-referrer"], where).toContain(policies.at(-1));
}

/** Every cookie the app sets: a __Host- name, HttpOnly, Secure, SameSite=Lax, no Domain. */
function expectStrictCookies(response: APIResponse, where: string) {
  for (const header of response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")) {
    const attributes = header.value.split(";").map((a) => a.trim().toLowerCase());
    expect(header.value, where).toMatch(/^__Host-/);
    expect(attributes, `${where}: ${header.value}`).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(attributes.some((a) => a.startsWith("domain=")), where).toBe(false);
  }
}

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

  test("every route of app/routes.ts, pages and files alike, carries the headers; every cookie is strict", async ({ baseURL }) => {
    test.setTimeout(240_000);
    const origin = new URL(baseURL!).origin;
    const ip = clientIp();
    const guest = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": ip } });
    const login = await guest.post("/login", { headers: { Origin: origin }, form: { email: ADMIN, password: DEMO_PASSWORD, returnTo: "/" }, maxRedirects: 0 });
    expect(login.status()).toBe(302);
    expectStrictCookies(login, "sign-in");
    const zone = await guest.post("/preferences/time-zone", { headers: { Origin: origin }, form: { timeZone: "Asia/Chita", source: "chosen" }, maxRedirects: 0 });
    expectStrictCookies(zone, "time-zone choice");
    const session = /__Host-most-session=[^;]+/.exec(login.headers()["set-cookie"] ?? "")![0];
    const admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": ip, Cookie: session } });
    try {
      const visited = await walkRoutes(admin);
      expect(visited.map((v) => v.pattern).sort()).toEqual([...new Set(routePatterns())].sort());
      for (const v of visited) {
        expectSecurityHeaders(v.response, `${v.pattern} (${v.url}, ${v.response.status()})`);
        expectStrictCookies(v.response, v.url);
      }
      // The walk really reached the file downloads and the error pages, not only placeholders.
      const types = visited.filter((v) => v.response.ok()).map((v) => (v.response.headers()["content-type"] ?? "").split(";")[0]);
      for (const type of ["text/html", "text/calendar", "application/json"]) expect(types).toContain(type);
      expect(types.some((t) => /spreadsheet|csv|pdf/.test(t!))).toBe(true);
      const failing = await admin.get("/__test/error");
      expect(failing.status()).toBe(500);
      expectSecurityHeaders(failing, "500 page");
      console.log(`headers checked on ${visited.length} routes (${visited.filter((v) => !v.synthetic).length} reached by links; placeholders: ${visited.filter((v) => v.synthetic).map((v) => v.pattern).join(", ") || "none"})`);
    } finally {
      await admin.dispose();
      await guest.dispose();
    }
  });

  test("static files carry nosniff and a CSP that runs nothing", async ({ request }) => {
    const page = await (await request.get("/")).text();
    const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(page)![1]!;
    for (const path of [asset, "/favicon.svg"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers()["content-security-policy"], path).toContain("default-src 'none'");
      expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
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
