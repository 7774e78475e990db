import { expect, test } from "@playwright/test";
import { formatEventRange, parseLocalDateTime } from "../../../app/utils/datetime";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { expectNoSeriousA11yViolations, noJsPage, originOf } from "../helpers/pages";
import { chitaDate, createEvent, MOSCOW_TEACHERS, ORGANISER, serverNow, signedIn } from "./helpers";

test.describe("events", () => {
  test("a Chita organiser's two-day seminar with 2 seats: Moscow times, a waitlist, a promotion with a notice, the .ics in UTC", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    // The organiser works without JavaScript: the form is plain HTML.
    const organiser = await signedIn(browser, ORGANISER, { javaScriptEnabled: false });
    const now = await serverNow(organiser.page);
    const days = [chitaDate(now, 10), chitaDate(now, 11)];
    const title = `Модели поддержки школ с низкими результатами ${Date.now()}`;
    const id = await createEvent(organiser.page, { title, capacity: 2, days: days.map((date) => ({ date, start: "10:00", end: "13:00" })) });
    await expect(organiser.page.getByTestId("event-seats")).toContainText("Свободно 2 места из 2");

    // What the product's formatter says for a Moscow viewer and the Chita organiser.
    const session = (date: string) => formatEventRange(parseLocalDateTime(`${date}T10:00`, "Asia/Chita"), parseLocalDateTime(`${date}T13:00`, "Asia/Chita"), { timeZone: "Europe/Moscow", city: "Москва" }, { timeZone: "Asia/Chita", city: "Чита" });
    expect(session(days[0]!)).toMatch(/, 04:00–07:00 \(МСК\) · у организатора 10:00–13:00 \(МСК\+6, Чита\)$/);

    const [first, second, third] = await Promise.all(MOSCOW_TEACHERS.map((email) => signedIn(browser, email)));
    await first!.page.goto(`/events/${id}`);
    const sessions = first!.page.getByTestId("event-sessions");
    await expect(sessions).toContainText(`День 1: ${session(days[0]!)}`);
    await expect(sessions).toContainText(`День 2: ${session(days[1]!)}`);
    await expect(first!.page.getByRole("main").getByText(/Время показано: МСК — часовой пояс вашего профиля/)).toBeVisible();
    await expectNoSeriousA11yViolations(first!.page);

    await first!.page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(first!.page.getByText("Вы зарегистрированы. Напомним")).toBeVisible();
    await expect(first!.page.getByText("https://webinar.example/iro-chita")).toBeVisible();
    await second!.page.goto(`/events/${id}`);
    await second!.page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(second!.page.getByTestId("my-registration")).toHaveText("Вы зарегистрированы");
    await third!.page.goto(`/events/${id}`);
    await expect(third!.page.getByTestId("event-seats")).toContainText("Все 2 места заняты");
    await third!.page.getByRole("button", { name: "Записаться в лист ожидания" }).click();
    await expect(third!.page.getByText("Свободных мест нет — вы в листе ожидания.")).toBeVisible();
    await expect(third!.page.getByTestId("my-registration")).toHaveText("Вы в листе ожидания (место в очереди: 1)");
    await expect(third!.page.getByText("https://webinar.example/iro-chita")).toHaveCount(0);

    await first!.page.getByRole("button", { name: "Отменить регистрацию" }).click();
    await expect(first!.page.getByText("Регистрация отменена.")).toBeVisible();

    await third!.page.goto("/notifications");
    await expect(third!.page.getByText(`Для вас освободилось место: «${title}»`)).toBeVisible();
    await third!.page.goto(`/events/${id}`);
    await expect(third!.page.getByTestId("my-registration")).toHaveText("Вы зарегистрированы");

    await organiser.page.goto(`/events/${id}/participants`);
    await expect(organiser.page.getByRole("heading", { level: 1 })).toHaveText("Участники");
    await expect(organiser.page.getByText("Зарегистрировано: 2 участника; в листе ожидания: 0 человек.")).toBeVisible();
    await expect(organiser.page.getByRole("table", { name: "Зарегистрированы" })).toContainText("из листа ожидания");
    const csv = await organiser.page.request.get(`/events/${id}/export?format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")).toHaveLength(3);
    const xlsx = await organiser.page.request.get(`/events/${id}/export?format=xlsx`);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
    expect((await third!.page.request.get(`/events/${id}/export?format=csv`)).status()).toBe(403);

    const ics = await (await third!.page.request.get(`/events/${id}/ics`)).text();
    const utc = (date: string) => `${date.replaceAll("-", "")}T010000Z`;
    expect(ics).toContain(`DTSTART:${utc(days[0]!)}`);
    expect(ics).toContain(`DTSTART:${utc(days[1]!)}`);
    expect(ics).toContain(`DTEND:${days[0]!.replaceAll("-", "")}T040000Z`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // The personal feed: subscribable, then revoked.
    await third!.page.goto("/events/my");
    await expect(third!.page.getByRole("link", { name: title })).toBeVisible();
    await third!.page.getByRole("button", { name: "Получить ссылку" }).click();
    const feedUrl = new URL(await third!.page.getByTestId("feed-url").inputValue());
    const feed = await browser.newContext();
    const fetched = await feed.request.get(`${baseURL}${feedUrl.pathname}`);
    expect(fetched.status()).toBe(200);
    expect(await fetched.text()).toContain(`DTSTART:${utc(days[0]!)}`);
    await third!.page.getByRole("button", { name: "Отозвать ссылку" }).click();
    await expect(third!.page.getByText("Ссылка на календарь отозвана")).toBeVisible();
    expect((await feed.request.get(`${baseURL}${feedUrl.pathname}`)).status()).toBe(404);
    await feed.close();

    for (const p of [organiser, first!, second!, third!]) await p.context.close();
  });

  test("a guest sees the catalogue and the month calendar in Moscow time without JavaScript; registration asks to sign in", async ({ browser }) => {
    test.setTimeout(90_000);
    const guest = await noJsPage(browser);
    const page = guest.page;
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мероприятия");
    await expect(page.getByRole("main").getByText(/Время показано: МСК — московское время/)).toBeVisible();
    await page.getByLabel("Вид", { exact: true }).selectOption({ label: "Вебинар" });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/type=webinar/);
    // The demo two-day seminar-webinar of seed 000: 14 December, 10:00 in Чита = 04:00 МСК.
    const year = (await serverNow(page)).getUTCFullYear();
    await page.goto(`/events?view=month&month=${year}-12`);
    const calendar = page.getByRole("table", { name: `Календарь мероприятий: Декабрь ${year}` });
    const seminar = calendar.getByRole("link", { name: "04:00 Распространение моделей и механизмов поддержки школ с низкими результатами обучения" });
    await expect(seminar).toHaveCount(2);
    await seminar.first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Распространение моделей и механизмов поддержки школ с низкими результатами обучения");
    await expect(page.getByTestId("event-sessions")).toContainText(`14 декабря ${year}, 04:00–11:00 (МСК) · у организатора 10:00–17:00 (МСК+6, Чита)`);
    await expect(page.getByText(/Войдите|уже прошло/)).toBeVisible();
    await guest.close();
    // Accessibility of the list and the calendar (axe needs scripts).
    const withJs = await browser.newContext();
    const js = await withJs.newPage();
    await js.goto("/events");
    await expectNoSeriousA11yViolations(js);
    await js.goto(`/events?view=month&month=${year}-12`);
    await expectNoSeriousA11yViolations(js);
    await withJs.close();
  });

  test("the programme, title, summary and speakers render as text (XSS corpus)", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const organiser = await signedIn(browser, ORGANISER, { javaScriptEnabled: false });
    const now = await serverNow(organiser.page);
    const payloads = xssPayloads();
    const title = `Вебинар ${payloads[0]}`.slice(0, 190);
    const id = await createEvent(organiser.page, {
      title,
      days: [{ date: chitaDate(now, 20), start: "10:00", end: "11:00" }],
      programme: payloads.join("\n").slice(0, 30_000),
      summary: `Кратко ${payloads.slice(0, 5).join(" ")}`.slice(0, 1000),
      speakers: payloads.slice(0, 5).join("\n"),
    });
    // A crafted editor document: a javascript: link is refused by the allowlist.
    const crafted = await organiser.page.request.post(`/events/${id}/edit`, {
      headers: originOf(baseURL),
      form: { title: "Вебинар со ссылкой", type: "webinar", format: "online", summary: "Проверка ссылки в программе мероприятия.", onlineUrl: "https://example.org/x", organisationId: "00000000-0000-4000-8000-000000000000", audience: "open", session0Date: chitaDate(now, 20), session0Start: "10:00", session0End: "11:00", programme: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] }) },
    });
    expect(crafted.status()).toBeGreaterThanOrEqual(400);
    const guest = await browser.newContext();
    const page = await guest.newPage();
    page.on("dialog", () => {
      throw new Error("a dialog opened");
    });
    await page.goto(`/events/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goto("/events");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.goto(`/events/${id}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("main script, main img[onerror], main svg[onload], main iframe").count()).toBe(0);
    await guest.close();
    await organiser.context.close();
  });
});
