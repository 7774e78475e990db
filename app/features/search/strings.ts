/** Russian strings of the search pages (browser-safe). */
import type { PluralForms } from "~/utils/plural";
import type { FacetName, SearchKind, SearchSort } from "./provider";

export const SEARCH_TEXT = {
  title: "Поиск",
  lead: "Практики, обсуждения, мероприятия, педагоги и организации — с учётом форм слов, опечаток и букв «ё» и «е».",
  queryLabel: "Что найти",
  queryHint: "Можно взять фразу в кавычки и исключить слово минусом: «оценивание -ВПР».",
  submit: "Найти",
  filters: "Уточнить",
  apply: "Применить",
  reset: "Сбросить фильтры",
  anyKind: "Всё",
  any: "Любой",
  anyFem: "Любая",
  sort: "Порядок",
  corrected: (q: string) => `Показаны результаты по запросу «${q}»`,
  approximate: (n: string) => `Найдено около ${n}: показаны лучшие из самых свежих совпадений. Уточните запрос или фильтры.`,
  empty: "Ничего не найдено",
  emptyHint: "Проверьте написание, уберите часть слов или фильтров. Поиск учитывает формы слов: «оценивание» найдёт и «оцениванию».",
  prompt: "Введите слово или фразу — например, «формирующее оценивание» или название школы.",
  more: (label: string) => `Все результаты: ${label.toLowerCase()}`,
  pages: "Страницы",
  prev: "← Назад",
  next: "Дальше →",
  page: (n: number, of: number) => `Страница ${n} из ${of}`,
  facetsTitle: "Сколько найдено",
  boxLabel: "Поиск по платформе",
  boxPlaceholder: "Поиск…",
  boxResults: "Подсказки поиска",
  boxAll: (q: string) => `Все результаты по запросу «${q}»`,
  boxNothing: "Ничего не нашлось",
} as const;

export const KIND_LABELS: Record<SearchKind, string> = {
  practice: "Практики",
  thread: "Обсуждения",
  event: "Мероприятия",
  person: "Педагоги",
  organisation: "Организации",
};

/** One item of a kind, for the instant box. */
export const KIND_SINGULAR: Record<SearchKind, string> = {
  practice: "Практика",
  thread: "Обсуждение",
  event: "Мероприятие",
  person: "Педагог",
  organisation: "Организация",
};

export const FACET_LABELS: Record<FacetName, string> = {
  kind: "Раздел",
  subject: "Предмет",
  grade: "Классы",
  theme: "Тема",
  docKind: "Вид",
  region: "Регион",
};

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: "Сначала подходящие",
  date: "Сначала новые",
  usefulness: "Сначала полезные",
};

/** Kinds inside a kind: practice kinds, organisation kinds, where a thread lives. */
export const DOC_KIND_LABELS: Record<string, string> = {
  practice: "Практика",
  recommendations: "Методические рекомендации",
  lesson_plan: "Конспект урока",
  case: "Кейс",
  community: "Обсуждение сообщества",
  partnership: "Рабочее пространство партнёрства",
  school: "Школа",
  ministry: "Министерство",
  municipal_office: "МОУО",
  institute: "ИРО",
  cnppm: "ЦНППМ",
  coko: "ЦОКО",
  other: "Другая организация",
};

export const RESULTS: PluralForms = ["результат", "результата", "результатов"];
