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

test("a profile's bio and name render as text on the profile and in the people directory", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await signIn(page, "tutor@most.example", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await page.goto("/account/profile");
  const name = `Павел ${PAYLOADS[2]}`;
  await page.getByLabel("Имя и фамилия").fill(name);
  await page.getByRole("textbox", { name: "О себе" }).fill(PAYLOADS.join("\n"));
  const pub = page.getByRole("group", { name: "Показывать всем" });
  await pub.getByLabel("Имя").check();
  await pub.getByLabel("О себе").check();
  await page.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(page.getByText("Профиль сохранён.")).toBeVisible();
  const guest = await browser.newContext();
  const gp = await guest.newPage();
  gp.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await gp.goto("/people?q=" + encodeURIComponent("Павел"));
  await expect(gp.getByRole("link", { name })).toBeVisible();
  await gp.getByRole("link", { name }).click();
  await expect(gp.locator('[data-field="bio"] dd')).toHaveText(PAYLOADS.join("\n"));
  expect(await gp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await gp.locator("main script, main img[onerror], main svg").count()).toBe(0);
  await context.close();
  await guest.close();
});

test("a practice's title, summary and body render as text on its page and in the author's list", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await signIn(page, "teacher.russian@most.example", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await page.goto("/library/new");
  const token = `xsslib${Date.now().toString(36)}`;
  const title = `Практика ${token} ${PAYLOADS[0]}`;
  await page.getByLabel("Название").fill(title);
  await page.getByLabel("Краткое описание").fill(`Описание ${PAYLOADS[1]} ${PAYLOADS[2]}`);
  await page.getByLabel("Описание практики", { exact: true }).click();
  const editor = page.getByRole("textbox", { name: "Описание практики", exact: true });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.fill(`Текст практики ${PAYLOADS.join(" ")}`);
  await page.getByRole("group", { name: "Предметы и направления" }).getByLabel("Русский язык и литература").check();
  await page.getByRole("group", { name: "Классы" }).getByLabel("5–9 классы").check();
  await page.getByRole("group", { name: "Темы" }).getByLabel("Функциональная грамотность").check();
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByText("Черновик сохранён.")).toBeVisible();
  await page.goto(new URL(page.url()).pathname.replace(/\/edit$/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(`Описание ${PAYLOADS[1]} ${PAYLOADS[2]}`)).toBeVisible();
  await expect(page.getByText(`Текст практики ${PAYLOADS.join(" ")}`)).toBeVisible();
  await page.goto("/library/mine");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("main script, main img[onerror], main svg").count()).toBe(0);
  // The author finds her own draft by search, on the page and in the instant box: still inert.
  await expect
    .poll(
      async () => {
        await page.goto(`/search?q=${token}`);
        return page.getByRole("main").getByRole("link", { name: title }).count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  expect(await page.locator("main script, main img[onerror], main svg").count()).toBe(0);
  const box = page.getByRole("combobox", { name: "Поиск по платформе" });
  await box.fill(token);
  await expect(page.getByRole("option").filter({ hasText: token }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("header img, header svg[onload], header [onerror], header script:not([nonce])").count()).toBe(0);
  await context.close();
});

test("a plan's activity, report and evidence render as text on the plan, the activity and the quarterly report; a javascript: link is refused", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await signIn(page, "coordinator.buryatia@most.example", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await page.goto("/organisations");
  await page.getByLabel("Регион").selectOption({ label: "Республика Бурятия" });
  await page.getByRole("button", { name: "Показать" }).click();
  await page.getByRole("region", { name: "Планы региона" }).getByRole("link", { name: "Создать план" }).click();
  await page.getByLabel("Шаблон").selectOption({ label: "Пустой план" });
  await page.getByLabel("Название плана").fill(`План ${PAYLOADS[1]}`);
  await page.getByRole("button", { name: "Создать план" }).click();
  await expect(page.getByText("План создан.")).toBeVisible();
  const title = `Семинар ${PAYLOADS[0]}`;
  await page.getByLabel("Мероприятие", { exact: true }).fill(title);
  await page.getByLabel("Срок, как в плане").fill("в течение года");
  await page.getByLabel("Ответственный (организации, должности)").fill(PAYLOADS[2]!);
  await page.getByLabel("Ожидаемый результат").fill(PAYLOADS[1]!);
  await page.getByRole("button", { name: "Добавить мероприятие" }).click();
  await expect(page.getByText("Добавлено.")).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Фактический результат (отметка о выполнении)").fill(PAYLOADS.join("\n"));
  await page.getByRole("button", { name: "Сохранить отчёт" }).click();
  await expect(page.getByTestId("actual-result")).toHaveText(PAYLOADS.join("\n"));
  await page.getByLabel("Ссылка на материал").fill("javascript:window.__xss=1");
  await page.getByRole("button", { name: "Добавить материал" }).click();
  await expect(page.getByText(/Ссылка должна начинаться с https:\/\//)).toBeVisible();
  await page.getByLabel("Ссылка на материал").fill("https://school.example/report");
  await page.getByLabel("Название материала").fill(PAYLOADS[2]!);
  await page.getByRole("button", { name: "Добавить материал" }).click();
  await expect(page.getByTestId("evidence").getByRole("link", { name: PAYLOADS[2]! })).toBeVisible();
  const planPath = new URL(page.url()).pathname.replace(/\/items\/.*$/, "");
  for (const path of [planPath, `${planPath}/report`]) {
    await page.goto(path);
    await expect(page.getByText(PAYLOADS[2]!).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("main script, main img[onerror], main svg[onload]").count()).toBe(0);
  }
  await context.close();
});

test("a community's name and description, edited by its owner, render as text on its page and in the catalogue", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await signIn(page, "coordinator.chita@most.example", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  const name = `РМО ${PAYLOADS[1]} ${Date.now()}`;
  await page.goto("/communities/new");
  await page.getByLabel("Название").fill(name);
  await page.getByLabel("Описание").fill("Районное методическое объединение: заседания, открытые уроки, разбор задач.");
  await page.getByLabel("Предмет (для предметного)").selectOption({ label: "Физика" });
  await page.getByLabel("Муниципальное (РМО)").check();
  await page.getByLabel("Муниципалитет (для РМО)").selectOption({ label: "Нерчинский район" });
  await page.getByRole("button", { name: "Создать сообщество" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const slug = new URL(page.url()).pathname;
  const description = `Описание ${PAYLOADS.join(" ")}`;
  await page.goto(`${slug}/members`);
  await page.getByLabel("Описание сообщества").fill(description);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Описание и доступ сохранены.")).toBeVisible();

  const guest = await browser.newContext();
  const gp = await guest.newPage();
  gp.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  await gp.goto(slug);
  await expect(gp.getByText(description)).toBeVisible();
  await gp.goto("/communities?q=" + encodeURIComponent("РМО"));
  await expect(gp.getByText(name).first()).toBeVisible();
  expect(await gp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await gp.locator("main script, main img[onerror], main svg").count()).toBe(0);
  await context.close();
  await guest.close();
});
