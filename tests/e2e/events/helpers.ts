import { expect, type Browser, type Page } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";
import { localDateKey, toLocalDateTimeInput } from "../../../app/utils/datetime";

export const ORGANISER = "coordinator.chita@most.example";
/** Teachers whose organisations are in Moscow time (Тульская, Тверская области, Краснодарский край). */
export const MOSCOW_TEACHERS = ["prokhorova@most.example", "vinogradova@most.example", "tkachenko@most.example"] as const;

export async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** The server's business clock now. */
export async function serverNow(page: Page): Promise<Date> {
  return new Date(((await (await page.request.get("/__test/clock")).json()) as { now: string }).now);
}

/** A Chita wall-clock day `days` after the instant, as the form's date field wants it. */
export const chitaDate = (from: Date, days: number) => localDateKey(new Date(from.getTime() + days * 86_400_000), "Asia/Chita");
/** The Chita wall clock of an instant ("YYYY-MM-DDTHH:mm"). */
export const chitaWall = (at: Date) => toLocalDateTimeInput(at, "Asia/Chita");

/**
 * Fills the organiser's form (JavaScript may be on: the programme editor is typed into as text)
 * and submits it; lands on the new event's page.
 */
export async function createEvent(page: Page, e: { title: string; days: { date: string; start: string; end: string }[]; capacity?: number; programme?: string; summary?: string; speakers?: string; questions?: string }) {
  await page.goto("/events/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новое мероприятие");
  await page.getByLabel("Название", { exact: true }).fill(e.title);
  await page.getByLabel("Вид", { exact: true }).selectOption({ label: "Семинар" });
  await page.getByLabel("Формат", { exact: true }).selectOption({ label: "Очно и онлайн" });
  await page.getByLabel("Организатор", { exact: true }).selectOption({ label: "ИРО Забайкальского края (МСК+6, Чита)" });
  await page.getByLabel("Кратко", { exact: true }).fill(e.summary ?? "Двухдневный семинар-вебинар для команд школ с низкими результатами обучения из пяти регионов.");
  await page.getByLabel("Программа", { exact: true }).fill(e.programme ?? "День 1: региональные модели поддержки школ. День 2: наставничество и сетевые сообщества.");
  if (e.speakers) await page.getByLabel("Спикеры", { exact: true }).fill(e.speakers);
  for (const [i, d] of e.days.entries()) {
    const day = page.getByRole("group", { name: `День ${i + 1}` });
    await day.getByLabel("Дата", { exact: true }).fill(d.date);
    await day.getByLabel("Начало", { exact: true }).fill(d.start);
    await day.getByLabel("Окончание", { exact: true }).fill(d.end);
  }
  await page.getByLabel("Ссылка на трансляцию (для онлайн-формата)").fill("https://webinar.example/iro-chita");
  await page.getByLabel("Место проведения (для очного формата)").fill("Чита, ИРО Забайкальского края, ауд. 301");
  if (e.capacity) await page.getByLabel("Число мест", { exact: true }).fill(String(e.capacity));
  if (e.questions) await page.getByLabel("Вопросы при регистрации").fill(e.questions);
  await page.getByRole("button", { name: "Создать мероприятие" }).click();
  await expect(page.getByText("Мероприятие создано.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(e.title);
  return new URL(page.url()).pathname.split("/")[2]!;
}
