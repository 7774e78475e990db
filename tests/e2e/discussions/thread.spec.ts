import { expect, test } from "@playwright/test";
import { personPage, PEOPLE, startThread, unique, writeRich } from "./helpers";

test.describe("a thread, live", () => {
  test.setTimeout(90_000);
  test("two people on one thread: a reply appears for the other without a reload", async ({ browser }) => {
    const author = await personPage(browser, PEOPLE.author);
    const path = await startThread(author, unique("Листы самооценки в 6 классе"), "Кто пробовал листы самооценки после контрольной?");
    const reader = await personPage(browser, PEOPLE.reader);
    await reader.goto(path);
    await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
    await reader.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    const reply = unique("Пробовала: дети честнее, чем кажется");
    await writeRich(author, "Текст ответа", reply);
    await author.getByRole("button", { name: "Ответить" }).click();
    await expect(author.getByRole("list", { name: "Сообщения" }).getByText(reply)).toBeVisible();
    await expect(author.getByLabel("Текст ответа", { exact: true })).toHaveValue("");

    await expect(reader.getByRole("list", { name: "Сообщения" }).getByText(reply)).toBeVisible();
    // Same document: the reply arrived live, not by a reload.
    expect(await reader.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect(reader.getByText("1 ответ", { exact: true })).toBeVisible();
  });

  test("a moderator hides a post and it disappears for the other reader", async ({ browser }) => {
    const author = await personPage(browser, PEOPLE.author);
    const path = await startThread(author, unique("Критерии к проекту"), "Делюсь критериями оценивания проекта.");
    const spam = unique("Купите готовые проекты недорого");
    await writeRich(author, "Текст ответа", spam);
    await author.getByRole("button", { name: "Ответить" }).click();
    await expect(author.getByText(spam)).toBeVisible();

    const reader = await personPage(browser, PEOPLE.reader);
    await reader.goto(path);
    await expect(reader.getByText(spam)).toBeVisible();

    const moderator = await personPage(browser, PEOPLE.moderator);
    await moderator.goto(path);
    const post = moderator.getByRole("article").filter({ hasText: spam });
    await post.getByText("Скрыть", { exact: true }).click();
    await post.getByLabel("Причина скрытия (её увидит автор)").fill("Реклама запрещена правилами сообщества");
    await post.getByRole("button", { name: "Скрыть сообщение" }).click();
    await expect(moderator.getByText("Сообщение скрыто.")).toBeVisible();

    await expect(reader.getByText(spam)).toHaveCount(0);
    await expect(reader.getByText("Сообщение скрыто модератором")).toBeVisible();
    // The live event of the hiding reloads the moderator's page too; the notice stays.
    await expect(moderator.getByText("Сообщение скрыто модератором")).toBeVisible();
    await expect(moderator.getByText("Сообщение скрыто.")).toBeVisible();
    // The author hears the outcome on their bell.
    await expect(author.getByRole("link", { name: /^Уведомления: \d+ непрочитанн/ })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.setTimeout(90_000);
  test.use({ javaScriptEnabled: false });

  test("a reply posted as plain text appears", async ({ browser }) => {
    const withJs = await personPage(browser, PEOPLE.author);
    const path = await startThread(withJs, unique("Рубрики для устного ответа"), "Как вы оцениваете устные ответы?");
    const page = await personPage(browser, PEOPLE.reader, { javaScriptEnabled: false });
    await page.goto(path);
    const reply = unique("Рубрика из трёх критериев");
    await page.getByLabel("Текст ответа").fill(`${reply}\n\nВторой абзац <script>alert(1)</script>`);
    await page.getByRole("button", { name: "Ответить" }).click();
    const post = page.getByRole("article").filter({ hasText: reply });
    await expect(post).toBeVisible();
    await expect(post.getByText("Второй абзац <script>alert(1)</script>")).toBeVisible();
    await expect(page.getByText("1 ответ", { exact: true })).toBeVisible();
  });
});
