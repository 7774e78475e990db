import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { personPage } from "../discussions/helpers";
import { expectNoSeriousA11yViolations } from "../helpers/pages";

const CHITA = "coordinator.chita@most.example";
const TULA = "coordinator.tula@most.example";

test("the Чита coordinator reads the region's dashboard, changes the period without JavaScript, downloads its tables and is refused another region's", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await personPage(browser, CHITA);
  await page.getByRole("link", { name: "Показатели", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Показатели программы" })).toBeVisible();
  await expect(page.getByText("Регион: Забайкальский край")).toBeVisible();
  await expect(page.getByText(/МСК\+6, Чита/).first()).toBeVisible();

  // The cards, with demo data behind them: programme schools, partnerships, practices, events.
  const cards = page.getByTestId("indicator-cards");
  await expect(cards).toContainText("Школы ШНОР/ШНСУ с активным партнёрством");
  await expect(cards).toContainText("Цель: 100 %");
  await expect(cards).toContainText("Цель: 60 %");
  const indicators = page.getByTestId("table-indicators");
  const cell = (row: string, column: number) => indicators.getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell").nth(column);
  const number = async (row: string, column: number) => Number((await cell(row, column).innerText()).replace(/\s/g, ""));
  const share = "Доля школ ШНОР/ШНСУ с активным партнёрством, %";
  expect(await number(share, 1)).toBeGreaterThan(0);
  expect(await number(share, 1)).toBeLessThanOrEqual(await number(share, 2));
  expect(await number("Практики опубликованы", 0)).toBeGreaterThan(0);

  // A chart is an image with a text alternative, and its numbers are in a table beside it.
  const chart = page.getByRole("figure").filter({ hasText: "Опубликованные практики" });
  const svg = chart.getByRole("img", { name: /Опубликованные практики по месяцам/ });
  await expect(svg).toBeVisible();
  await expect(svg.locator("desc")).toContainText(/(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь) \d{4}: \d+/);
  await chart.getByText("Таблица: опубликованные практики по месяцам").click();
  await expect(chart.getByRole("table")).toBeVisible();
  await expect(chart.getByRole("columnheader", { name: "Месяц" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Как считаются показатели" })).toBeVisible();
  await expect(page.getByText("Активный педагог", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Every table downloads: the workbook with a sheet per table, and the CSV of one table.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Все таблицы (XLSX)" }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await (await download).path())!);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Показатели", "По месяцам", "Школы ШНОР и ШНСУ", "Мероприятия планов", "Мероприятия"]);
  const sheet = book.getWorksheet("Показатели")!;
  expect(sheet.getRow(1).getCell(1).value).toMatch(/^Забайкальский край: /);
  expect(sheet.getRow(2).values).toEqual([undefined, "Показатель", "Значение", "Числитель", "Знаменатель", "Цель"]);
  expect(sheet.getRow(3).getCell(1).value).toBe("Доля школ ШНОР/ШНСУ с активным партнёрством, %");
  expect(typeof sheet.getRow(3).getCell(3).value).toBe("number");
  const csvLink = page.getByRole("link", { name: /Скачать CSV\s*:\s*Школы ШНОР\/ШНСУ/ });
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Школа;Муниципалитет;ШНОР;ШНСУ;Педагогов;Активных педагогов;Активное партнёрство");
  expect(text).toMatch(/\r\n[^;\r\n]+;[^;\r\n]+;(да|нет);(да|нет);\d+;\d+;(да|нет)/);

  // Without JavaScript: the GET form changes the period to a school year, then to days of one's own.
  const noJs = await personPage(browser, CHITA, { javaScriptEnabled: false });
  await noJs.goto("/dashboard");
  const year = await noJs.getByLabel("Период", { exact: true }).locator("option", { hasText: "учебный год" }).first().innerText();
  await noJs.getByLabel("Период", { exact: true }).selectOption({ label: year });
  await noJs.getByRole("button", { name: "Показать" }).click();
  await expect(noJs).toHaveURL(/period=sy%3A\d{4}%2F\d{4}/);
  await expect(noJs.getByText(`· ${year} ·`, { exact: false })).toBeVisible();
  await expect(noJs.getByTestId("table-trend").getByRole("row")).not.toHaveCount(0);
  await noJs.getByLabel("Период", { exact: true }).selectOption({ value: "custom" });
  await noJs.getByLabel("С", { exact: true }).fill("2026-09-01");
  await noJs.getByLabel("По (включительно)").fill("2026-10-31");
  await noJs.getByRole("button", { name: "Показать" }).click();
  await expect(noJs.getByText("1 сентября 2026 — 31 октября 2026")).toBeVisible();
  await expect(noJs.getByTestId("table-trend").getByRole("rowheader")).toHaveText(["сентябрь 2026", "октябрь 2026"]);

  // Another region's dashboard: Тульская область's coordinator lands on theirs; Чита's is refused it.
  const tula = await personPage(browser, TULA);
  await tula.goto("/dashboard");
  await expect(tula.getByText("Регион: Тульская область")).toBeVisible();
  const tulaScope = await tula.getByLabel("Область", { exact: true }).inputValue();
  expect(tulaScope).toMatch(/^region:/);
  const refused = await page.goto(`/dashboard?scope=${tulaScope}`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByText("Показатели этого региона, муниципалитета или школы вам недоступны.")).toBeVisible();
  expect((await page.request.get(`/dashboard/export?scope=${tulaScope}&table=all&format=xlsx`)).status()).toBe(403);
  for (const p of [page, noJs, tula]) await p.context().close();
});
