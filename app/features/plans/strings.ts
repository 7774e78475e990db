/** Russian strings of the plans capability (one place for the UI and the server's messages). */
export const PLAN_ERRORS = {
  forbidden: "Недостаточно прав для этого действия.",
  notFound: "План не найден.",
  ownerNotFound: "Владелец плана не найден.",
  itemNotFound: "Мероприятие не найдено.",
  templateUnknown: "Такого шаблона нет.",
  personUnknown: "Этого человека нельзя назначить ответственным: выберите из списка.",
  alreadyResponsible: "Этот человек уже ответственный.",
  sameStatus: "Статус уже такой.",
  notPublishable: "Опубликовать на открытой странице можно только план школы.",
  emptyImport: "В файле нет ни одного раздела или мероприятия.",
  fileNotFound: "Файл не найден.",
  fileEmpty: "Выберите файл.",
  noTitleColumn: "В файле нет столбца «Мероприятие» (или «Наименование мероприятия», «Содержание работы»).",
} as const;

export const PLAN_DONE = {
  created: "План создан.",
  item: "Добавлено.",
  status: "Статус изменён.",
  person: "Ответственный назначен.",
  "person-removed": "Ответственный снят.",
  report: "Отчёт сохранён.",
  evidence: "Материал добавлен.",
  file: "Файл добавлен.",
  imported: "План загружен из файла.",
  published: "План опубликован на открытой странице.",
  unpublished: "План снят с открытой страницы.",
} as const;
export type PlanDoneKey = keyof typeof PLAN_DONE;

/** The report's status words (seed 000, item 20.1). */
export const REPORT_STATUS_LABELS = {
  on_time: "выполнено в срок",
  late: "выполнено с опозданием",
  overdue: "просрочено",
  in_progress: "выполняется",
  planned: "запланировано",
  cancelled: "отменено",
} as const;
export type ReportStatus = keyof typeof REPORT_STATUS_LABELS;
