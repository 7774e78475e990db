import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../helpers/pages";
import { personPage, PEOPLE, startThread, unique, writeRich } from "./helpers";

test("the thread, notifications and moderation pages are accessible and fit 360 px", async ({ browser }) => {
  test.setTimeout(180_000);
  const author = await personPage(browser, PEOPLE.author);
  const path = await startThread(author, unique("Обратная связь без отметок"), "Пишу комментарии вместо отметок: как реагируют родители?");
  await writeRich(author, "Текст ответа", "Дополню: раз в четверть всё же ставлю отметку.");
  await author.getByRole("button", { name: "Ответить" }).click();
  await expect(author.getByText("Дополню: раз в четверть")).toBeVisible();

  const reader = await personPage(browser, PEOPLE.reader);
  await reader.setViewportSize({ width: 360, height: 800 });
  await reader.goto(path);
  const post = reader.getByRole("article").filter({ hasText: "Дополню: раз в четверть" });
  await post.getByRole("button", { name: "Нравится" }).click();
  await expect(post.getByRole("button", { name: "Нравится: 1" })).toHaveAttribute("aria-pressed", "true");
  // A quoted reply goes over the socket and shows whom it quotes.
  await post.getByRole("link", { name: "Цитировать" }).click();
  await expect(reader.getByText("Цитата из сообщения: Галина Шестакова.")).toBeVisible();
  await writeRich(reader, "Текст ответа", "Согласна, отметка раз в четверть обязательна.");
  await reader.getByRole("button", { name: "Ответить" }).click();
  const quoting = reader.getByRole("article").filter({ hasText: "Согласна, отметка раз в четверть" });
  await expect(quoting.getByText(/Галина Шестакова писал\(а\): Дополню/)).toBeVisible();
  await expect(reader.getByText("Цитата из сообщения: Галина Шестакова.")).toHaveCount(0);
  await post.getByText("Пожаловаться", { exact: true }).click();
  await post.getByLabel("Что не так с сообщением?").fill("Проверка очереди модерации");
  await post.getByRole("button", { name: "Отправить жалобу" }).click();
  await expect(reader.getByText("Жалоба отправлена модераторам.")).toBeVisible();
  await expectNoSeriousA11yViolations(reader);
  expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await reader.goto("/notifications");
  await expect(reader.getByRole("heading", { level: 1, name: "Уведомления" })).toBeVisible();
  await expectNoSeriousA11yViolations(reader);

  const moderator = await personPage(browser, PEOPLE.moderator);
  await moderator.setViewportSize({ width: 360, height: 800 });
  await moderator.goto("/moderation");
  const report = moderator.getByRole("article").filter({ hasText: "Проверка очереди модерации" });
  await expect(report).toBeVisible();
  await expectNoSeriousA11yViolations(moderator);
  expect(await moderator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await report.getByLabel("Оставить как есть").check();
  await report.getByLabel("Причина решения").fill("Сообщение по теме");
  await report.getByRole("button", { name: "Сохранить решение" }).click();
  await expect(moderator.getByText("Решение сохранено.")).toBeVisible();
  await expect(moderator.getByText("Проверка очереди модерации")).toHaveCount(0);

  // The reporter learns the outcome.
  await reader.goto("/notifications");
  await expect(reader.getByText(/Ваша жалоба на сообщение .* рассмотрена: сообщение оставлено без изменений/)).toBeVisible();
});
