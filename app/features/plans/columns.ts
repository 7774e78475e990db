/**
 * The columns of a plan in a spreadsheet: the fields an import understands and the header
 * synonyms the seed documents and real plans use («Наименование мероприятия», «Сроки
 * исполнения», «Ответственный исполнитель»…). Matching is the directory import's
 * (`normaliseHeader`: case, ё, punctuation do not matter).
 *
 * Browser-safe.
 */
import { normaliseHeader } from "../directory/import/columns.ts";

export const PLAN_FIELDS = ["number", "title", "type", "term", "start", "end", "responsible", "people", "expected", "actual", "evidence", "status"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** The headers an export writes, in its order (the quarterly report has its own). */
export const PLAN_EXPORT_HEADERS: Readonly<Record<PlanField, string>> = {
  number: "№ п/п",
  title: "Мероприятие",
  type: "Тип",
  term: "Срок",
  start: "Начало",
  end: "Окончание",
  responsible: "Ответственный",
  people: "Ответственные участники",
  expected: "Ожидаемый результат",
  actual: "Фактический результат",
  evidence: "Подтверждающие материалы",
  status: "Статус",
};

export const PLAN_SYNONYMS: Readonly<Record<PlanField, readonly string[]>> = {
  number: ["№ п/п", "№", "N", "Номер", "№ мероприятия", "П/п"],
  title: [
    "Мероприятие", "Мероприятия", "Наименование мероприятия", "Наименование мероприятий", "Содержание мероприятия",
    "Содержание работы", "Содержание деятельности", "Название мероприятия", "Наименование", "Мероприятие (действие)",
  ],
  type: ["Тип", "Тип мероприятия", "Форма", "Форма работы", "Вид мероприятия"],
  term: ["Срок", "Сроки", "Срок исполнения", "Сроки исполнения", "Срок выполнения", "Сроки выполнения", "Сроки проведения", "Срок проведения", "Дата проведения", "Период"],
  start: ["Начало", "Дата начала", "Начало срока"],
  end: ["Окончание", "Дата окончания", "Окончание срока", "Крайний срок"],
  responsible: ["Ответственный", "Ответственные", "Ответственный исполнитель", "Ответственные исполнители", "Исполнитель", "Исполнители", "Ответственный за исполнение"],
  people: ["Ответственные участники", "Ответственные люди"],
  expected: ["Ожидаемый результат", "Ожидаемые результаты", "Результат", "Планируемый результат", "Планируемые результаты", "Показатель результата"],
  actual: ["Фактический результат", "Фактический результат (отметка о выполнении)", "Отметка о выполнении", "Отчёт о выполнении"],
  evidence: ["Подтверждающие материалы", "Материалы", "Ссылки на материалы"],
  status: ["Статус", "Состояние", "Статус выполнения"],
};

const INDEX: ReadonlyMap<string, PlanField> = new Map(PLAN_FIELDS.flatMap((f) => PLAN_SYNONYMS[f].map((s) => [normaliseHeader(s), f] as const)));

/** The field one header names (exactly, or without a parenthesised remark), or undefined. */
export function planFieldOfHeader(header: string): PlanField | undefined {
  return INDEX.get(normaliseHeader(header)) ?? INDEX.get(normaliseHeader(header.replace(/\([^)]*\)/g, " ")));
}

/** How many distinct fields a row names (to find the header row under a title). */
export function countPlanHeaders(cells: readonly string[]): number {
  return new Set(cells.map((c) => (c.trim() ? planFieldOfHeader(c) : undefined)).filter(Boolean)).size;
}

/** The column of each field (the first that names it). */
export function matchPlanHeaders(headers: readonly string[]): Partial<Record<PlanField, number>> {
  const mapping: Partial<Record<PlanField, number>> = {};
  headers.forEach((h, i) => {
    const f = h.trim() ? planFieldOfHeader(h) : undefined;
    if (f && mapping[f] === undefined) mapping[f] = i;
  });
  return mapping;
}
