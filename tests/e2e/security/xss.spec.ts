import { expect, test } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, linkIn, readMail, signIn, uniqueEmail } from "../helpers/accounts";

/** A few payloads of the public XSS corpora; every text field added by an issue joins this list. */
const PAYLOADS = [`<img src=x onerror="window.__xss=1">`, `"><script>window.__xss=1</script>`, `<svg onload=window.__xss=1>`];

test("text fields (a person's name, a role-change reason) render as text and execute nothing", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  const name = `Тест ${PAYLOADS[0]}`;
  const email = uniqueEmail("xss");
  await page.goto("/register");
  await page.getByLabel("Имя и фамилия").fill(name);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill("Кедры-и-сосны-77");
  await page.getByLabel("Пароль ещё раз").fill("Кедры-и-сосны-77");
  await page.getByLabel(/согласие на обработку/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await page.goto(linkIn(await readMail(browser, email, "Подтвердите адрес"), "/confirm-email"));
  await page.getByRole("button", { name: "Подтвердить адрес" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const coordinator = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const cp = await coordinator.newPage();
  await signIn(cp, "coordinator.krasnodar@most.example", DEMO_PASSWORD);
  await expect(cp.getByRole("button", { name: "Выйти" })).toBeVisible();
  await cp.goto("/directory/requests");
  await expect(cp.getByRole("heading", { level: 1 })).toHaveText("Заявки и роли");
  await cp.getByLabel("Электронная почта зарегистрированного человека").fill(email);
  await cp.getByLabel("Основание", { exact: true }).fill(`Приказ ${PAYLOADS[1]} ${PAYLOADS[2]}`);
  await cp.getByRole("button", { name: "Назначить", exact: true }).click();
  const log = cp.getByRole("region", { name: "Журнал изменений ролей" });
  await expect(log).toContainText(`Основание: Приказ ${PAYLOADS[1]} ${PAYLOADS[2]}`);
  await expect(log).toContainText(name);
  expect(await cp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await cp.locator("main img, main svg[onload]").count()).toBe(0);
  await context.close();
  await coordinator.close();
});
