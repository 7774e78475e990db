/** User-visible strings of communities (browser-safe). */
import type { PluralForms } from "~/utils/plural";

export const KIND_LABELS = {
  subject: "Предметное",
  thematic: "Тематическое",
  role: "Профессиональный клуб",
} as const;

export const SCOPE_LABELS = {
  municipal: "Муниципальное (РМО)",
  regional: "Региональное",
  interregional: "Межрегиональное",
} as const;

export const VISIBILITY_LABELS = {
  open: "Открытое",
  closed: "Закрытое: вступление по заявке",
} as const;

export const ROLE_LABELS = {
  member: "участник",
  moderator: "модератор",
  owner: "руководитель",
} as const;

export const MEMBERS: PluralForms = ["участник", "участника", "участников"];
export const THREADS: PluralForms = ["тема", "темы", "тем"];
export const REPLIES: PluralForms = ["ответ", "ответа", "ответов"];
export const NEW_REPLIES: PluralForms = ["новый ответ", "новых ответа", "новых ответов"];
export const UNREAD_THREADS: PluralForms = ["тема с новыми ответами", "темы с новыми ответами", "тем с новыми ответами"];
export const REQUESTS: PluralForms = ["заявка", "заявки", "заявок"];
export const COMMUNITIES: PluralForms = ["сообщество", "сообщества", "сообществ"];

export const COMMUNITY_ERRORS = {
  forbidden: "Недостаточно прав для этого действия.",
  notFound: "Сообщество не найдено",
  createForbidden: "Создавать сообщества могут координаторы регионов и муниципалитетов.",
  createScope: "В этой области вы создавать сообщества не можете: региональные — координаторы региона, муниципальные — координаторы муниципалитета или региона, межрегиональные — администраторы платформы.",
  alreadyMember: "Вы уже состоите в сообществе или ваша заявка ждёт решения.",
  notMember: "Вы не состоите в этом сообществе.",
  lastOwner: "Вы единственный руководитель сообщества: сначала передайте руководство другому участнику.",
  requestGone: "Заявка уже рассмотрена или отозвана.",
  memberGone: "Этот человек больше не состоит в сообществе.",
  ownerRole: "Роль руководителя сообщества меняет только администратор платформы.",
  nameTaken: "Сообщество с таким названием уже есть.",
  visibilityOwner: "Открыть или закрыть сообщество может его руководитель.",
  unknownArea: "Регион или муниципалитет не найден.",
} as const;

export const COMMUNITY_DONE = {
  joined: "Вы вступили в сообщество.",
  requested: "Заявка отправлена модераторам сообщества.",
  left: "Вы вышли из сообщества.",
  withdrawn: "Заявка отозвана.",
  followed: "Вы подписались на новые темы сообщества.",
  unfollowed: "Вы отписались от сообщества.",
  accepted: "Заявка принята.",
  declined: "Заявка отклонена.",
  role: "Роль участника изменена.",
  removed: "Участник исключён из сообщества.",
  settings: "Описание и доступ сохранены.",
  created: "Сообщество создано. Вы — его руководитель.",
  thread: "Тема опубликована.",
} as const;
export type DoneKey = keyof typeof COMMUNITY_DONE;
