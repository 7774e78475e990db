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

/** Opens a page with JavaScript on and waits until React has hydrated it (root sets `data-hydrated`). */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Registers through the form, confirms by the mailed link and lands signed in. */
export async function registerAndConfirm(page: Page, browser: Browser, email: string, password: string, name = "Ольга Тестова") {
  await gotoHydrated(page, "/register");
  await page.getByLabel("Имя и фамилия").fill(name);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByLabel("Пароль ещё раз").fill(password);
  await page.getByLabel(/согласие на обработку персональных данных/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте почту");
  await expect(page.getByText(`Мы отправили письмо на ${email}`)).toBeVisible();
  const mail = await readMail(browser, email, "Подтвердите адрес");
  await page.goto(linkIn(mail, "/confirm-email"));
  await page.getByRole("button", { name: "Подтвердить адрес" }).click();
  await expect(page.getByText("Адрес подтверждён, вы вошли")).toBeVisible();
}
