/** User-visible strings of the home page and the directory. */
export const HOME = {
  title: "Мост между школами",
  lead:
    "Учителя обсуждают практику в сетевых сообществах, школы-лидеры помогают школам-партнёрам по общей дорожной карте, институты проводят вебинары и семинары, а лучшие практики собираются в одной библиотеке.",
  description:
    "Платформа программы поддержки школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях.",
} as const;

export const KIND_LABELS: Record<string, string> = {
  school: "Образовательная организация",
  ministry: "Орган управления образованием субъекта РФ",
  municipal_office: "Муниципальный орган управления образованием",
  institute: "Институт развития образования",
  cnppm: "ЦНППМ",
  coko: "Центр оценки качества образования",
  other: "Организация",
};

export const FLAG_LABELS = {
  lowResults: "ШНОР",
  adverseConditions: "ШНСУ",
  leading: "Школа-лидер",
  trainingSite: "Стажировочная площадка",
  project500: "Участник «500+»",
} as const;

export { POSITIONS } from "~/features/vocabulary";
