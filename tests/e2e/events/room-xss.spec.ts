import { expect, test, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { originOf } from "../helpers/pages";
import { chitaDate, createEvent, MOSCOW_TEACHERS, ORGANISER, serverNow, signedIn } from "./helpers";

const PAST_COURSE = "Курсы повышения квалификации: формирующее оценивание в школах с низкими результатами обучения";

async function expectInert(page: Page) {
  page.on("dialog", () => {
    throw new Error("a dialog opened");
  });
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("main script, main img[onerror], main svg[onload], main iframe, main a[href^='javascript']").count()).toBe(0);
}

test("room questions, materials and feedback render as text (XSS corpus)", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const payloads = xssPayloads();
  const organiser = await signedIn(browser, ORGANISER, { javaScriptEnabled: false });
  const now = await serverNow(organiser.page);
  const id = await createEvent(organiser.page, { title: `Вебинар XSS-комнаты ${Date.now()}`, days: [{ date: chitaDate(now, 25), start: "10:00", end: "11:00" }] });
  const post = (page: Page, path: string, form: Record<string, string>) => page.request.post(path, { headers: originOf(baseURL), form, maxRedirects: 0 });

  // Questions (the organiser may ask in an event not yet over) and materials.
  const asked = payloads.filter((p) => p.trim().length >= 3).slice(0, 8);
  for (const body of asked) expect((await post(organiser.page, `/events/${id}/room`, { intent: "ask", body: body.slice(0, 500) })).status()).toBe(302);
  expect((await post(organiser.page, `/events/${id}/room`, { intent: "materials", recordingUrl: "https://video.example/xss", materials: payloads.join("\n").slice(0, 5000) })).status()).toBe(302);
  // A javascript: recording link is refused.
  expect((await post(organiser.page, `/events/${id}/room`, { intent: "materials", recordingUrl: "javascript:alert(1)", materials: "" })).status()).toBe(400);

  const teacher = await signedIn(browser, MOSCOW_TEACHERS[0]);
  await teacher.page.goto(`/events/${id}`);
  await teacher.page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(teacher.page.getByTestId("my-registration")).toHaveText("Вы зарегистрированы");
  await teacher.page.goto(`/events/${id}/room`);
  await expect(teacher.page.getByTestId("room-question")).toHaveCount(asked.length);
  await expect(teacher.page.getByTestId("recording-link")).toHaveAttribute("href", "https://video.example/xss");
  await expectInert(teacher.page);

  // Feedback: a participant of the demo course that is over.
  const participant = await signedIn(browser, "shestakova@most.example");
  await participant.page.goto("/events?when=past");
  await participant.page.getByRole("link", { name: PAST_COURSE }).first().click();
  await participant.page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  const course = new URL(participant.page.url()).pathname.split("/")[2]!;
  expect((await post(participant.page, `/events/${course}/room`, { intent: "feedback", rating: "4", comment: payloads.slice(0, 10).join("\n").slice(0, 2000) })).status()).toBe(302);
  await participant.page.goto(`/events/${course}/room`);
  await expect(participant.page.getByText("Ваш отзыв сохранён (оценка 4).")).toBeVisible();
  await expectInert(participant.page);
  for (const c of [organiser.context, teacher.context, participant.context]) await c.close();
});
