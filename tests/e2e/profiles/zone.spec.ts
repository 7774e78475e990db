import { expect, test } from "@playwright/test";
import { clientIp, registerAndConfirm, uniqueEmail } from "../helpers/accounts";
import { COMMUNITY } from "../discussions/helpers";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() }, timezoneId: "Europe/Moscow" });

/** HH:MM of an instant in a zone, as the pages write it. */
const clockIn = (iso: string, timeZone: string) => new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));

test("a signed-in teacher sees times of a thread in her profile's zone (Чита), not her browser's (Москва)", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await registerAndConfirm(page, browser, uniqueEmail("zone"), "Байкальский-ветер-26", "Зоя Часовая");
  // Her school is in Забайкальский край: the profile's zone defaults to the region's, Чита.
  await page.goto("/account/profile");
  await page.getByRole("combobox", { name: "Должность" }).selectOption("учитель");
  await page.getByRole("combobox", { name: "Организация" }).selectOption({ label: "МОУ СОШ № 2 г. Шилки" });
  await page.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(page.getByText("Профиль сохранён.")).toBeVisible();

  await page.goto(COMMUNITY);
  await page.getByRole("list", { name: "Темы" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("часовой пояс вашего профиля")).toBeVisible();
  await expect(page.locator("footer strong")).toHaveText("МСК+6, Чита");
  const time = page.getByRole("list", { name: "Сообщения" }).locator("time").first();
  const iso = (await time.getAttribute("datetime"))!;
  await expect(time).toContainText(clockIn(iso, "Asia/Chita"));
  await expect(time).not.toContainText(clockIn(iso, "Europe/Moscow"));
});
