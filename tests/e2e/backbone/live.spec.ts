import { expect, test, type APIRequestContext } from "@playwright/test";
import { originOf } from "../helpers/pages";

const write = async (request: APIRequestContext, baseURL: string | undefined, stream: string, text: string) => {
  const res = await request.post("/__test/events", { headers: originOf(baseURL), data: { stream, type: "msg", payload: { text } } });
  expect(res.status()).toBe(200);
};

test.describe("live streams", () => {
  test("after the server drops the connection, the page shows every missed event exactly once @smoke", async ({ page, request, baseURL }) => {
    const name = `drop${Date.now()}`;
    const stream = `test:${name}`;
    await write(request, baseURL, stream, "первое");
    await write(request, baseURL, stream, "второе");
    await page.goto(`/__test/stream/${name}`);
    const items = page.getByRole("list", { name: "События" }).getByRole("listitem");
    await expect(items).toHaveCount(2);
    const indicator = page.locator("[data-connection]");
    await expect(indicator).toHaveAttribute("data-connection", "open");

    await write(request, baseURL, stream, "третье, вживую");
    await expect(items).toHaveCount(3);

    const dropped = await request.post("/__test/sockets/drop", { headers: originOf(baseURL) });
    expect((await dropped.json()).dropped).toBeGreaterThan(0);
    await expect(indicator).toHaveAttribute("data-connection", "offline");
    await expect(page.getByText("нет соединения")).toBeVisible();
    for (const text of ["четвёртое", "пятое", "шестое"]) await write(request, baseURL, stream, text);

    await expect(indicator).toHaveAttribute("data-connection", "open", { timeout: 10_000 });
    await write(request, baseURL, stream, "седьмое");
    await expect(items).toHaveCount(7);
    const seqs = await items.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await expect(items.nth(5)).toHaveText("6: шестое");
  });

  test("two pages on one stream both receive a new event without reload", async ({ browser, request, baseURL }) => {
    const name = `pair${Date.now()}`;
    const pages = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const p of pages) {
      await p.goto(`${baseURL}/__test/stream/${name}`);
      await expect(p.locator("[data-connection]")).toHaveAttribute("data-connection", "open");
    }
    await write(request, baseURL, `test:${name}`, "для обоих");
    for (const p of pages) await expect(p.getByRole("list", { name: "События" }).getByRole("listitem")).toHaveText(["1: для обоих"]);
    await Promise.all(pages.map((p) => p.close()));
  });
});
