import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, registerAndConfirm, signIn, uniqueEmail } from "../helpers/accounts";
import { expectNoSeriousA11yViolations, noJsPage } from "../helpers/pages";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });

const PASSWORD = "Сосны-над-Читой-7";

/** The data-field blocks a profile page shows, in page order. */
const shownFields = (page: Page) => page.locator("[data-field]").evaluateAll((els) => els.map((e) => e.getAttribute("data-field")));

test("a teacher fills her card, opens two fields, is found by what she can help with, exports her data and deletes her account @smoke", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("profile");
  const name = `Вероника Карточкина ${Date.now() % 100000}`;
  await registerAndConfirm(page, browser, email, PASSWORD, name);

  await page.goto("/account/profile");
  await page.getByRole("combobox", { name: "Должность" }).selectOption("учитель");
  await page.getByRole("combobox", { name: "Организация" }).selectOption({ label: "МОУ СОШ № 2 г. Шилки" });
  await page.getByRole("group", { name: "Предметы" }).getByLabel("Математика").check();
  await page.getByRole("group", { name: "Классы" }).getByLabel("7", { exact: true }).check();
  await page.getByLabel("Педагогический стаж, лет").fill("7");
  await page.getByRole("group", { name: "Могу помочь с" }).getByLabel("Образовательная и воспитательная среда школы").check();
  await page.getByRole("group", { name: "Нужна помощь с" }).getByLabel("Инклюзивное образование").check();
  await page.getByRole("textbox", { name: "О себе" }).fill("Учу геометрии через проекты.");
  const pub = page.getByRole("group", { name: "Показывать всем" });
  await pub.getByLabel("Имя").check();
  await pub.getByLabel("Могу помочь с").check();
  await page.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(page.getByText("Профиль сохранён.")).toBeVisible();

  await page.getByRole("link", { name: "Как меня видят другие" }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const profileUrl = new URL(page.url()).pathname;
  // The owner sees everything and is told what is public.
  await expect(page.getByText("Все видят только: Имя, Могу помочь с.")).toBeVisible();
  expect(await shownFields(page)).toEqual(["position", "organisation", "experience", "subjects", "grades", "canHelp", "needsHelp", "bio"]);

  // A guest and a signed-in stranger see exactly the two public fields.
  const guest = await browser.newContext();
  const gp = await guest.newPage();
  await gp.goto(profileUrl);
  await expect(gp.getByRole("heading", { level: 1 })).toHaveText(name);
  expect(await shownFields(gp)).toEqual(["canHelp"]);
  await expect(gp.getByText("Образовательная и воспитательная среда школы")).toBeVisible();
  await expect(gp.getByText("Учу геометрии")).toHaveCount(0);
  await expect(gp.getByText("Инклюзивное образование")).toHaveCount(0);
  const stranger = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const sp = await stranger.newPage();
  await signIn(sp, "teacher.math@most.example", DEMO_PASSWORD);
  await expect(sp.getByRole("button", { name: "Выйти" })).toBeVisible();
  await sp.goto(profileUrl);
  expect(await shownFields(sp)).toEqual(["canHelp"]);

  // The directory finds her by what she can help with, and shows nothing private.
  await gp.goto("/people");
  await gp.getByLabel("Может помочь с").selectOption({ label: "Образовательная и воспитательная среда школы" });
  await gp.getByRole("button", { name: "Показать" }).click();
  const card = gp.getByRole("article").filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card).not.toContainText("учитель");
  await expect(card).not.toContainText("Математика");
  await gp.goto("/people?needsHelp=inclusive");
  await expect(gp.getByRole("article").filter({ hasText: name })).toHaveCount(0);

  // Export: the JSON file holds her consent records.
  await page.goto("/account/data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать полные данные (JSON)" }).click()]);
  const exported = JSON.parse(await fs.readFile((await download.path())!, "utf8"));
  expect(exported.account.email).toBe(email);
  const docs = exported.consents.map((c: { document: string; fields: string[] | null }) => [c.document, c.fields]);
  expect(docs).toEqual([
    ["personal_data_processing", null],
    ["public_profile", ["name", "canHelp"]],
  ]);
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать понятный отчёт (HTML)" }).click()]);
  expect(await fs.readFile((await report.path())!, "utf8")).toContain("Согласие на распространение персональных данных");

  // Deletion: the name is gone from every page and she can no longer sign in.
  await page.getByLabel("Пароль").fill(PASSWORD);
  await page.getByLabel("Я понимаю, что восстановить учётную запись будет нельзя").check();
  await page.getByRole("button", { name: "Удалить учётную запись" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Учётная запись удалена");
  await expect(page.getByRole("button", { name: "Выйти" })).toHaveCount(0);
  const gone = await gp.goto(profileUrl);
  expect(gone?.status()).toBe(404);
  await gp.goto("/people?canHelp=school-climate");
  await expect(gp.getByText(name)).toHaveCount(0);
  await sp.goto("/people");
  await expect(sp.getByText(name)).toHaveCount(0);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Неверный адрес или пароль.")).toBeVisible();
  await guest.close();
  await stranger.close();
});

test("the profile and the people directory work without JavaScript and pass axe", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const { page: nojs, close } = await noJsPage(browser);
  try {
    await nojs.setExtraHTTPHeaders({ "X-Forwarded-For": clientIp() });
    await signIn(nojs, "teacher.russian@most.example", DEMO_PASSWORD);
    await expect(nojs.getByRole("button", { name: "Выйти" })).toBeVisible();
    await nojs.goto("/account/profile");
    await nojs.getByLabel("Педагогический стаж, лет").fill("4");
    await nojs.getByRole("group", { name: "Показывать всем" }).getByLabel("Стаж").check();
    await nojs.getByRole("button", { name: "Сохранить профиль" }).click();
    await expect(nojs.getByText("Профиль сохранён.")).toBeVisible();
    await nojs.goto("/people");
    await nojs.getByLabel("Нужна помощь с").selectOption("low-achievers");
    await nojs.getByRole("button", { name: "Показать" }).click();
    const card = nojs.getByRole("article").filter({ hasText: "Анна Белова" });
    await expect(card).toBeVisible();
    await card.getByRole("link", { name: "Анна Белова" }).click();
    await expect(nojs.locator('[data-field="experience"]')).toHaveText("Стаж: 4 года");
  } finally {
    await close();
  }
  // Validation speaks Russian next to the field.
  await signIn(page, "teacher.physics@most.example", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await page.goto("/account/profile");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Педагогический стаж, лет").fill("двадцать");
  await page.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(page.getByText("Стаж — целое число лет.")).toBeVisible();
  await page.goto("/people");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("article").filter({ hasText: "Дмитрий Ершов" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Дмитрий Ершов");
  await expectNoSeriousA11yViolations(page);
});
