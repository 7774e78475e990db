import { expect, test } from "@playwright/test";
import { clientIp, registerAndConfirm, uniqueEmail } from "../helpers/accounts";
import { COMMUNITY, PEOPLE, personPage, startThread, unique } from "./helpers";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });

test("after its author deletes the account, a post shows «Удалённый пользователь» and the name is gone", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const name = unique("Зинаида Уходящая");
  const password = "Сосны-над-Читой-7";
  await registerAndConfirm(page, browser, uniqueEmail("leaving"), password, name);
  await page.goto("/account/profile");
  await page.getByRole("group", { name: "Показывать всем" }).getByLabel("Имя").check();
  await page.getByRole("button", { name: "Сохранить профиль" }).click();
  await expect(page.getByText("Профиль сохранён.")).toBeVisible();
  await page.goto(COMMUNITY);
  await page.getByRole("button", { name: "Вступить" }).click();
  await expect(page.getByRole("button", { name: "Выйти из сообщества" })).toBeVisible();
  const title = unique("Как вы проводите рефлексию в конце урока?");
  const threadPath = await startThread(page, title, "Делюсь своим вариантом «трёх предложений».");

  const reader = await personPage(browser, PEOPLE.reader);
  await reader.goto(threadPath);
  await expect(reader.getByRole("main")).toContainText(name);

  await page.goto("/account/data");
  await page.getByLabel("Пароль").fill(password);
  await page.getByLabel("Я понимаю, что восстановить учётную запись будет нельзя").check();
  await page.getByRole("button", { name: "Удалить учётную запись" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Учётная запись удалена");

  await reader.goto(threadPath);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByRole("main")).toContainText("Удалённый пользователь");
  await expect(reader.getByRole("main")).toContainText("Делюсь своим вариантом");
  await expect(reader.getByRole("main")).not.toContainText(name);
  await reader.goto(COMMUNITY);
  await expect(reader.getByRole("main")).not.toContainText(name);
  await reader.context().close();
});
