import { expect, test } from "@playwright/test";
import { advanceClock } from "../helpers/pages";
import { ADMIN } from "../helpers/accounts";
import { chitaWall, createEvent, MOSCOW_TEACHERS, ORGANISER, serverNow, signedIn } from "./helpers";

const HOUR = 3_600_000;

test("the day-before reminder arrives once, in-app and by mail, when the business clock passes its mark", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const organiser = await signedIn(browser, ORGANISER, { javaScriptEnabled: false });
  const now = await serverNow(organiser.page);
  // A start on a whole hour about 30 hours ahead, not too late in the Chita evening.
  let start = new Date(Math.ceil((now.getTime() + 30 * HOUR) / HOUR) * HOUR);
  while (Number(chitaWall(start).slice(11, 13)) >= 22) start = new Date(start.getTime() + 3 * HOUR);
  const wall = chitaWall(start);
  const endWall = chitaWall(new Date(start.getTime() + HOUR));
  const title = `Вебинар-напоминание ${Date.now()}`;
  const id = await createEvent(organiser.page, { title, capacity: 10, days: [{ date: wall.slice(0, 10), start: wall.slice(11), end: endWall.slice(11) }] });

  const teacher = await signedIn(browser, MOSCOW_TEACHERS[1]);
  await teacher.page.goto(`/events/${id}`);
  await teacher.page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(teacher.page.getByTestId("my-registration")).toHaveText("Вы зарегистрированы");

  const reminders = async () => {
    await teacher.page.goto("/notifications");
    return teacher.page.getByText(`Завтра: «${title}»`).count();
  };
  expect(await reminders()).toBe(0);

  // Pass the day-before mark by two minutes.
  const current = await serverNow(teacher.page);
  await advanceClock(teacher.page, baseURL, start.getTime() - 24 * HOUR - current.getTime() + 2 * 60_000);
  await expect.poll(reminders, { timeout: 20_000 }).toBe(1);
  await expect(teacher.page.getByText(`Завтра: «${title}»`)).toContainText("(МСК) · у организатора");
  // Nothing more arrives: the job ran once, and the hour-before mark is far ahead.
  await new Promise((r) => setTimeout(r, 3000));
  expect(await reminders()).toBe(1);

  const admin = await signedIn(browser, ADMIN);
  await admin.page.goto("/admin/outbox");
  await expect(admin.page.getByRole("article").filter({ hasText: `Завтра: «${title}»` })).toHaveCount(1);
  for (const p of [organiser, teacher, admin]) await p.context.close();
});
