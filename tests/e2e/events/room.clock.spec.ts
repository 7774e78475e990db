import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText } from "../../../app/features/search/extract.server";
import { advanceClock, expectNoSeriousA11yViolations } from "../helpers/pages";
import { gotoHydrated } from "../helpers/accounts";
import { chitaWall, createEvent, MOSCOW_TEACHERS, ORGANISER, serverNow, signedIn } from "./helpers";

const HOUR = 3_600_000;

test("the live room: a question asked and upvoted live, answered by the moderator; check-in by code; a verifiable certificate for the attendee only", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // The organiser works without JavaScript: every room form posts.
  const organiser = await signedIn(browser, ORGANISER, { javaScriptEnabled: false });
  const now = await serverNow(organiser.page);
  // A two-hour webinar starting on a whole hour about two hours ahead, within the Chita day.
  let start = new Date(Math.ceil((now.getTime() + 2 * HOUR) / HOUR) * HOUR);
  while (Number(chitaWall(start).slice(11, 13)) >= 21 || Number(chitaWall(start).slice(11, 13)) < 6) start = new Date(start.getTime() + HOUR);
  const wall = chitaWall(start);
  const title = `Вебинар с комнатой ${Date.now()}`;
  const id = await createEvent(organiser.page, { title, capacity: 10, days: [{ date: wall.slice(0, 10), start: wall.slice(11), end: chitaWall(new Date(start.getTime() + 2 * HOUR)).slice(11) }] });

  const asker = await signedIn(browser, MOSCOW_TEACHERS[0]);
  const voter = await signedIn(browser, MOSCOW_TEACHERS[1]);
  const absent = await signedIn(browser, MOSCOW_TEACHERS[2]);
  for (const t of [asker, voter, absent]) {
    await t.page.goto(`/events/${id}`);
    await t.page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(t.page.getByTestId("my-registration")).toHaveText("Вы зарегистрированы");
  }
  await asker.page.getByRole("link", { name: "Комната мероприятия" }).click();
  await expect(asker.page.getByTestId("join-later")).toBeVisible();
  await expect(asker.page.getByTestId("join-link")).toHaveCount(0);

  // Ten minutes into the webinar.
  await advanceClock(asker.page, baseURL, start.getTime() + 10 * 60_000 - (await serverNow(asker.page)).getTime());
  for (const p of [asker, voter]) await p.page.goto(`/events/${id}/room`);
  await expect(asker.page.getByTestId("join-link")).toHaveAttribute("href", "https://webinar.example/iro-chita");

  // Asked in one browser, it appears in another without a reload, and the vote comes back live.
  const question = "Как организовать взаимооценивание в 5 классе?";
  await asker.page.getByLabel("Ваш вопрос").fill(question);
  await asker.page.getByRole("button", { name: "Задать вопрос" }).click();
  await expect(asker.page.getByText("Вопрос отправлен.")).toBeVisible();
  const seenByVoter = voter.page.getByTestId("room-question").filter({ hasText: question });
  await expect(seenByVoter).toBeVisible({ timeout: 15_000 });
  await seenByVoter.getByRole("button", { name: /Поддержать/ }).click();
  await expect(voter.page.getByText("Вы поддержали этот вопрос")).toBeVisible();
  const seenByAsker = asker.page.getByTestId("room-question").filter({ hasText: question });
  await expect(seenByAsker.getByTestId("question-votes")).toHaveText("1 голос", { timeout: 15_000 });

  // The moderator marks it answered; the participants see it live.
  await organiser.page.goto(`/events/${id}/room`);
  const seenByOrganiser = organiser.page.getByTestId("room-question").filter({ hasText: question });
  await expect(seenByOrganiser).toBeVisible({ timeout: 15_000 });
  await seenByOrganiser.getByRole("button", { name: /Отметить как отвеченный/ }).click();
  await expect(seenByAsker.getByTestId("question-answered")).toHaveText("Отвечен", { timeout: 15_000 });

  // The organiser opens the chat (a discussion thread of the event); a participant reaches it.
  await organiser.page.getByRole("button", { name: "Открыть чат для участников" }).click();
  await expect(organiser.page.getByText("Чат мероприятия открыт.")).toBeVisible();
  await voter.page.reload();
  await voter.page.getByRole("link", { name: "Открыть чат мероприятия" }).click();
  await expect(voter.page.getByRole("heading", { level: 1 })).toHaveText("Чат мероприятия");
  await absent.page.goto(new URL(voter.page.url()).pathname);
  await expect(absent.page.getByRole("heading", { level: 1 })).toHaveText("Чат мероприятия");

  // The organiser announces a code; the asker checks in with it (a wrong code is refused).
  await organiser.page.getByRole("button", { name: "Объявить код для отметки" }).click();
  const code = (await organiser.page.getByTestId("checkin-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  await asker.page.getByLabel("Код для отметки").fill(code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ");
  await asker.page.getByRole("button", { name: "Отметиться" }).click();
  await expect(asker.page.getByText("Код не подходит. Проверьте его у организатора.")).toBeVisible();
  await asker.page.getByLabel("Код для отметки").fill(code.toLowerCase());
  await asker.page.getByRole("button", { name: "Отметиться" }).click();
  await expect(asker.page.getByText("Вы отмечены на занятии.")).toBeVisible();
  await expect(asker.page.getByTestId("my-hours")).toHaveText("Засчитано: 2 часа");
  await expectNoSeriousA11yViolations(asker.page);

  // After the end: the attendee gets a certificate; the registered non-attendee gets none.
  await advanceClock(asker.page, baseURL, start.getTime() + 2 * HOUR + 5 * 60_000 - (await serverNow(asker.page)).getTime());
  await absent.page.goto(`/events/${id}/room`);
  await expect(absent.page.getByTestId("no-certificate")).toBeVisible();
  await expect(absent.page.getByRole("button", { name: "Получить сертификат" })).toHaveCount(0);
  const refused = await absent.page.request.post(`/events/${id}/room`, { form: { intent: "certificate" }, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);

  await asker.page.goto(`/events/${id}/room`);
  await asker.page.getByRole("button", { name: "Получить сертификат" }).click();
  await expect(asker.page.getByText("Сертификат готов.")).toBeVisible();
  const downloading = asker.page.waitForEvent("download");
  await asker.page.getByRole("link", { name: "Скачать сертификат (PDF)" }).click();
  const pdf = await readFile((await (await downloading).path())!);
  const text = await extractText("pdf", pdf);
  expect(text.status).toBe("done");
  const flat = text.text.replace(/\s+/g, " ");
  for (const expected of ["СЕРТИФИКАТ УЧАСТНИКА", "Елена Прохорова", `«${title}»`, "Объём: 2 часа", "Организатор: "]) expect(flat).toContain(expected);
  expect(flat).toMatch(/Организатор: [^\n]*Забайкальского края/);
  const printed = /Код сертификата: ([0-9A-Z]{20})/.exec(flat)?.[1];
  expect(printed).toBeTruthy();

  // The printed code leads a guest to the verification page, which states only the certificate.
  await asker.page.getByRole("link", { name: "Страница проверки сертификата" }).click();
  await expect(asker.page).toHaveURL(new RegExp(`/certificates/${printed}$`));
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  // Typed once the page has hydrated (earlier, hydration may reset the field).
  await gotoHydrated(guestPage, "/certificates");
  await guestPage.getByLabel("Код сертификата").fill(printed!);
  await guestPage.getByRole("button", { name: "Проверить" }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/certificates/${printed}$`), { timeout: 20_000 });
  await expect(guestPage.getByText("Сертификат действителен")).toBeVisible();
  const facts = guestPage.getByTestId("certificate-facts");
  await expect(facts).toContainText("Елена Прохорова");
  await expect(facts).toContainText(title);
  await expect(facts).toContainText("2 часа");
  await expect(facts).not.toContainText("@");
  await expectNoSeriousA11yViolations(guestPage);

  // A forged code.
  const forged = printed!.slice(0, 19) + (printed!.endsWith("A") ? "B" : "A");
  const res = await guestPage.goto(`/certificates/${forged}`);
  expect(res?.status()).toBe(404);
  await expect(guestPage.getByTestId("certificate-not-found")).toHaveText("Сертификат не найден");
  for (const c of [organiser.context, asker.context, voter.context, absent.context, guest]) await c.close();
});
