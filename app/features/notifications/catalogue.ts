/**
 * Every kind of notification the platform sends, with its Russian label, its group on the settings
 * page, the e-mail channel it has by default and the channels a person may choose. Browser-safe:
 * the settings page renders from it. Account-security mail (confirmation codes, password reset,
 * e-mail change) is not a notification and never appears here: it is always sent.
 */
import type { EmailChannel } from "./vocabulary.ts";

export { EMAIL_CHANNELS, type EmailChannel } from "./vocabulary.ts";

export interface KindInfo {
  label: string;
  group: NotificationGroup;
  /** The channel until the person chooses one. */
  defaultChannel: EmailChannel;
  /** Time-bound reminders are pointless in tomorrow's digest, so they offer no digest. */
  channels: readonly EmailChannel[];
  /** The heading of this kind's section in a digest. */
  digestHeading: string;
}

export const NOTIFICATION_GROUPS = {
  discussions: "Обсуждения",
  communities: "Сообщества",
  library: "Библиотека практик",
  partnerships: "Партнёрства школ",
  plans: "Планы и дорожные карты",
  events: "Мероприятия",
} as const;
export type NotificationGroup = keyof typeof NOTIFICATION_GROUPS;

const ALL: readonly EmailChannel[] = ["immediate", "digest", "never"];
const NO_DIGEST: readonly EmailChannel[] = ["immediate", "never"];

export const NOTIFICATION_KINDS = {
  reply: { label: "Ответы в моих обсуждениях и цитаты моих сообщений", group: "discussions", defaultChannel: "immediate", channels: ALL, digestHeading: "Ответы" },
  mention: { label: "Упоминания меня в обсуждениях", group: "discussions", defaultChannel: "immediate", channels: ALL, digestHeading: "Упоминания" },
  moderation: { label: "Решения модераторов по моим сообщениям и жалобам", group: "discussions", defaultChannel: "immediate", channels: ALL, digestHeading: "Решения модераторов" },
  community_thread: { label: "Новые обсуждения в сообществах, на которые я подписан(а)", group: "communities", defaultChannel: "digest", channels: ALL, digestHeading: "Новые обсуждения в сообществах" },
  community_request: { label: "Заявки на вступление в сообщества, которые я модерирую", group: "communities", defaultChannel: "immediate", channels: ALL, digestHeading: "Заявки на вступление" },
  community_decision: { label: "Решения по моим заявкам и членству в сообществах", group: "communities", defaultChannel: "immediate", channels: ALL, digestHeading: "Решения по заявкам и членству" },
  library_submitted: { label: "Практики, отправленные мне на экспертизу", group: "library", defaultChannel: "immediate", channels: ALL, digestHeading: "Практики на экспертизу" },
  library_review: { label: "Решения экспертизы по моим практикам", group: "library", defaultChannel: "immediate", channels: ALL, digestHeading: "Решения экспертизы" },
  partnership: { label: "Изменения в моих партнёрствах школ", group: "partnerships", defaultChannel: "immediate", channels: ALL, digestHeading: "Партнёрства школ" },
  "plan.reminder.week": { label: "Срок мероприятия плана через неделю", group: "plans", defaultChannel: "immediate", channels: ALL, digestHeading: "Сроки через неделю" },
  "plan.reminder.day": { label: "Срок мероприятия плана сегодня", group: "plans", defaultChannel: "immediate", channels: NO_DIGEST, digestHeading: "Сроки сегодня" },
  "event.promoted": { label: "Перевод из листа ожидания в участники", group: "events", defaultChannel: "immediate", channels: ALL, digestHeading: "Места из листа ожидания" },
  "event.reminder.day": { label: "Напоминание за сутки до мероприятия", group: "events", defaultChannel: "immediate", channels: NO_DIGEST, digestHeading: "Напоминания за сутки" },
  "event.reminder.hour": { label: "Напоминание за час до мероприятия", group: "events", defaultChannel: "immediate", channels: NO_DIGEST, digestHeading: "Напоминания за час" },
  "event.moved": { label: "Перенос мероприятия, на которое я записан(а)", group: "events", defaultChannel: "immediate", channels: ALL, digestHeading: "Перенесённые мероприятия" },
  "event.cancelled": { label: "Отмена мероприятия, на которое я записан(а)", group: "events", defaultChannel: "immediate", channels: ALL, digestHeading: "Отменённые мероприятия" },
} as const satisfies Record<string, KindInfo>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const isNotificationKind = (kind: string): kind is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, kind);

export const kindInfo = (kind: NotificationKind): KindInfo => NOTIFICATION_KINDS[kind];

export const CHANNEL_LABELS: Record<EmailChannel, string> = {
  immediate: "Сразу",
  digest: "В ежедневной сводке",
  never: "Не присылать",
};
