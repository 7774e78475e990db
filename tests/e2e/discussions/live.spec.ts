import { expect, test, type Page } from "@playwright/test";
import { originOf } from "../helpers/pages";
import { COMMUNITY, personPage, PEOPLE, startThread, unique, writeRich } from "./helpers";

const READER_NAME = "Елена Прохорова";
// Authors other than the shared helpers' author, so these journeys do not use up anyone's posting
// limit (10 a minute) that parallel journeys rely on.
const AUTHOR = "batueva@most.example";
const AUTHOR_NAME = "Сэсэг Батуева";
const BUSY_AUTHOR = PEOPLE.moderator;

const posts = (page: Page) => page.getByRole("list", { name: "Сообщения" });
const connection = (page: Page) => page.locator("[data-connection]");

/**
 * Lets a test cut a page off: the server closes the page's socket (the test-only drop), and until
 * `restore()` the page's reconnection attempts (WebSocket and long-polling) fail as on a dead
 * network. Install before the page opens its socket. (The browser's offline switch does not
 * reliably keep a WebSocket from reconnecting.)
 */
async function cuttable(page: Page) {
  let cut = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (cut) return void ws.close();
    ws.connectToServer();
  });
  await page.route(/\/socket\.io\//, (route) => (cut ? route.abort("internetdisconnected") : route.continue()));
  return {
    async cut() {
      cut = true;
      const dropped = await page.request.post("/__test/sockets/drop", { headers: originOf(page.url()) });
      expect((await dropped.json()).dropped).toBeGreaterThan(0);
      await expect(connection(page)).toHaveAttribute("data-connection", "offline");
    },
    restore() {
      cut = false;
    },
  };
}

/** Posts a reply through the thread's form action (as a browser without JavaScript does). */
async function replyByForm(page: Page, path: string, text: string) {
  const res = await page.request.post(path, { headers: originOf(page.url()), form: { intent: "reply", clientId: `e2e${Math.random().toString(36).slice(2, 14)}`, bodyText: text } });
  expect(res.status()).toBeLessThan(400);
}

test.describe("live discussion", () => {
  test.setTimeout(120_000);

  test("presence and typing are seen across two browsers, and presence goes when a tab closes", async ({ browser }) => {
    const author = await personPage(browser, AUTHOR);
    const path = await startThread(author, unique("Кто сейчас читает"), "Проверим, видно ли читателей.");
    const reader = await personPage(browser, PEOPLE.reader);
    await reader.goto(path);

    const readersAtAuthor = author.getByRole("list", { name: "Сейчас читают" });
    await expect(author.getByText("Сейчас читают: 2 человека")).toBeVisible();
    await expect(readersAtAuthor.getByRole("listitem")).toHaveCount(2);
    await expect(readersAtAuthor.getByText(READER_NAME)).toBeAttached();
    await expect(reader.getByRole("list", { name: "Сейчас читают" }).getByText(AUTHOR_NAME)).toBeAttached();

    await writeRich(reader, "Текст ответа", "Сейчас напишу, как у нас");
    await expect(author.getByText(`${READER_NAME} печатает…`)).toBeVisible();
    // The typist does not see themself typing.
    await expect(reader.getByText(/печатает…/)).toHaveCount(0);

    await reader.close();
    await expect(author.getByText("Сейчас читают: 1 человек")).toBeVisible();
    await expect(readersAtAuthor.getByText(READER_NAME)).toHaveCount(0);
    // A typing signal that is not renewed fades.
    await expect(author.getByText(/печатает…/)).toHaveCount(0, { timeout: 10_000 });
    await expect(author.getByText("Сейчас читают: 1 человек")).toBeVisible();
  });

  test("a browser cut off by the server while five replies are posted shows all five, once, after reconnecting", async ({ browser }) => {
    const author = await personPage(browser, BUSY_AUTHOR);
    const path = await startThread(author, unique("Пять ответов без связи"), "Отвечайте по одному.");
    const reader = await personPage(browser, PEOPLE.reader);
    const network = await cuttable(reader);
    await reader.goto(path);
    await expect(connection(reader)).toHaveAttribute("data-connection", "open");
    await reader.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    await network.cut();
    const replies = Array.from({ length: 5 }, (_, i) => unique(`Ответ номер ${i + 1}`));
    for (const text of replies) await replyByForm(author, path, text);
    await expect(posts(reader).getByRole("article")).toHaveCount(1);

    network.restore();
    await expect(connection(reader)).toHaveAttribute("data-connection", "open", { timeout: 30_000 });
    await expect(posts(reader).getByRole("article")).toHaveCount(6);
    for (const text of replies) await expect(posts(reader).getByText(text)).toHaveCount(1);
    const order = await posts(reader).getByRole("article").allInnerTexts();
    expect(replies.map((r) => order.findIndex((t) => t.includes(r)))).toEqual([1, 2, 3, 4, 5]);
    // Caught up in the same document, not by a reload.
    expect(await reader.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  });

  test("a reply written while offline waits, then is delivered once when the connection returns", async ({ browser }) => {
    const author = await personPage(browser, AUTHOR);
    const path = await startThread(author, unique("Ответ без связи"), "Напишите, даже если связь пропала.");
    const reader = await personPage(browser, PEOPLE.reader);
    const network = await cuttable(reader);
    await reader.goto(path);
    await expect(connection(reader)).toHaveAttribute("data-connection", "open");

    // Started writing (the editor loads on focus), then the connection went.
    await reader.getByLabel("Текст ответа", { exact: true }).click();
    const editor = reader.getByRole("textbox", { name: "Текст ответа", exact: true });
    await expect(editor).toHaveAttribute("contenteditable", "true");
    await network.cut();
    const text = unique("Написано в электричке");
    await editor.fill(text);
    await reader.getByRole("button", { name: "Ответить" }).click();
    const pending = reader.getByRole("list", { name: "Неотправленные ответы" }).getByRole("listitem");
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText(text);
    await expect(pending).toContainText("ждёт соединения");
    await expect(reader.getByLabel("Текст ответа", { exact: true })).toHaveValue("");
    // A reload while still cut off keeps it (sessionStorage).
    expect(await reader.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("most:outbox:")).length)).toBe(1);
    await reader.reload();
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText(text);
    await expect(connection(reader)).not.toHaveAttribute("data-connection", "open");

    network.restore();
    await expect(reader.getByRole("status").filter({ hasText: "Ответ отправлен." })).toBeVisible({ timeout: 30_000 });
    await expect(pending).toHaveCount(0);
    await expect(posts(reader).getByText(text)).toHaveCount(1);
    await expect(posts(author).getByText(text)).toHaveCount(1);
    await reader.reload();
    await expect(posts(reader).getByText(text)).toHaveCount(1);
    await expect(reader.getByRole("list", { name: "Неотправленные ответы" })).toHaveCount(0);
  });

  test("a reply the server never acknowledges shows as not sent; «Повторить» sends it, and it is stored once", async ({ browser }) => {
    const author = await personPage(browser, AUTHOR);
    const path = await startThread(author, unique("Ответ с повтором"), "Если ответ не ушёл, повторите.");
    const reader = await personPage(browser, PEOPLE.reader);
    // The page's replies (post:create) go nowhere until `swallow` is lifted; everything else passes.
    let swallow = true;
    await reader.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        if (swallow && typeof message === "string" && message.includes('"post:create"')) return;
        server.send(message);
      });
    });
    await reader.goto(path);
    await expect(connection(reader)).toHaveAttribute("data-connection", "open");

    const text = unique("Ответ, который не дошёл");
    await writeRich(reader, "Текст ответа", text);
    await reader.getByRole("button", { name: "Ответить" }).click();
    const pending = reader.getByRole("list", { name: "Неотправленные ответы" }).getByRole("listitem");
    await expect(pending).toHaveCount(1);
    await expect(pending).toHaveAttribute("data-state", "failed", { timeout: 20_000 });
    await expect(pending).toContainText("не отправлено: Сервер не ответил.");
    await expect(posts(author).getByText(text)).toHaveCount(0);

    swallow = false;
    await pending.getByRole("button", { name: "Повторить" }).click();
    await expect(reader.getByRole("status").filter({ hasText: "Ответ отправлен." })).toBeVisible({ timeout: 15_000 });
    await expect(pending).toHaveCount(0);
    await expect(posts(reader).getByText(text)).toHaveCount(1);
    await expect(posts(author).getByText(text)).toHaveCount(1);
    await reader.reload();
    await expect(posts(reader).getByText(text)).toHaveCount(1);
  });

  test("unread replies show on the community page live, the thread marks where the reader left off, and reading clears them", async ({ browser }) => {
    const author = await personPage(browser, AUTHOR);
    const title = unique("Непрочитанные ответы");
    const path = await startThread(author, title, "Кто прочитал?");
    const reader = await personPage(browser, PEOPLE.reader);
    await reader.goto(path);
    await expect(posts(reader).getByRole("article")).toHaveCount(1);

    await reader.goto(COMMUNITY);
    const row = reader.getByRole("list", { name: "Темы" }).getByRole("listitem").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.locator("[data-unread]")).toHaveCount(0);
    const first = unique("Первый новый ответ");
    await replyByForm(author, path, first);
    await replyByForm(author, path, unique("Второй новый ответ"));
    await expect(row.getByRole("link", { name: "2 новых ответа" })).toBeVisible();
    await reader.reload();
    await expect(row.getByRole("link", { name: "2 новых ответа" })).toBeVisible();

    await row.getByRole("link", { name: "2 новых ответа" }).click();
    const marker = reader.locator("#new-replies");
    await expect(marker).toHaveText("Новые ответы");
    await expect(posts(reader).getByRole("listitem").filter({ has: marker })).toContainText(first);
    await reader.goto(COMMUNITY);
    await expect(row).toBeVisible();
    await expect(row.locator("[data-unread]")).toHaveCount(0);
  });

  test("the communities catalogue counts the reader's communities with new replies, live and after a reload", async ({ browser }) => {
    const author = await personPage(browser, AUTHOR);
    const path = await startThread(author, unique("Счётчик в каталоге"), "Видно ли новые ответы в каталоге?");
    const reader = await personPage(browser, PEOPLE.reader);
    // Read to the end: this thread adds nothing to the count.
    await reader.goto(path);
    await expect(posts(reader).getByRole("article")).toHaveCount(1);

    await reader.goto(`/communities?mine=1&q=${encodeURIComponent("Формирующее оценивание")}`);
    const card = reader.getByRole("article").filter({ has: reader.getByRole("link", { name: "Формирующее оценивание", exact: true }) });
    await expect(card).toBeVisible();
    await expect(reader.locator("html[data-hydrated]")).toBeAttached();
    // Other journeys may be writing in the same community: compare with what the card said before.
    const unreadOf = async () => Number((await card.locator("[data-unread-threads]").getAttribute("data-unread-threads").catch(() => null)) ?? 0);
    const before = await unreadOf();
    await reader.evaluate(() => ((window as unknown as { marker: number }).marker = 8));

    await replyByForm(author, path, unique("Ответ для счётчика"));
    await expect.poll(unreadOf, { timeout: 15_000 }).toBeGreaterThan(before);
    // Without a reload of the document.
    expect(await reader.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(8);
    const after = await unreadOf();
    await expect(card.locator("[data-unread-threads]")).toContainText(/\d+ тем(а|ы)? с новыми ответами/);
    await reader.reload();
    expect(await unreadOf()).toBeGreaterThanOrEqual(after);
  });
});
