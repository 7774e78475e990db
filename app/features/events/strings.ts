/** Russian strings of the events capability (browser-safe). */

export const TYPE_LABELS = {
  webinar: "Вебинар",
  seminar: "Семинар",
  problem_seminar: "Проблемный семинар",
  conference: "Конференция",
  master_class: "Мастер-класс",
  discussion_platform: "Дискуссионная площадка",
} as const;

export const FORMAT_LABELS = {
  online: "Онлайн",
  offline: "Очно",
  hybrid: "Очно и онлайн",
} as const;

export const AUDIENCE_LABELS = {
  open: "Открытое для всех",
  region: "Для педагогов региона",
  communities: "Для приглашённых сообществ",
} as const;

export const REGISTRATION_LABELS = {
  registered: "Вы зарегистрированы",
  waitlisted: "Вы в листе ожидания",
  cancelled: "Регистрация отменена",
} as const;

/** Plural forms for countRu. */
export const EVENTS: [string, string, string] = ["мероприятие", "мероприятия", "мероприятий"];
export const PARTICIPANTS: [string, string, string] = ["участник", "участника", "участников"];
export const SEATS: [string, string, string] = ["место", "места", "мест"];
export const PEOPLE_WAITING: [string, string, string] = ["человек", "человека", "человек"];
export const DAYS: [string, string, string] = ["день", "дня", "дней"];

export const EVENT_ERRORS = {
  notFound: "Мероприятие не найдено.",
  forbidden: "Недостаточно прав для этого действия.",
  createForbidden: "Мероприятия создают координаторы и сотрудники институтов развития образования, ЦНППМ и министерства.",
  organisationForbidden: "Вы не можете проводить мероприятия от имени этой организации.",
  unknownOrganisation: "Выберите организацию из списка.",
  unknownRegion: "Выберите регион из списка.",
  unknownCommunity: "Выберите сообщества из списка.",
  unknownPractice: "Выберите практики из списка.",
  cancelled: "Мероприятие отменено: регистрация закрыта.",
  finished: "Мероприятие уже прошло: регистрация закрыта.",
  notInAudience: "Это мероприятие для другой аудитории: регистрация доступна только приглашённым.",
  alreadyRegistered: "Вы уже зарегистрированы на это мероприятие.",
  notRegistered: "Вы не зарегистрированы на это мероприятие.",
  answerRequired: "Ответьте на этот вопрос.",
  answerChoice: "Выберите один из вариантов.",
  feedNotFound: "Календарь не найден: ссылка устарела или отозвана.",
} as const;

/** Notices after a successful form (?done=…). */
export const DONE = {
  created: "Мероприятие создано.",
  updated: "Изменения сохранены.",
  registered: "Вы зарегистрированы. Напомним о мероприятии за день и за час до начала.",
  waitlisted: "Свободных мест нет — вы в листе ожидания. Если место освободится, мы сразу сообщим.",
  unregistered: "Регистрация отменена.",
  eventCancelled: "Мероприятие отменено, участники получили уведомление.",
  feedCreated: "Ссылка на календарь создана.",
  feedRevoked: "Ссылка на календарь отозвана: по ней больше ничего не откроется.",
} as const;
export type DoneKey = keyof typeof DONE;
