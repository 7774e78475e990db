import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Мост-демо-2026";
export const ADMIN = "admin@most.example";

let counter = 0;
/** A fresh client address, so per-IP throttles of one test do not touch another. */
export const clientIp = () => `10.${(process.pid % 200) + 1}.${Math.floor(counter / 250) % 250}.${(counter++ % 250) + 1}`;
export const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@school.example`;

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** Reads the newest mail to an address through the admin's outbox page, as an administrator would. */
export async function readMail(browser: Browser, to: string, subject: string): Promise<string> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  try {
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await expect(page.getByRole("link", { name: "Почта" })).toBeVisible();
    let text = "";
    await expect
      .poll(
        async () => {
          await page.goto("/admin/outbox");
          const mail = page.getByRole("article").filter({ hasText: to }).filter({ hasText: subject }).first();
          text = (await mail.count()) ? await mail.locator("pre").innerText() : "";
          return text;
        },
        { timeout: 15_000 },
      )
      .not.toBe("");
    return text;
  } finally {
    await context.close();
  }
}

export const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=[a-z2-7]{32}`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
};
