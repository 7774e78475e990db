import { expect, test } from "@playwright/test";
import { clientIp, gotoHydrated, linkIn, readMail, registerAndConfirm, signIn, uniqueEmail } from "../helpers/accounts";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });

test.describe("accounts", () => {
  test("register, consent, confirm by the mailed link, sign out, sign in @smoke", async ({ page, browser }) => {
    const email = uniqueEmail("reg");
    await gotoHydrated(page, "/register");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    // Often the first action of the run on a freshly started server under the full parallel load: give it time.
    await expect(page.getByText("Без согласия на обработку персональных данных зарегистрироваться нельзя.")).toBeVisible({ timeout: 20_000 });
    await page.getByLabel("Пароль", { exact: true }).fill("qwerty123");
    await page.getByLabel("Пароль ещё раз").fill("qwerty123");
    await page.getByLabel("Имя и фамилия").fill("Ольга Тестова");
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel(/согласие на обработку/).check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByText(/Этот пароль слишком распространён/)).toBeVisible();

    await registerAndConfirm(page, browser, email, "Сосны-над-Читой-7");
    await expect(page.getByRole("link", { name: "Ольга Тестова" })).toBeVisible();
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
    await signIn(page, email, "не тот пароль");
    await expect(page.getByText("Неверный адрес или пароль.")).toBeVisible();
    await signIn(page, email, "Сосны-над-Читой-7");
    await expect(page.getByRole("link", { name: "Ольга Тестова" })).toBeVisible();
  });

  test("password reset by a single-use link", async ({ page, browser }) => {
    const email = uniqueEmail("reset");
    await registerAndConfirm(page, browser, email, "Старый-пароль-Тверь");
    await page.getByRole("button", { name: "Выйти" }).click();
    await page.goto("/forgot-password");
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByRole("button", { name: "Отправить ссылку" }).click();
    await expect(page.getByText(`Если адрес ${email} зарегистрирован`)).toBeVisible();
    const link = linkIn(await readMail(browser, email, "Восстановление пароля"), "/reset-password");
    await page.goto(link);
    await page.getByLabel("Новый пароль", { exact: true }).fill("Новый-пароль-Тверь");
    await page.getByLabel("Новый пароль ещё раз").fill("Новый-пароль-Тверь");
    await page.getByRole("button", { name: "Сохранить пароль" }).click();
    await expect(page.getByText("Новый пароль сохранён")).toBeVisible();
    await page.goto(link);
    await expect(page.getByText(/Ссылка недействительна/)).toBeVisible();
  });

  test("ending another session signs that browser out and drops its socket", async ({ page, browser }) => {
    const email = uniqueEmail("sessions");
    const password = "Две-сессии-Улан-Удэ";
    await registerAndConfirm(page, browser, email, password);
    const other = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() }, userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36" });
    const second = await other.newPage();
    await signIn(second, email, password);
    await expect(second.getByRole("link", { name: "Ольга Тестова" })).toBeVisible();
    await second.goto(`/__test/stream/sess${Date.now()}`);
    await expect(second.locator("[data-connection]")).toHaveAttribute("data-connection", "open");

    await page.goto("/account/sessions");
    const windows = page.getByRole("article").filter({ hasText: "Chrome 156, Windows" });
    await expect(windows).toHaveCount(1);
    await windows.getByRole("button", { name: /Завершить/ }).click();
    await expect(page.getByRole("article").filter({ hasText: "Chrome 156, Windows" })).toHaveCount(0);

    await expect(second.locator("[data-connection]")).toHaveAttribute("data-connection", "offline", { timeout: 10_000 });
    await second.goto("/account");
    await expect(second).toHaveURL(/\/login\?returnTo=%2Faccount/);
    await other.close();
  });

  test("registration and sign-in work with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
    const page = await context.newPage();
    const email = uniqueEmail("nojs");
    await page.goto("/register");
    await page.getByLabel("Имя и фамилия").fill("Пётр Без-Скриптов");
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Пароль", { exact: true }).fill("Тайга-без-скриптов-1");
    await page.getByLabel("Пароль ещё раз").fill("Тайга-без-скриптов-1");
    await page.getByLabel(/согласие на обработку/).check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте почту");
    const mail = await readMail(browser, email, "Подтвердите адрес");
    const code = /\b(\d{6})\b/.exec(mail)![1]!;
    await page.getByLabel("Код из письма").fill(code);
    await page.getByRole("button", { name: "Подтвердить" }).click();
    await expect(page.getByText("Адрес подтверждён, вы вошли")).toBeVisible();
    await page.getByRole("button", { name: "Выйти" }).click();
    await signIn(page, email, "Тайга-без-скриптов-1");
    await expect(page.getByRole("link", { name: "Пётр Без-Скриптов" })).toBeVisible();
    await context.close();
  });
});
