import { expect, test, type Browser } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";
import { expectNoSeriousA11yViolations, noJsPage, originOf } from "../helpers/pages";
import { writeRich } from "../discussions/helpers";

const AUTHOR = "teacher.math@most.example";
const EXPERT = "expert@most.example";

/** A one-page PDF whose only text (UTF-16 with a BOM) is a word that appears nowhere else. */
const PDF_ONLY_WORD = "кругозорограмма";
function pdfWith(text: string): Buffer {
  const hex = Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();
  const content = `BT /F1 12 Tf 20 100 Td <FEFF${hex}> Tj ET`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${content.length}>>stream\n${content}\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    "latin1",
  );
}
const PDF = pdfWith(`Лист самооценки: ${PDF_ONLY_WORD} урока`);
function exe(): Buffer {
  const b = Buffer.alloc(1024);
  b.write("MZ", 0, "latin1");
  b.write("PE\0\0", 128, "latin1");
  b.writeUInt32LE(128, 0x3c);
  return b;
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

test.describe("library", () => {
  test.describe.configure({ timeout: 240_000 });

  test("an author submits a practice with a file; the expert returns it, then accepts the fixed one; a guest reads it and downloads the file, never the draft", async ({ browser, baseURL }) => {
    const token = `lib${Date.now().toString(36)}`;
    const title = `Листы самооценки на уроках геометрии ${token}`;
    const author = await signedIn(browser, AUTHOR);
    const a = author.page;
    await a.getByRole("navigation").getByRole("link", { name: "Библиотека" }).first().click();
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("Библиотека практик");
    await a.getByRole("link", { name: "Предложить практику" }).click();
    await a.getByLabel("Вид материала").selectOption({ label: "Лучшая практика" });
    await a.getByLabel("Название").fill(title);
    await a.getByLabel("Краткое описание").fill("Как семиклассники отмечают, что поняли на уроке геометрии, и как учитель планирует по этим отметкам следующий урок.");
    await writeRich(a, "Описание практики", "Каждый урок заканчивается листом из трёх вопросов. Учитель раскладывает листы на три стопки и даёт каждой группе своё задание.");
    await a.getByRole("group", { name: "Предметы и направления" }).getByLabel("Математика").check();
    await a.getByRole("group", { name: "Классы" }).getByLabel("5–9 классы").check();
    await a.getByRole("group", { name: "Темы" }).getByLabel("Формирующее оценивание").check();
    await a.getByRole("button", { name: "Сохранить черновик" }).click();
    await expect(a.getByText("Черновик сохранён.")).toBeVisible();
    const practiceUrl = new URL(a.url()).pathname.replace(/\/edit$/, "");

    // Refused uploads say why; an accepted one shows in the list (the upload shows its progress).
    const file = a.getByLabel("Добавить файл");
    await file.setInputFiles({ name: "konspekt.pdf", mimeType: "application/pdf", buffer: exe() });
    await a.getByRole("button", { name: "Загрузить" }).click();
    await expect(a.getByRole("alert").filter({ hasText: "Содержимое файла не соответствует расширению .pdf" })).toBeVisible();
    await file.setInputFiles({ name: "Лист самооценки.pdf", mimeType: "application/pdf", buffer: PDF });
    await a.getByRole("button", { name: "Загрузить" }).click();
    await expect(a.getByText("Файл «Лист самооценки.pdf» загружен.")).toBeVisible();
    await expect(a.getByRole("link", { name: "Лист самооценки.pdf" })).toBeVisible();
    const fileHref = await a.getByRole("link", { name: "Лист самооценки.pdf" }).getAttribute("href");
    // A path in the name and an oversized file are refused with a message; nothing is added.
    const headers = { ...originOf(baseURL), Accept: "application/json" };
    const traversal = await a.request.post(`${practiceUrl}/files`, { headers, multipart: { file: { name: "../../etc/passwd.pdf", mimeType: "application/pdf", buffer: PDF } } });
    expect(traversal.status()).toBe(400);
    expect(((await traversal.json()) as { error: string }).error).toContain("Недопустимое имя файла");
    const oversized = await a.request.post(`${practiceUrl}/files`, { headers, multipart: { file: { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([PDF, Buffer.alloc(26 * 1024 * 1024)]) } } });
    expect(oversized.status()).toBe(413);
    expect(await oversized.text()).toContain("Слишком большой запрос: не больше 25 МБ.");
    await a.reload();
    await expect(a.getByRole("region", { name: "Материалы" }).getByRole("link")).toHaveCount(1);
    await a.getByRole("button", { name: "Отправить на экспертизу" }).click();
    await expect(a.getByText("Практика отправлена на экспертизу.")).toBeVisible();

    // A guest sees neither the draft nor its file.
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    expect((await guest.goto(practiceUrl))!.status()).toBe(404);
    expect((await guest.request.get(fileHref!)).status()).toBe(404);
    // Nor does search show the draft to anyone who may not read it.
    await guest.goto(`/search?q=${token}`);
    await expect(guest.getByText("Ничего не найдено")).toBeVisible();

    // The expert returns it with comments.
    const expert = await signedIn(browser, EXPERT);
    const e = expert.page;
    await e.goto("/library/review");
    await e.getByRole("link", { name: title }).click();
    await e.getByRole("button", { name: "Взять на экспертизу" }).click();
    await expect(e.getByText("Практика взята на экспертизу.")).toBeVisible();
    await expect(e.getByRole("link", { name: "Лист самооценки.pdf" })).toBeVisible();
    await e.getByLabel("Заключение для автора").fill("Добавьте результаты: как изменились отметки за контрольные после введения листов.");
    await e.getByRole("button", { name: "Вернуть на доработку" }).click();
    await expect(e.getByText("Практика возвращена автору с комментариями.")).toBeVisible();

    // The author is notified, fixes the practice and submits it again.
    await a.goto("/notifications");
    await expect(a.getByText(`Практика «${title}» возвращена на доработку`)).toBeVisible();
    await a.goto(`${practiceUrl}/edit`);
    await expect(a.getByText("Добавьте результаты: как изменились отметки")).toBeVisible();
    await a.getByLabel("Краткое описание").fill("Как семиклассники отмечают, что поняли на уроке геометрии. За четверть доля «двоек» за контрольные снизилась с 20 до 8 %. Учёт отметок ведётся в общей таблице.");
    await a.getByRole("button", { name: "Сохранить изменения" }).click();
    await expect(a.getByText("Изменения сохранены.")).toBeVisible();
    await a.getByRole("button", { name: "Отправить на экспертизу" }).click();
    await expect(a.getByText("Практика отправлена на экспертизу.")).toBeVisible();

    // The expert accepts it with the rubric.
    await e.goto(`${practiceUrl}/review`);
    await e.getByRole("button", { name: "Взять на экспертизу" }).click();
    for (const criterion of ["Соответствие задачам программы", "Подтверждённые результаты", "Воспроизводимость", "Полнота материалов"]) {
      await e.getByRole("radiogroup", { name: `${criterion}: оценка` }).getByLabel("5").check();
    }
    await e.getByRole("button", { name: "Принять и опубликовать" }).click();
    await expect(e.getByText("Практика принята и опубликована.")).toBeVisible();
    await a.goto("/notifications");
    await expect(a.getByText(`Практика «${title}» принята экспертом и опубликована`)).toBeVisible();

    // The guest reads it and downloads the file, as an attachment that is never sniffed.
    await guest.goto(practiceUrl);
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(guest.getByText("За четверть доля «двоек» за контрольные снизилась")).toBeVisible();
    const download = guest.waitForEvent("download");
    await guest.getByRole("link", { name: "Лист самооценки.pdf" }).click();
    expect((await download).suggestedFilename()).toBe("Лист самооценки.pdf");
    const response = await guest.request.get(fileHref!);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    await expectNoSeriousA11yViolations(guest);

    // Search finds the published practice: an inflected form, ё or е, a misspelled word, a word
    // only inside its PDF, and a subject filter (the index follows the publication in the background).
    const found = async (q: string, extra = "") => {
      await expect
        .poll(
          async () => {
            await guest.goto(`/search?q=${encodeURIComponent(q)}${extra}`);
            return guest.getByRole("main").getByRole("link", { name: title }).count();
          },
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
    };
    await found("самооценкой геометрия");
    await found(`ведется учет ${token}`);
    await found(`ведётся учёт ${token}`);
    await found("самооцнки геометрии");
    await found(PDF_ONLY_WORD);
    await found(token, "&subject=math");
    await guest.goto(`/search?q=${token}&subject=physics`);
    await expect(guest.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);
    await Promise.all([author.context.close(), expert.context.close(), guestContext.close()]);
  });

  test("without JavaScript: the library filters and a practice page render on the server", async ({ browser }) => {
    const { page, close } = await noJsPage(browser);
    await page.goto("/library");
    await page.getByLabel("Тема", { exact: true }).selectOption({ label: "Работа с родителями и семьями" });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/theme=families/);
    await page.getByRole("link", { name: "Родительский клуб в сельской школе: как мы перестали собирать собрания ради галочки" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Родительский клуб в сельской школе: как мы перестали собирать собрания ради галочки");
    await expect(page.getByRole("heading", { name: /Комментарии/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Анкета для родителей.docx" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Похожие практики" })).toBeVisible();
    await close();
    // The same page with scripts on passes the accessibility checks.
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto("/library");
    await expectNoSeriousA11yViolations(reader);
    await context.close();
  });
});
