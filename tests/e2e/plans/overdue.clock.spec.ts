import { expect, test } from "@playwright/test";
import { personPage } from "../discussions/helpers";
import { advanceClock } from "../helpers/pages";
import { ADMIN } from "../helpers/accounts";
import { serverNow } from "../events/helpers";
import { localDateKey } from "../../../app/utils/datetime";
import { assign, CURATOR, MENTOR, openActivity, roadmapFromTemplate, stamp } from "./helpers";

const DAY = 86_400_000;

test("an activity passes its date on the test clock: it shows as overdue and its responsible person is reminded once", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const curator = await personPage(browser, CURATOR);
  const planPath = await roadmapFromTemplate(curator, `Дорожная карта ${stamp()}`);
  const now = await serverNow(curator);
  const end = localDateKey(new Date(now.getTime() + DAY), "Asia/Chita");
  const title = `Консультация по итогам четверти ${stamp()}`;
  await curator.getByLabel("Номер", { exact: true }).fill("3.3");
  await curator.getByLabel("Мероприятие", { exact: true }).fill(title);
  await curator.getByLabel("Тип").selectOption({ label: "Консультация" });
  await curator.getByLabel("Срок, как в плане").fill("до конца четверти");
  await curator.getByLabel("Окончание срока").fill(end);
  await curator.getByRole("button", { name: "Добавить мероприятие" }).click();
  await expect(curator.getByText("Добавлено.")).toBeVisible();
  await openActivity(curator, planPath, title);
  await assign(curator, MENTOR.name);

  const mentor = await personPage(browser, MENTOR.email);
  const reminders = async () => {
    await mentor.goto("/notifications");
    return mentor.getByText(`Сегодня срок: «${title}»`).count();
  };
  expect(await reminders()).toBe(0);

  // Past the end of the last day in Chita (UTC+9), by an hour.
  const endOfDay = Date.parse(`${end}T00:00:00+09:00`) + DAY;
  const current = await serverNow(curator);
  await advanceClock(curator, baseURL, endOfDay - current.getTime() + 3_600_000);
  await expect.poll(reminders, { timeout: 20_000 }).toBe(1);
  await curator.goto(planPath);
  const activity = curator.getByTestId("activity").filter({ hasText: title });
  await expect(activity.getByTestId("activity-state")).toHaveText("Просрочено");
  await expect(curator.getByTestId("plan-counts")).toContainText("Просрочено");
  // Nothing more arrives: the mark's job ran once.
  await new Promise((r) => setTimeout(r, 3000));
  expect(await reminders()).toBe(1);

  const admin = await personPage(browser, ADMIN);
  await admin.goto("/admin/outbox");
  await expect(admin.getByRole("article").filter({ hasText: `Сегодня срок: «${title}»` })).toHaveCount(1);
  for (const p of [curator, mentor, admin]) await p.context().close();
});
