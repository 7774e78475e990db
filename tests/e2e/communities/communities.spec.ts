import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { io } from "socket.io-client";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";
import { expectNoSeriousA11yViolations, noJsPage } from "../helpers/pages";

const ADMIN = "admin@most.example";
const CLUB = "/communities/klub-direktorov";
const CLUB_THREAD = "Как мы выстроили работу со школой-партнёром";

async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** Subscribes to a stream over a socket carrying the context's session cookie; returns the ack. */
async function subscribeAs(context: BrowserContext, baseURL: string, stream: string) {
  const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = new URL(baseURL).origin;
  const socket = io(origin, { path: "/socket.io", transports: ["websocket"], extraHeaders: { Origin: origin, Cookie: cookie }, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return (await socket.timeout(5000).emitWithAck("stream:subscribe", { stream, after: 0 })) as { ok: boolean; error?: string };
  } finally {
    socket.close();
  }
}

test.describe("communities", () => {
  // Several sign-ins per journey (argon2 on a shared, often busy machine).
  test.describe.configure({ timeout: 180_000 });

  test("a teacher finds a community in the catalogue, joins it and starts a thread", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "teacher.physics@most.example");
    await page.getByRole("navigation").getByRole("link", { name: "Сообщества" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Сетевые сообщества");
    await page.getByLabel("Тема").selectOption({ label: "Формирующее оценивание" });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page.getByText("Найдено: 1 сообщество")).toBeVisible();
    await page.getByRole("link", { name: "Формирующее оценивание" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Формирующее оценивание");
    await expect(page.getByText("Начать тему или ответить могут участники сообщества.")).toBeVisible();

    await page.getByRole("button", { name: "Вступить" }).click();
    await expect(page.getByText("Вы вступили в сообщество.")).toBeVisible();
    await expect(page.getByText("Вы участник этого сообщества.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Someone else has the community open: the new thread reaches them without a reload.
    const watcherContext = await browser.newContext();
    const watcher = await watcherContext.newPage();
    await watcher.goto("/communities/formiruyushchee-otsenivanie");
    await expect(watcher.getByRole("heading", { name: "Обсуждения" })).toBeVisible();
    await watcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const title = `Самооценка на уроках физики ${Date.now()}`;
    await page.getByLabel("Тема", { exact: true }).fill(title);
    await page.getByLabel("Первое сообщение").click();
    const editor = page.getByRole("textbox", { name: "Первое сообщение" });
    await expect(editor).toHaveAttribute("contenteditable", "true", { timeout: 30_000 });
    await editor.pressSequentially("Как вы организуете самооценку после лабораторной работы? Делюсь листом с критериями.");
    await page.getByRole("button", { name: "Начать обсуждение" }).click();
    await expect(page).toHaveURL(/\/threads\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

    await expect(watcher.getByRole("link", { name: title })).toBeVisible({ timeout: 30_000 });
    expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await watcherContext.close();

    await page.goto("/communities/formiruyushchee-otsenivanie");
    const first = page.getByRole("list", { name: "Темы" }).getByRole("listitem").first();
    await expect(first).toContainText(title);
    await expect(first).toContainText("Дмитрий Ершов");
    await expect(first).toContainText("0 ответов");
    await context.close();
  });

  test("a guest on a 360 px screen browses the catalogue and reads an open community", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto("/communities?sort=members");
    await expect(page.getByText(/^Найдено: \d+ сообществ/)).toBeVisible();
    await expect(page.getByLabel("Только мои сообщества")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: "Учителя математики Забайкальского края" }).click();
    await expect(page.getByRole("list", { name: "Темы" }).getByRole("listitem").first()).toContainText("закреплено");
    await expect(page.getByRole("button", { name: "Вступить" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Войдите" })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test("a coordinator creates a municipal community (РМО) inside their region only", async ({ browser }) => {
    const tula = await signedIn(browser, "coordinator.tula@most.example");
    await tula.page.goto("/communities/new");
    await expect(tula.page.getByLabel("Регион (для регионального)").locator("option")).toHaveText(["—", "Тульская область"]);
    await tula.context.close();

    const { context, page } = await signedIn(browser, "coordinator.chita@most.example");
    await page.goto("/communities");
    await page.getByRole("link", { name: "Создать сообщество" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новое сообщество");
    await expectNoSeriousA11yViolations(page);
    await expect(page.getByLabel("Межрегиональное")).toHaveCount(0);
    await page.getByRole("button", { name: "Создать сообщество" }).click();
    await expect(page.getByText("Название — не короче 5 символов.")).toBeVisible();
    const name = `РМО учителей физики Нерчинского района ${Date.now()}`;
    await page.getByLabel("Название").fill(name);
    await page.getByLabel("Описание").fill("Районное методическое объединение учителей физики: заседания, открытые уроки, подготовка к ОГЭ.");
    await page.getByLabel("Предмет (для предметного)").selectOption({ label: "Физика" });
    await page.getByLabel("Муниципальное (РМО)").check();
    await page.getByLabel("Муниципалитет (для РМО)").selectOption({ label: "Нерчинский район" });
    await page.getByRole("button", { name: "Создать сообщество" }).click();
    await expect(page.getByText("Сообщество создано. Вы — его руководитель.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText("Муниципальное (РМО) · Нерчинский район, Забайкальский край · 1 участник")).toBeVisible();
    await expect(page.getByText("Вы руководитель этого сообщества.")).toBeVisible();

    // The owner rewrites the description and closes the community from the members page.
    const slug = new URL(page.url()).pathname;
    await page.goto(`${slug}/members`);
    const settings = page.getByRole("region", { name: "Описание и доступ" });
    await settings.getByLabel("Описание сообщества").fill("Только для учителей физики района: планы заседаний и разбор трудных задач ОГЭ.");
    await settings.getByLabel("Закрытое: вступление по заявке").check();
    await settings.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByText("Описание и доступ сохранены.")).toBeVisible();
    await page.goto(slug);
    await expect(page.getByText("Только для учителей физики района")).toBeVisible();
    await expect(page.getByText("закрытое", { exact: true })).toBeVisible();
    await context.close();
  });

  test("closed community: a non-member asks to join without JavaScript, a moderator accepts", async ({ browser }) => {
    const applicant = await noJsPage(browser);
    const page = applicant.page;
    await signIn(page, "teacher.russian@most.example", DEMO_PASSWORD);
    await page.goto(CLUB);
    await expect(page.getByRole("heading", { name: "Обсуждения видны только участникам" })).toBeVisible();
    await expect(page.getByText(CLUB_THREAD)).toHaveCount(0);
    await page.getByLabel("Сообщение модераторам (необязательно)").fill("Учитель русского языка, хочу перенять опыт управления");
    await page.getByRole("button", { name: "Подать заявку" }).click();
    await expect(page.getByText("Заявка отправлена модераторам сообщества.")).toBeVisible();
    await expect(page.getByText(/Заявка отправлена\. Модераторы рассмотрят её/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Отозвать заявку" })).toBeVisible();
    expect((await page.goto(`${CLUB}/members`))!.status()).toBe(404);

    const moderator = await signedIn(browser, ADMIN);
    await moderator.page.goto(`${CLUB}/members`);
    const request = moderator.page.getByRole("listitem").filter({ hasText: "Анна Белова" });
    await expect(request).toContainText("Учитель русского языка, хочу перенять опыт управления");
    await moderator.page.getByRole("button", { name: "Принять: Анна Белова" }).click();
    await expect(moderator.page.getByText("Заявка принята.")).toBeVisible();
    await expect(moderator.page.getByRole("list").getByText("Анна Белова")).toBeVisible();
    await expectNoSeriousA11yViolations(moderator.page);

    await page.goto(CLUB);
    await expect(page.getByText("Вы участник этого сообщества.")).toBeVisible();
    await expect(page.getByRole("link", { name: CLUB_THREAD })).toBeVisible();
    await moderator.context.close();
    await applicant.close();
  });

  test("a closed community's threads stay invisible to a non-member over HTTP and sockets", async ({ browser, baseURL }) => {
    const admin = await signedIn(browser, ADMIN);
    await admin.page.goto(CLUB);
    const href = await admin.page.getByRole("link", { name: CLUB_THREAD }).getAttribute("href");
    const threadId = href!.split("/").at(-1)!;
    expect(await subscribeAs(admin.context, baseURL!, `thread:${threadId}`)).toMatchObject({ ok: true });

    const outsider = await signedIn(browser, "teacher.primary@most.example");
    const response = await outsider.page.goto(`/threads/${threadId}`);
    expect([403, 404]).toContain(response!.status());
    await expect(outsider.page.getByText(CLUB_THREAD)).toHaveCount(0);
    expect(await subscribeAs(outsider.context, baseURL!, `thread:${threadId}`)).toMatchObject({ ok: false });

    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    expect((await guestPage.goto(`/threads/${threadId}`))!.status()).toBe(404);
    const page = await guestPage.goto(CLUB);
    expect(await page!.text()).not.toContain(CLUB_THREAD);
    await guest.close();
    await outsider.context.close();
    await admin.context.close();
  });
});
