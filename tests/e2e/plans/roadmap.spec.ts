import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { personPage } from "../discussions/helpers";
import { expectNoSeriousA11yViolations } from "../helpers/pages";
import { assign, CURATOR, MENTOR, openActivity, roadmapFromTemplate, stamp } from "./helpers";

const SEED_001 = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/plans/seed-001.xlsx");

test("a curator builds a roadmap from a template, assigns people, reports; XLSX re-imports unchanged; the quarterly report shows the evidence", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await personPage(browser, CURATOR);
  const title = `Дорожная карта ${stamp()}`;
  const planPath = await roadmapFromTemplate(page, title);
  await expect(page.getByRole("heading", { name: "1. Организация партнёрства" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Разделы и мероприятия" }).getByTestId("activity")).toHaveCount(8);
  await expect(page.getByRole("img", { name: /Шкала времени/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A responsible person for the lesson visits.
  await openActivity(page, planPath, "Взаимопосещение уроков с последующим обсуждением");
  await assign(page, MENTOR.name);
  await expectNoSeriousA11yViolations(page);

  // The master class is reported done with its evidence.
  await openActivity(page, planPath, "Мастер-класс учителей школы-лидера");
  await page.getByLabel("Фактический результат (отметка о выполнении)").fill("Проведён мастер-класс «Светофор и листы самооценки» для 12 учителей ЦО № 3.");
  await page.getByRole("button", { name: "Сохранить отчёт" }).click();
  await expect(page.getByText("Отчёт сохранён.")).toBeVisible();
  await page.getByLabel("Ссылка на материал").fill("https://gym14.chita.edu.example/news/master-class");
  await page.getByLabel("Название материала").fill("Новость о мастер-классе");
  await page.getByRole("button", { name: "Добавить материал" }).click();
  await expect(page.getByText("Материал добавлен.")).toBeVisible();
  await expect(page.getByTestId("evidence").getByRole("link", { name: "Новость о мастер-классе" })).toHaveAttribute("href", "https://gym14.chita.edu.example/news/master-class");
  await expect(page.getByTestId("activity-state")).toHaveText(/^Выполнено (в срок|с опозданием)$/);
  await page.getByLabel(/^Файл \(PDF/).setInputFiles({ name: "Протокол мастер-класса.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await page.getByRole("button", { name: "Добавить файл" }).click();
  await expect(page.getByText("Файл добавлен.")).toBeVisible();
  const fileLink = page.getByTestId("evidence").getByRole("link", { name: "Протокол мастер-класса.pdf" });
  const fileResponse = await page.request.get((await fileLink.getAttribute("href"))!);
  expect([fileResponse.status(), fileResponse.headers()["content-type"]]).toEqual([200, "application/pdf"]);

  // Export to XLSX, upload it back: the plan is unchanged (its CSV export is byte for byte the same).
  const csvBefore = await (await page.request.get(`${planPath}/export?format=csv`)).text();
  expect(csvBefore).toContain("Мастер-класс учителей школы-лидера");
  expect(csvBefore).toContain(MENTOR.name);
  await page.goto(planPath);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать XLSX" }).click();
  const file = await (await download).path();
  await page.getByRole("link", { name: "Загрузить из файла" }).click();
  await page.getByLabel("Файл плана").setInputFiles(file);
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByText("План загружен из файла.")).toBeVisible();
  const csvAfter = await (await page.request.get(`${planPath}/export?format=csv`)).text();
  expect(csvAfter).toBe(csvBefore);

  // The quarterly report of this quarter lists the done activity with its evidence.
  await page.getByRole("link", { name: "Квартальный отчёт" }).click();
  const row = page.getByTestId("report-table").getByRole("row").filter({ hasText: "Мастер-класс учителей школы-лидера" });
  await expect(row).toContainText("Проведён мастер-класс «Светофор и листы самооценки» для 12 учителей ЦО № 3.");
  await expect(row.getByRole("link", { name: "Новость о мастер-классе" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Протокол мастер-класса.pdf" })).toBeVisible();
  await expect(row).toContainText(/выполнено (в срок|с опозданием)/);
  await expect(page.getByTestId("report-summary")).toContainText("Всего");
  await expectNoSeriousA11yViolations(page);
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/file?format=pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const xlsx = await page.request.get(`${new URL(page.url()).pathname}/file?format=xlsx`);
  expect(xlsx.status()).toBe(200);

  // A teacher of another school does not see the partnership's roadmap.
  const stranger = await personPage(browser, "petrov@most.example");
  expect((await stranger.goto(planPath))!.status()).toBe(404);
  await stranger.context().close();
  await page.context().close();
});

test("the seed 001 plan, typed into a spreadsheet in its own columns, imports into a municipality's plan", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await personPage(browser, "coordinator.buryatia@most.example");
  await page.goto("/organisations");
  await page.getByLabel("Регион").selectOption({ label: "Республика Бурятия" });
  await page.getByRole("button", { name: "Показать" }).click();
  await page.getByLabel("Муниципалитет").selectOption({ label: "Бичурский район" });
  await page.getByRole("button", { name: "Показать" }).click();
  await page.getByRole("region", { name: "Планы муниципалитета" }).getByRole("link", { name: "Создать план" }).click();
  await page.getByLabel("Шаблон").selectOption({ label: "Пустой план" });
  await page.getByLabel("Название плана").fill(`План мероприятий ШНОР ${stamp()}`);
  await page.getByLabel("Учебный год").fill("2020/2021");
  await page.getByRole("button", { name: "Создать план" }).click();
  await expect(page.getByText("План создан.")).toBeVisible();
  await page.getByRole("link", { name: "Загрузить из файла" }).click();
  await page.getByLabel("Файл плана").setInputFiles(SEED_001);
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByText("План загружен из файла.")).toBeVisible();
  for (const section of ["1. Нормативно-правовое обеспечение", "2. Мониторинг, оценка и анализ образовательного процесса", "5. Организационно-методические мероприятия. Материально-техническое обеспечение"]) {
    await expect(page.getByRole("heading", { name: section })).toBeVisible();
  }
  await expect(page.getByTestId("activity")).toHaveCount(22);
  const analysis = page.getByTestId("activity").filter({ hasText: "Предметно-содержательный анализ результатов ВПР. ОГЭ, ЕГЭ-2020" });
  await expect(analysis).toContainText("Декабрь 2020 год (01.12.2020 – 31.12.2020)");
  await expect(analysis).toContainText("МУ РУО, руководители ШНОР");
  await page.context().close();
});

test("a plan works without JavaScript and at 360 px: an activity is added with a plain form, the pages do not scroll sideways", async ({ browser }) => {
  test.setTimeout(120_000);
  const noJs = await personPage(browser, CURATOR, { javaScriptEnabled: false });
  const planPath = await roadmapFromTemplate(noJs, `Дорожная карта ${stamp()}`);
  const title = `Совместное планирование ${stamp()}`;
  await noJs.getByLabel("Мероприятие", { exact: true }).fill(title);
  await noJs.getByLabel("Тип").selectOption({ label: "Совместное планирование" });
  await noJs.getByLabel("Срок, как в плане").fill("4, 1, 2 кв.");
  await noJs.getByRole("button", { name: "Добавить мероприятие" }).click();
  await expect(noJs.getByText("Добавлено.")).toBeVisible();
  await expect(noJs.getByTestId("activity").filter({ hasText: title })).toContainText("4, 1, 2 кв. (");
  await noJs.context().close();

  const phone = await personPage(browser, CURATOR);
  await phone.setViewportSize({ width: 360, height: 740 });
  for (const path of [planPath, `${planPath}/report`, `${planPath}/import`]) {
    await phone.goto(path);
    await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await phone.context().close();
});
