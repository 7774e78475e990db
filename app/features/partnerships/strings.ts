/** Russian strings of the partnerships capability (one place for the UI and the server's messages). */
import type { PartnershipMemberRole, PartnershipStatus } from "./vocabulary.ts";

export const PARTNERSHIP_ERRORS = {
  forbidden: "Недостаточно прав для этого действия.",
  notFound: "Партнёрство не найдено.",
  schoolNotFound: "Школа не найдена.",
  notSchools: "Партнёрство заключают две школы.",
  sameSchool: "Выберите другую школу: школа не может быть партнёром самой себе.",
  pairOpen: "У этих школ уже есть действующее или предложенное партнёрство.",
  wrongStatus: "Статус партнёрства уже изменился: обновите страницу.",
  notStaff: "Этот человек не числится подтверждённым сотрудником школы.",
  alreadyMember: "Этот человек уже участник партнёрства.",
  notMembers: "Наставник и наставляемый должны быть участниками партнёрства.",
  samePerson: "Выберите двух разных людей.",
  pairExists: "Такая пара уже работает.",
  pairNotFound: "Пара не найдена.",
  visitNotFound: "Протокол не найден.",
  fileNotFound: "Файл не найден.",
  fileTooLarge: "Файл слишком большой: не больше 5 МБ.",
  fileEmpty: "Выберите файл.",
  fileType: "Такой тип файла не принимается: PDF, документы Office и OpenDocument, изображения.",
  reasonRequired: "Укажите причину.",
  periodOrder: "Окончание срока — не раньше начала.",
  curatorUnknown: "Куратором может быть сотрудник одной из двух школ или участник партнёрства.",
} as const;

export const STATUS_LABELS: Record<PartnershipStatus, string> = {
  proposed: "предложено",
  accepted: "принято школой, ждёт подтверждения координатора",
  active: "действует",
  completed: "завершено",
  declined: "отклонено",
  ended: "прекращено",
};

export const MEMBER_ROLE_LABELS: Record<PartnershipMemberRole, string> = {
  responsible: "ответственный от школы",
  teacher: "педагог",
  methodist: "методист",
  specialist: "специалист сопровождения",
};

export const SIDE_LABELS = { leader: "Школа-лидер", partner: "Школа-партнёр" } as const;

export const PARTNERSHIP_DONE = {
  proposed: "Предложение отправлено. Вторая школа получит уведомление.",
  accepted: "Партнёрство принято. Теперь его подтвердит координатор региона школы-партнёра.",
  "accepted-side": "Вы приняли предложение. Ждём ответа второй школы.",
  confirmed: "Партнёрство подтверждено и действует.",
  declined: "Предложение отклонено.",
  ended: "Партнёрство прекращено.",
  completed: "Партнёрство завершено.",
  agreement: "Сведения о соглашении сохранены.",
  member: "Участник добавлен.",
  "member-removed": "Участник исключён из партнёрства.",
  pair: "Наставническая пара создана.",
  meeting: "Встреча записана в журнал.",
  visit: "Протокол посещения сохранён.",
  file: "Файл загружен.",
  strengths: "Сильные стороны школы сохранены.",
} as const;
export type PartnershipDoneKey = keyof typeof PARTNERSHIP_DONE;

/** Forms of «педагог» for countRu. */
export const TEACHERS = ["педагог", "педагога", "педагогов"] as const;
export const PARTNERSHIPS = ["партнёрство", "партнёрства", "партнёрств"] as const;
