import { expect, test, type Browser, type Page } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";

async function as(browser: Browser, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  return { page, context };
}

async function openSchool(page: Page, name: string) {
  await page.goto(`/organisations?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return page.url();
}

test.describe("staff and school administrators", () => {
  test("a teacher asks to join a school, a coordinator of another region cannot confirm her, its administrator does", async ({ browser }) => {
    const teacher = await as(browser, "teacher.physics@most.example");
    const url = await openSchool(teacher.page, "МОУ СОШ № 2 г. Шилки");
    await teacher.page.getByLabel("Моя должность").selectOption("учитель");
    await teacher.page.getByRole("button", { name: "Я работаю здесь" }).click();
    await expect(teacher.page.getByText("Заявка отправлена администратору организации.")).toBeVisible();
    await expect(teacher.page.getByText("Ваша заявка ждёт подтверждения администратора.")).toBeVisible();

    const tula = await as(browser, "coordinator.tula@most.example");
    await tula.page.goto(url);
    await expect(tula.page.getByRole("heading", { name: "Заявки сотрудников" })).toHaveCount(0);
    const director = await as(browser, "director.shilka@most.example");
    await director.page.goto(url);
    const request = director.page.getByRole("region", { name: "Заявки сотрудников" }).getByRole("listitem").filter({ hasText: "Дмитрий Ершов" });
    const membershipId = await request.locator('input[name="membershipId"]').first().inputValue();
    const forged = await tula.page.request.post(url, {
      headers: { Origin: new URL(url).origin },
      form: { intent: "decide", membershipId, decision: "confirm" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);

    await request.getByRole("button", { name: "Подтвердить: Дмитрий Ершов" }).click();
    await expect(director.page.getByText("Решение сохранено.")).toBeVisible();
    await expect(director.page.getByText("Дмитрий Ершов — учитель")).toBeVisible();
    await teacher.page.reload();
    await expect(teacher.page.getByText("Вы в списке сотрудников (учитель).")).toBeVisible();
    for (const c of [teacher, tula, director]) await c.context.close();
  });

  test("a coordinator of the school's region confirms its administrator; the new role ends her sessions", async ({ browser }) => {
    const teacher = await as(browser, "teacher.primary@most.example");
    const url = await openSchool(teacher.page, "МОУ СОШ № 2 г. Шилки");
    await teacher.page.getByText("Я руковожу этой школой").click();
    await teacher.page.getByLabel("Основание").fill("Приказ МОУО № 77-к от 1 сентября 2026 г.");
    await teacher.page.getByRole("button", { name: "Запросить права администратора ОО" }).click();
    await expect(teacher.page.getByText("Заявка отправлена координатору")).toBeVisible();

    const tula = await as(browser, "coordinator.tula@most.example");
    await tula.page.goto("/directory/requests");
    await expect(tula.page.getByText("Светлана Никитина")).toHaveCount(0);

    const chita = await as(browser, "coordinator.chita@most.example");
    await chita.page.getByRole("link", { name: "Заявки" }).click();
    const item = chita.page.getByRole("listitem").filter({ hasText: "Светлана Никитина" });
    await item.getByLabel("Основание решения").fill("Приказ МОУО № 77-к проверен");
    await item.getByRole("button", { name: "Подтвердить" }).click();
    await expect(chita.page.getByText(/Светлана Никитина — назначен\(а\) администратор ОО \(МОУ СОШ № 2 г. Шилки\)/)).toBeVisible();

    await teacher.page.goto(url);
    await expect(teacher.page.getByRole("link", { name: "Войти" })).toBeVisible();
    await signIn(teacher.page, "teacher.primary@most.example", DEMO_PASSWORD);
    await teacher.page.goto(url);
    await expect(teacher.page.getByRole("button", { name: "Я руковожу этой школой" })).toHaveCount(0);
    for (const c of [teacher, tula, chita]) await c.context.close();
  });
});

test.describe("roles in a coordinator's scope", () => {
  test("a regional coordinator appoints an expert with a reason, sees it in the log, and withdraws it", async ({ browser }) => {
    const chita = await as(browser, "coordinator.chita@most.example");
    await chita.page.goto("/directory/requests");
    await expect(chita.page.getByRole("combobox", { name: "Роль" }).locator("option", { hasText: "Тульская" })).toHaveCount(0);
    await chita.page.getByLabel("Электронная почта зарегистрированного человека").fill("tutor@most.example");
    await chita.page.getByRole("combobox", { name: "Роль" }).selectOption({ label: "Эксперт — Забайкальский край" });
    await chita.page.getByLabel("Основание", { exact: true }).fill("Приказ ИРО № 45 от 2 ноября 2026 г.");
    await chita.page.getByRole("button", { name: "Назначить", exact: true }).click();
    const log = chita.page.getByRole("region", { name: "Журнал изменений ролей" });
    await expect(log.getByText(/Павел Кравцов — назначен\(а\) эксперт \(Забайкальский край\); решение: Марина Лебедева\. Основание: Приказ ИРО № 45/)).toBeVisible();
    const holder = chita.page.getByRole("region", { name: "Роли в вашей зоне" }).getByRole("listitem").filter({ hasText: "Павел Кравцов" });
    await holder.getByLabel("Основание снятия").fill("Срок полномочий истёк");
    await holder.getByRole("button", { name: /Снять роль/ }).click();
    await expect(log.getByText(/Павел Кравцов — снят\(а\) эксперт/)).toBeVisible();
    await chita.context.close();
  });
});
