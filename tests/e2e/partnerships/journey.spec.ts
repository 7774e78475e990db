import { expect, test, type Page } from "@playwright/test";
import { personPage, writeRich } from "../discussions/helpers";

/** Demo people (db/seed/partnerships.ts): Холбонская СОШ (ШНОР) and СОШ № 2 г. Шилки (школа-лидер), Шилкинский район. */
const PEOPLE = {
  partnerAdmin: "director.kholbon@most.example",
  leaderAdmin: "director.shilka@most.example",
  coordinator: "coordinator.chita@most.example",
  mentor: "mentor.shilka@most.example",
  mentee: "teacher.kholbon@most.example",
  /** A teacher of another school (СОШ № 2 г. Шилки) for the demo partnership of Гимназия № 14 and ЦО № 3 г. Читы. */
  strangerOfChita: "petrov@most.example",
} as const;
const LEADER = "МОУ СОШ № 2 г. Шилки";
const PARTNER = "МОУ Холбонская СОШ";
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test.describe("a partnership from the suggestion to the live workspace", () => {
  test.setTimeout(360_000);

  test("propose from the suggestions, accept, confirm, a mentor pair logs a meeting, a visit protocol is answered live", async ({ browser }) => {
    // The partner school's administrator sees ranked leaders with the reasons and proposes.
    const partnerAdmin = await personPage(browser, PEOPLE.partnerAdmin);
    await open(partnerAdmin, "/partnerships/new");
    const suggestions = partnerAdmin.getByRole("list", { name: "Предлагаемые школы" });
    const first = suggestions.getByRole("article").first();
    await expect(first.getByRole("heading", { level: 3 })).toHaveText(LEADER);
    const reasons = first.getByRole("list", { name: `Причины: ${LEADER}` });
    await expect(reasons).toContainText("Тот же муниципалитет: Шилкинский район");
    await expect(reasons).toContainText("Заявленная сильная сторона школы — «Формирующее оценивание»: помощь нужна 3 педагогам вашей школы");
    await expect(reasons).toContainText("1 педагог школы может помочь с темой «Формирующее оценивание»");
    await first.getByLabel(/Цели партнёрства/).fill("Формирующее оценивание на уроках математики в 5–9 классах");
    await first.getByRole("button", { name: `Предложить партнёрство: ${LEADER}` }).click();
    await expect(partnerAdmin.getByText("Предложение отправлено.")).toBeVisible();
    const path = new URL(partnerAdmin.url()).pathname;
    expect(path).toMatch(/^\/partnerships\/[0-9a-f-]{36}$/);

    // The leading school's administrator accepts.
    const leaderAdmin = await personPage(browser, PEOPLE.leaderAdmin);
    await open(leaderAdmin, path);
    await leaderAdmin.getByRole("button", { name: "Принять предложение" }).click();
    await expect(leaderAdmin.getByText("Партнёрство принято. Теперь его подтвердит координатор")).toBeVisible();

    // A coordinator of the partner school's region confirms: the partnership is active.
    const coordinator = await personPage(browser, PEOPLE.coordinator);
    await open(coordinator, path);
    await coordinator.getByRole("button", { name: "Подтвердить партнёрство" }).click();
    await expect(coordinator.getByText("Партнёрство подтверждено и действует.")).toBeVisible();
    await expect(coordinator.getByText("действует", { exact: true }).first()).toBeVisible();
    await coordinator.context().close();

    // Each school adds its teacher; the partner school's administrator forms the mentor pair.
    await open(partnerAdmin, path);
    await partnerAdmin.getByLabel("Сотрудник").selectOption({ label: `Ирина Сафронова (учитель, ${PARTNER})` });
    await partnerAdmin.getByRole("button", { name: "Добавить участника" }).click();
    await expect(partnerAdmin.getByText("Участник добавлен.")).toBeVisible();
    await open(leaderAdmin, path);
    await leaderAdmin.getByLabel("Сотрудник").selectOption({ label: `Олег Карпов (учитель, ${LEADER})` });
    await leaderAdmin.getByRole("button", { name: "Добавить участника" }).click();
    await expect(leaderAdmin.getByRole("list", { name: "Участники партнёрства" })).toContainText("Олег Карпов");
    await open(partnerAdmin, path);
    await partnerAdmin.getByText("Новая пара", { exact: true }).click();
    await partnerAdmin.getByLabel("Наставник", { exact: true }).selectOption({ label: `Олег Карпов (${LEADER})` });
    await partnerAdmin.getByLabel("Наставляемый", { exact: true }).selectOption({ label: `Ирина Сафронова (${PARTNER})` });
    await partnerAdmin.getByLabel("Цели пары").fill("Критерии успеха и листы самооценки на уроках математики");
    await partnerAdmin.getByRole("button", { name: "Создать пару" }).click();
    await expect(partnerAdmin.getByText("Наставническая пара создана.")).toBeVisible();
    await partnerAdmin.context().close();
    await leaderAdmin.context().close();

    // The mentor logs a meeting.
    const mentor = await personPage(browser, PEOPLE.mentor);
    await open(mentor, path);
    const meeting = `Разобрали ВПР 5 класса ${stamp()}`;
    await mentor.getByText("Записать встречу", { exact: true }).click();
    await mentor.getByLabel("Что сделали на встрече").fill(meeting);
    await mentor.getByLabel("Прогресс, %", { exact: true }).fill("30");
    await mentor.getByRole("button", { name: "Сохранить встречу" }).click();
    await expect(mentor.getByText("Встреча записана в журнал.")).toBeVisible();
    await expect(mentor.getByRole("list", { name: /^Встречи пары/ })).toContainText(meeting);

    // The mentor files a lesson-visit protocol and opens its discussion in the workspace.
    const topic = `Сравнение дробей ${stamp()}`;
    await mentor.getByText("Заполнить протокол посещения", { exact: true }).click();
    await mentor.getByLabel("Чей урок").selectOption({ label: `Ирина Сафронова (${PARTNER})` });
    await mentor.getByLabel("Класс", { exact: true }).fill("5 А");
    await mentor.getByLabel("Предмет", { exact: true }).selectOption({ label: "Математика" });
    await mentor.getByLabel("Тема урока").fill(topic);
    await mentor.getByLabel("Фокус наблюдения").fill("Обратная связь ученикам по ходу урока");
    await mentor.getByLabel("Сильные стороны урока").fill("Понятные критерии успеха, задания разного уровня");
    await mentor.getByLabel("Рекомендации").fill("Оставлять время на самопроверку по критериям");
    await mentor.getByLabel("Договорённости о следующих шагах").fill("Взаимное посещение через две недели");
    await mentor.getByRole("button", { name: "Сохранить протокол" }).click();
    await expect(mentor.getByRole("heading", { level: 1, name: "Протокол посещения урока" })).toBeVisible();
    await expect(mentor.getByText(topic)).toBeVisible();
    await mentor.getByRole("link", { name: "Обсудить протокол в рабочем пространстве" }).click();
    await expect(mentor.getByRole("heading", { level: 1 })).toContainText(topic);
    await mentor.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    // The observed teacher answers in the workspace; the mentor sees it without a reload.
    const mentee = await personPage(browser, PEOPLE.mentee);
    await open(mentee, path);
    await mentee.getByRole("list", { name: "Обсуждения партнёрства" }).getByRole("link", { name: new RegExp(topic) }).click();
    const answer = `Спасибо! Попробую самопроверку в 5 Б ${stamp()}`;
    // Typed once the editor has replaced the textarea (filling the textarea while it is being upgraded loses the text).
    await writeRich(mentee, "Текст ответа", answer);
    await mentee.getByRole("button", { name: "Ответить" }).click();
    await expect(mentee.getByRole("list", { name: "Сообщения" }).getByText(answer)).toBeVisible();
    await expect(mentor.getByRole("list", { name: "Сообщения" }).getByText(answer)).toBeVisible();
    expect(await mentor.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  });
});

test.describe("privacy of a partnership", () => {
  test.setTimeout(120_000);

  test("a teacher of another school reads neither the workspace, the protocols nor the mentor logs", async ({ browser }) => {
    // The curator of the demo partnership of Гимназия № 14 and ЦО № 3 г. Читы finds its private parts.
    const curator = await personPage(browser, "curator.chita@most.example");
    await open(curator, "/partnerships");
    await curator.getByRole("list", { name: "Мои партнёрства" }).getByRole("link", { name: /Гимназия № 14 г\. Читы/ }).click();
    await expect(curator.getByRole("heading", { name: "Рабочее пространство" })).toBeVisible();
    const path = new URL(curator.url()).pathname;
    const protocol = await curator.getByRole("list", { name: "Протоколы посещений" }).getByRole("link").first().getAttribute("href");
    const thread = await curator.getByRole("list", { name: "Обсуждения партнёрства" }).getByRole("link").first().getAttribute("href");
    const log = curator.getByRole("list", { name: /^Встречи пары/ }).first();
    await expect(log).toContainText("листы самооценки");
    await curator.context().close();

    // A teacher of СОШ № 2 г. Шилки sees the public card and history only.
    const stranger = await personPage(browser, PEOPLE.strangerOfChita);
    await open(stranger, path);
    await expect(stranger.getByRole("heading", { name: "Соглашение" })).toBeVisible();
    await expect(stranger.getByRole("heading", { name: "Рабочее пространство" })).toHaveCount(0);
    await expect(stranger.getByRole("heading", { name: "Наставнические пары" })).toHaveCount(0);
    await expect(stranger.getByText("листы самооценки")).toHaveCount(0);
    expect((await stranger.goto(protocol!))?.status()).toBe(404);
    expect((await stranger.goto(thread!))?.status()).toBe(404);
  });
});
