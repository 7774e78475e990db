import { expect, test, type Page } from "@playwright/test";
import { ADMIN, clientIp, registerAndConfirm, signIn, uniqueEmail } from "../helpers/accounts";
import { advanceClock, expectNoSeriousA11yViolations, noJsPage } from "../helpers/pages";
import { COMMUNITY, personPage, PEOPLE, startThread, unique, writeRich } from "../discussions/helpers";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REPLIES = "Ответы в моих обсуждениях и цитаты моих сообщений";

async function serverNow(page: Page): Promise<Date> {
  return new Date(((await (await page.request.get("/__test/clock")).json()) as { now: string }).now);
}

/** The next 08:00 in Moscow (UTC+3, no daylight saving) after an instant. */
function nextMoscowMorning(after: Date): Date {
  const day = Math.floor(after.getTime() / DAY) * DAY;
  const today = day + 5 * 60 * MINUTE; // 05:00 UTC = 08:00 МСК
  return new Date(today > after.getTime() ? today : today + DAY);
}

/** The admin's outbox articles to an address that contain a text. */
async function outboxArticles(admin: Page, to: string, text: string) {
  await admin.goto("/admin/outbox");
  return admin.getByRole("article").filter({ hasText: to }).filter({ hasText: text });
}

test("a reply lights the bell live, waits for the morning digest, and the digest's link unsubscribes without signing in", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("digest");
  const password = "Сводка-пароль-2026";
  const aContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const a = await aContext.newPage();
  await registerAndConfirm(a, browser, email, password, "Дарья Сводкина");

  // Settings without JavaScript: replies go to the daily digest.
  const noJs = await noJsPage(browser);
  await signIn(noJs.page, email, password);
  await noJs.page.goto("/account/notifications");
  await expect(noJs.page.getByRole("heading", { level: 1 })).toHaveText("Настройки уведомлений");
  await expect(noJs.page.getByText("Сводка приходит в 08:00 по вашему времени (МСК)")).toBeVisible();
  const replies = noJs.page.getByRole("group", { name: REPLIES });
  await expect(replies.getByRole("radio", { name: "Сразу" })).toBeChecked();
  await replies.getByRole("radio", { name: "В ежедневной сводке" }).check();
  await noJs.page.getByRole("button", { name: "Сохранить настройки" }).click();
  await expect(noJs.page.getByText("Настройки сохранены.")).toBeVisible();
  await expect(noJs.page.getByRole("group", { name: REPLIES }).getByRole("radio", { name: "В ежедневной сводке" })).toBeChecked();
  await noJs.close();
  await a.goto("/account/notifications");
  await expectNoSeriousA11yViolations(a);

  // A starts a thread in an open community.
  await a.goto(COMMUNITY);
  await a.getByRole("button", { name: "Вступить" }).click();
  await expect(a.getByText("Вы вступили в сообщество.")).toBeVisible();
  const title = unique("Сводка: листы самооценки");
  const thread = await startThread(a, title, "Какие листы самооценки работают в пятом классе?");
  await a.goto("/notifications");
  const bell = a.getByRole("link", { name: /^Уведомления:/ });
  await a.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(bell).toHaveAttribute("data-unread", "0");
  await a.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // B replies; A's bell lights without a reload.
  const b = await personPage(browser, PEOPLE.reader);
  await b.goto(thread);
  const replyText = unique("Пробовали лист с тремя критериями");
  await writeRich(b, "Текст ответа", replyText);
  await b.getByRole("button", { name: "Ответить" }).click();
  await expect(b.getByRole("list", { name: "Сообщения" }).getByText(replyText)).toBeVisible();
  await expect(bell).toHaveAttribute("data-unread", "1", { timeout: 15_000 });
  expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // No single mail about the reply.
  const admin = await personPage(browser, ADMIN);
  await new Promise((r) => setTimeout(r, 3000));
  await expect(await outboxArticles(admin, email, "отвечает в обсуждении")).toHaveCount(0);

  // The business clock passes A's next 08:00 (Moscow: no profile zone, no organisation).
  const now = await serverNow(admin);
  const morning = nextMoscowMorning(new Date(now.getTime() + 2 * MINUTE));
  await advanceClock(admin, baseURL, morning.getTime() + 5 * MINUTE - now.getTime());
  await expect.poll(async () => (await outboxArticles(admin, email, "Сводка «Моста»")).count(), { timeout: 30_000 }).toBe(1);
  const digest = (await outboxArticles(admin, email, "Сводка «Моста»")).first();
  await expect(digest.getByRole("heading")).toHaveText("Сводка «Моста»: 1 уведомление");
  const text = await digest.locator("pre").innerText();
  expect(text).toContain(`отвечает в обсуждении «${title}» — «${replyText}»`);
  // Exactly one: the sweep keeps running, nothing more arrives.
  await new Promise((r) => setTimeout(r, 4000));
  await expect(await outboxArticles(admin, email, "Сводка «Моста»")).toHaveCount(1);

  // The mail's link, in a fresh context that never signed in.
  const kindLink = new RegExp(`Больше не присылать письма: «${REPLIES}»:\\n(\\S+)`).exec(text)?.[1];
  const allLink = /Отписаться от всех писем-уведомлений «Моста»:\n(\S+)/.exec(text)?.[1];
  expect(kindLink).toMatch(/\/unsubscribe\?token=[\w-]+\.[\w-]+$/);
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(new URL(kindLink!, baseURL).pathname + new URL(kindLink!, baseURL).search);
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText("Отписка от писем «Моста»");
  await expect(guest.getByText(`Больше не присылать на почту письма: «${REPLIES}».`)).toBeVisible();
  await expect(guest.getByRole("button", { name: "Выйти" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(guest);
  await guest.getByRole("button", { name: "Отписаться" }).click();
  await expect(guest.getByText(`Готово: письма «${REPLIES}» больше не придут.`)).toBeVisible();

  await a.goto("/account/notifications");
  await expect(a.getByRole("group", { name: REPLIES }).getByRole("radio", { name: "Не присылать" })).toBeChecked();
  await expect(a.getByRole("group", { name: "Упоминания меня в обсуждениях" }).getByRole("radio", { name: "Сразу" })).toBeChecked();

  // A mail client's one-click (RFC 8058) comes from outside the site: the signed token alone authorises it.
  const allUrl = new URL(allLink!, baseURL);
  const oneClick = await guest.request.post(allUrl.pathname + allUrl.search, { form: { "List-Unsubscribe": "One-Click" }, headers: { Origin: "https://mail.example" } });
  expect(oneClick.status()).toBe(200);
  await a.goto("/account/notifications");
  await expect(a.getByRole("group", { name: "Упоминания меня в обсуждениях" }).getByRole("radio", { name: "Не присылать" })).toBeChecked();

  // A forged link is refused with a clear message.
  const [body, signature] = allUrl.searchParams.get("token")!.split(".");
  const forged = await guest.goto(`/unsubscribe?token=${body}.${signature![0] === "A" ? "B" : "A"}${signature!.slice(1)}`);
  expect(forged?.status()).toBe(400);
  await expect(guest.getByText("Ссылка для отписки повреждена или не настоящая")).toBeVisible();

  for (const c of [aContext, guestContext, b.context(), admin.context()]) await c.close();
});
