/** What the live room, attendance and certificates say (browser-safe). */
import type { PluralForms } from "../../utils/plural.ts";

export const HOURS: PluralForms = ["час", "часа", "часов"];
export const VOTES: PluralForms = ["голос", "голоса", "голосов"];

export const ROOM_ERRORS = {
  forbidden: "Комната мероприятия открыта только для зарегистрированных участников и организаторов.",
  closed: "Мероприятие завершено: вопросы больше не принимаются.",
  questionNotFound: "Вопрос не найден.",
  sessionNotFound: "Выберите день мероприятия из списка.",
  notLive: "Отметиться можно только во время занятия.",
  noCode: "Организатор ещё не объявил код для этого занятия.",
  wrongCode: "Код не подходит. Проверьте его у организатора.",
  notStarted: "Посещаемость отмечают после начала занятия.",
  notParticipant: "Этот человек не зарегистрирован на мероприятие.",
  feedbackClosed: "Отзыв можно оставить после начала мероприятия.",
  noCertificate: "Сертификат выдаётся участникам, которые посетили мероприятие, после его окончания.",
} as const;

/** Notices after a successful room form (?done=…). */
export const ROOM_DONE = {
  asked: "Вопрос отправлен.",
  voted: "Голос учтён.",
  answered: "Вопрос отмечен как отвеченный.",
  codeOpened: "Код для отметки создан: объявите его участникам.",
  checkedIn: "Вы отмечены на занятии.",
  attendance: "Посещаемость сохранена.",
  materials: "Материалы сохранены.",
  feedback: "Спасибо за отзыв!",
  certificate: "Сертификат готов.",
  chat: "Чат мероприятия открыт.",
} as const;
export type RoomDoneKey = keyof typeof ROOM_DONE;

export const CERTIFICATE_NOT_FOUND = "Сертификат не найден";
