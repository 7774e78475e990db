import { expect, test, type Browser, type Page } from "@playwright/test";
import { schoolsCsv, schoolsXlsx, type GeneratedFile } from "../../fixtures/import/generate";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";
import { expectNoSeriousA11yViolations } from "../helpers/pages";

const CHITA = "coordinator.chita@most.example";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A signed-in person in a context of their own, with a client address of its own (sign-in is throttled per IP). */
async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() }, ...options });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  return { page, close: () => context.close() };
}

/** «Школ в программе» of a region, as its card on the home page says it for the current school year. */
async function schoolsOf(page: Page, region: string): Promise<number> {
  await page.goto("/");
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: region, exact: true }) });
  const match = /(\d[\d\s]*)\s+школ\S*\s+в программе/.exec(await card.innerText());
  if (!match) throw new Error(`no school count on the card of ${region}`);
  return Number(match[1]!.replace(/\D/g, ""));
}

/** Uploads a list on the form page and waits for its preview. */
async function uploadList(page: Page, file: GeneratedFile, mimeType: string, region = "Забайкальский край") {
  await page.goto("/directory/import");
  await page.getByLabel("Регион").selectOption({ label: region });
  await page.getByLabel("Файл со списком").setInputFiles({ name: file.fileName, mimeType, buffer: Buffer.from(file.bytes) });
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(file.fileName, { timeout: 30_000 });
  await expect(page).toHaveURL(/\/directory\/import\/[0-9a-f-]{36}$/);
}

/** The figure of a labelled statistic («Будет создано» → «5 000 школ»). */
const stat = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd").first();

test.describe.configure({ mode: "serial" });

let brokenImportUrl = "";

test.describe("school list import", () => {
  test("a coordinator imports 5 000 schools from XLSX, watching the progress", async ({ browser }) => {
    test.setTimeout(180_000);
    const chita = await as(browser, CHITA);
    const { page } = chita;
    const before = await schoolsOf(page, "Забайкальский край");
    const file = await schoolsXlsx({ rows: 5000, seed: 51, firstNumber: 400_000 });

    await uploadList(page, file, XLSX);
    await expect(page.getByText("Книга Excel (XLSX), лист «Список ОО»")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "«ИНН» → ИНН" })).toBeVisible();
    await expect(stat(page, "Будет создано")).toHaveText(/^5\s000 школ$/);
    await expect(stat(page, "Строк с ошибками")).toHaveText("0");
    await expect(page.getByRole("alert")).toHaveCount(0);

    await page.getByRole("button", { name: "Загрузить в справочник" }).click();
    await expect(page.getByRole("progressbar", { name: "Ход загрузки" })).toBeVisible();
    // Collect what the progress says until the result shows: at least one step before the end.
    const said = new Set<string>();
    if (process.env.E2E_DEBUG_PROGRESS) page.on("close", () => console.info([...said]));
    const status = page.locator("#import-progress-status");
    const done = page.getByRole("heading", { name: "Список загружен в справочник" });
    await expect
      .poll(
        async () => {
          // allInnerTexts never waits, so the element going away with the result cannot stall the poll.
          for (const text of await status.allInnerTexts()) said.add(text.trim());
          return done.count();
        },
        { timeout: 120_000, intervals: [100] },
      )
      .toBe(1);
    // The steps arrive live (the page is not reloaded when JavaScript runs), then the final event.
    expect([...said].filter((s) => /^Шаг [1-4] из 4/.test(s))).not.toEqual([]);
    expect(said.size).toBeGreaterThanOrEqual(2);
    await expect(stat(page, "Создано")).toHaveText(/^5\s000 школ$/);
    await expect(stat(page, "Обновлено")).toHaveText("0 школ");
    await expect(page.getByText(/^Загрузка завершена \d+ \S+ \d{4}, \d\d:\d\d \(/)).toBeVisible();

    expect(await schoolsOf(page, "Забайкальский край")).toBe(before + 5000);
    await page.goto("/directory/import");
    await expect(page.getByRole("listitem").filter({ hasText: file.fileName }).first()).toContainText("Загружен в справочник");
    await chita.close();
  });

  test("a broken cp1251 list shows every error in Russian, offers no confirmation and writes nothing", async ({ browser }) => {
    const chita = await as(browser, CHITA);
    const { page } = chita;
    const before = await schoolsOf(page, "Забайкальский край");
    const file = schoolsCsv({
      rows: 300,
      seed: 52,
      firstNumber: 450_000,
      encoding: "windows-1251",
      omitColumns: ["municipality"],
      brokenRows: { 3: "duplicateInn", 50: "innChecksum" },
    });

    await uploadList(page, file, "text/csv");
    brokenImportUrl = page.url();
    await expect(page.getByText("CSV, кодировка Windows-1251 (cp1251), разделитель «;»")).toBeVisible();
    await expect(page.getByRole("alert")).toHaveText("В файле 3 ошибки. Ничего не будет записано: исправьте файл и загрузите его снова.");
    await expect(page.getByText("нет в файле — обязательный столбец «Муниципальное образование»")).toBeVisible();
    const errors = page.getByRole("region", { name: "Ошибки" }).getByRole("listitem");
    await expect(errors).toHaveCount(3);
    await expect(errors.nth(0)).toContainText("В файле нет столбца «Муниципальное образование». Найдены столбцы: «№ п/п», «ИНН», «Полное наименование»");
    await expect(errors.nth(1)).toHaveText(`Строки 4 и 5: один и тот же ИНН ${file.schools[3]!.inn} — оставьте одну строку на школу`);
    await expect(errors.nth(2)).toHaveText(/^Строка 52: ИНН \d{10} не проходит проверку контрольной суммы — проверьте, не перепутаны ли цифры$/);
    await expect(page.getByRole("button", { name: "Загрузить в справочник" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // Even a forged confirmation writes nothing.
    const forged = await page.request.post(brokenImportUrl, { headers: { Origin: new URL(brokenImportUrl).origin }, form: { intent: "apply" }, maxRedirects: 0 });
    expect(forged.status()).toBe(409);
    expect(await schoolsOf(page, "Забайкальский край")).toBe(before);

    await page.goto("/directory/import");
    const listed = page.getByRole("listitem").filter({ hasText: file.fileName }).first();
    await expect(listed).toContainText("Отклонён: в файле есть ошибки");
    await expect(listed).toContainText("3 ошибки");
    await expectNoSeriousA11yViolations(page);
    await chita.close();
  });

  test("another region's coordinator and a teacher are refused", async ({ browser }) => {
    expect(brokenImportUrl).not.toBe("");
    const tula = await as(browser, "coordinator.tula@most.example");
    const response = await tula.page.goto(brokenImportUrl);
    expect(response!.status()).toBe(403);
    await expect(tula.page.getByText("Эта загрузка относится к региону, который вы не координируете.")).toBeVisible();
    await tula.page.goto("/directory/import");
    const options = await tula.page.getByLabel("Регион").locator("option").allTextContents();
    expect(options).toEqual(["Тульская область"]);
    const forged = await tula.page.request.post(brokenImportUrl, { headers: { Origin: new URL(brokenImportUrl).origin }, form: { intent: "apply" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await tula.close();

    const teacher = await as(browser, "teacher.math@most.example");
    const refused = await teacher.page.goto("/directory/import");
    expect(refused!.status()).toBe(403);
    await expect(teacher.page.getByText("Загружать списки школ могут координаторы программы в своём регионе.")).toBeVisible();
    await teacher.close();
  });

  test("works without JavaScript: upload, confirm, and the page refreshes itself until done", async ({ browser }) => {
    test.setTimeout(60_000);
    const chita = await as(browser, CHITA, { javaScriptEnabled: false });
    const { page } = chita;
    const file = schoolsCsv({ rows: 40, seed: 53, firstNumber: 460_000 });
    await uploadList(page, file, "text/csv");
    await expect(stat(page, "Будет создано")).toHaveText("40 школ");
    await page.getByRole("button", { name: "Загрузить в справочник" }).click();
    await expect(page.getByRole("heading", { name: "Список загружен в справочник" })).toBeVisible({ timeout: 30_000 });
    await expect(stat(page, "Создано")).toHaveText("40 школ");
    await chita.close();
  });
});
