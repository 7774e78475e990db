import { expect, test, type Browser, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";
import { expectNoSeriousA11yViolations } from "../helpers/pages";

// Accounts no other journey publishes with: a teacher of Гимназия № 59 (Улан-Удэ, Бурятия) and
// the Buryat regional expert, who works in no school, so never in the practice's organisation.
const AUTHOR = "teacher.physics@most.example";
const EXPERT = "expert.buryatia@most.example";
const SCHOOL = "Гимназия № 59 г. Улан-Удэ";

/** Short payloads of the shared corpus (the form's limits: title 200, summary 1 000 characters). */
// eslint-disable-next-line no-control-regex -- payloads with control characters cannot be typed into a field
const CORPUS = xssPayloads().filter((p) => p.length <= 90 && !/[\u0000-\u001f]/.test(p));
const TITLE_PAYLOAD = `<img src=x onerror="window.__xss=1">`;
const SUMMARY_PAYLOADS = CORPUS.slice(0, 8);
const BODY_PAYLOADS = CORPUS.slice(8, 48);

const noXss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
const failOnDialog = (page: Page) =>
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  failOnDialog(page);
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  return { context, page };
}

test("a published practice carrying the XSS corpus in its title, summary and body is found by a guest on the search page and in the instant box, and executes nothing", async ({ browser }) => {
  test.setTimeout(240_000);
  expect(BODY_PAYLOADS.length).toBeGreaterThan(20);
  const marker = `пракселит${Date.now().toString().slice(-6)}`;
  const title = `Практика ${marker} ${TITLE_PAYLOAD}`;
  const summary = `Краткое описание ${marker}: ${SUMMARY_PAYLOADS.join(" ")}`;
  const body = `Текст практики ${marker}: ${BODY_PAYLOADS.join(" ")}`;

  // The author writes the practice and submits it.
  const author = await signedIn(browser, AUTHOR);
  const a = author.page;
  await a.goto("/library/new");
  await a.getByLabel("Вид материала").selectOption({ label: "Лучшая практика" });
  await a.getByLabel("Название").fill(title);
  await a.getByLabel("Краткое описание").fill(summary);
  await a.getByLabel("Описание практики", { exact: true }).click();
  const editor = a.getByRole("textbox", { name: "Описание практики", exact: true });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.fill(body);
  await a.getByRole("group", { name: "Предметы и направления" }).getByLabel("Физика").check();
  await a.getByRole("group", { name: "Классы" }).getByLabel("5–9 классы").check();
  await a.getByRole("group", { name: "Темы" }).getByLabel("Функциональная грамотность").check();
  const organisation = a.getByLabel("Организация", { exact: true });
  await organisation.selectOption((await organisation.locator("option", { hasText: SCHOOL }).getAttribute("value"))!);
  await a.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(a.getByText("Черновик сохранён.")).toBeVisible();
  const practiceUrl = new URL(a.url()).pathname.replace(/\/edit$/, "");
  await a.getByRole("button", { name: "Отправить на экспертизу" }).click();
  await expect(a.getByText("Практика отправлена на экспертизу.")).toBeVisible();
  expect(await noXss(a)).toBeUndefined();

  // The region's expert takes it and accepts it with the rubric.
  const expert = await signedIn(browser, EXPERT);
  const e = expert.page;
  await e.goto(`${practiceUrl}/review`);
  await e.getByRole("button", { name: "Взять на экспертизу" }).click();
  await expect(e.getByText("Практика взята на экспертизу.")).toBeVisible();
  await expect(e.getByText(summary).first()).toBeVisible();
  for (const criterion of ["Соответствие задачам программы", "Подтверждённые результаты", "Воспроизводимость", "Полнота материалов"]) {
    await e.getByRole("radiogroup", { name: `${criterion}: оценка` }).getByLabel("5").check();
  }
  await e.getByRole("button", { name: "Принять и опубликовать" }).click();
  await expect(e.getByText("Практика принята и опубликована.")).toBeVisible();
  expect(await noXss(e)).toBeUndefined();
  await Promise.all([author.context.close(), expert.context.close()]);

  // A guest finds it on the search page once the sync has followed the publication.
  const guest = await browser.newContext();
  const g = await guest.newPage();
  failOnDialog(g);
  const link = () => g.getByRole("main").getByRole("link", { name: new RegExp(marker) });
  await expect(async () => {
    await g.goto(`/search?q=${encodeURIComponent(marker)}`);
    await expect(link()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(link()).toContainText(title);
  await expect(link()).toHaveAttribute("href", practiceUrl);
  // The snippet shows the payloads as text (found by the summary's or the body's words).
  await expect(g.getByRole("main")).toContainText(marker);
  await g.goto(`/search?q=${encodeURIComponent(`Текст практики ${marker}`)}`);
  await expect(link()).toBeVisible();
  expect(await noXss(g)).toBeUndefined();
  expect(await g.locator("main img, main svg[onload], main iframe, main object, main embed, main [onerror], main [onload], main [onmouseover], main script:not([nonce]), main a[href^='javascript:' i]").count()).toBe(0);
  await expectNoSeriousA11yViolations(g);

  // The instant box in the header: the option shows the title as text; keyboard to it and open it.
  const box = g.getByRole("combobox", { name: "Поиск по платформе" });
  await box.fill(marker);
  const option = g.getByRole("option", { name: new RegExp(`^Практика Практика ${marker}`) });
  await expect(option).toHaveCount(1);
  await expect(option).toContainText(TITLE_PAYLOAD);
  expect(await noXss(g)).toBeUndefined();
  expect(await g.locator("header img, header svg[onload], header [onerror], header [onload], header script:not([nonce])").count()).toBe(0);
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /opt-0$/);
  await box.press("Enter");
  await expect(g).toHaveURL(new RegExp(`${practiceUrl}$`));
  await expect(g.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await noXss(g)).toBeUndefined();
  await guest.close();
});
