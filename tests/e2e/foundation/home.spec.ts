import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, noJsPage } from "../helpers/pages";

test.describe("home page", () => {
  test("serves the Russian home page with demo data @smoke", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мост между школами");
    const regions = page.getByRole("region", { name: "Регионы" }).getByRole("heading", { level: 3 });
    await expect(regions).toHaveCount(5);
    await expect(page.getByText(/МСК\+6, Чита/).first()).toBeVisible();
    await expect(page.getByText(/МСК\+5, Улан-Удэ/).first()).toBeVisible();
  });

  test("regions are in Russian alphabetical order", async ({ page }) => {
    await page.goto("/");
    const names = await page.getByRole("region", { name: "Регионы" }).getByRole("heading", { level: 3 }).allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "ru")));
    expect(names[0]).toBe("Забайкальский край");
  });

  test("works with JavaScript disabled", async ({ browser }) => {
    const { page, close } = await noJsPage(browser);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мост между школами");
    await expect(page.getByText("московское время (JavaScript выключен или пояс не выбран)")).toBeVisible();
    await close();
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    for (const path of ["/", "/preferences/time-zone", "/no-such-page", "/login", "/register", "/forgot-password", "/legal/personal-data"]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
  });

  test("fits a 360 px wide phone without horizontal scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("an unexpected error gets a Russian 500 page that reveals nothing", async ({ page }) => {
    const response = await page.goto("/__test/error");
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Что-то пошло не так");
    expect(await page.content()).not.toContain("secret detail");
  });

  test("unknown addresses get a Russian 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
    await expect(page).toHaveTitle(/Страница не найдена/);
  });
});
