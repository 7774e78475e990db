/** Russian strings of notifications. */
export const NOTIFICATION_TEXT = {
  title: "Уведомления",
  empty: "Уведомлений пока нет",
  emptyHint: "Здесь появятся ответы в ваших обсуждениях, упоминания и решения модераторов.",
  markAll: "Отметить все прочитанными",
  markOne: "Прочитано",
  unreadLabel: "непрочитанное",
  bell: (n: number, words: string) => (n > 0 ? `Уведомления: ${words}` : "Уведомления: новых нет"),
} as const;

/** Texts of the settings page and of the unsubscribe page. */
export const SETTINGS_TEXT = {
  title: "Настройки уведомлений",
  lead: "На сайте уведомления приходят всегда. Здесь вы выбираете, какие из них присылать на почту: сразу, одним письмом в утренней сводке или не присылать.",
  digestAt: (zone: string) => `Сводка приходит в 08:00 по вашему времени (${zone}) и только если есть что сообщить.`,
  waiting: (n: string) => `Ждут утренней сводки: ${n}.`,
  security: "Письма о безопасности учётной записи (коды подтверждения, восстановление пароля, смена адреса) приходят всегда.",
  save: "Сохранить настройки",
  saved: "Настройки сохранены.",
  link: "Настройки уведомлений",
  unsubscribeTitle: "Отписка от писем «Моста»",
  unsubscribeKind: (label: string) => `Больше не присылать на почту письма: «${label}».`,
  unsubscribeAll: "Больше не присылать на почту никаких писем-уведомлений «Моста».",
  unsubscribeKeep: "Уведомления на сайте останутся. Письма о безопасности учётной записи приходят всегда.",
  unsubscribeButton: "Отписаться",
  unsubscribedKind: (label: string) => `Готово: письма «${label}» больше не придут.`,
  unsubscribedAll: "Готово: письма-уведомления «Моста» больше не придут.",
  unsubscribeSettings: "Вернуть письма можно в настройках уведомлений (нужно войти).",
  invalidToken: "Ссылка для отписки повреждена или не настоящая. Откройте ссылку из письма целиком или измените настройки уведомлений в учётной записи.",
  expiredToken: "Ссылка для отписки устарела. Откройте ссылку из более нового письма или измените настройки уведомлений в учётной записи.",
} as const;

/** Texts of notification mail and of the digest. */
export const NOTIFICATION_MAIL_TEXT = {
  unsubscribeKind: (label: string) => `Больше не присылать письма: «${label}»`,
  unsubscribeAll: "Отписаться от всех писем-уведомлений «Моста»",
  settings: "Настроить уведомления",
  digestSubject: (items: string) => `Сводка «Моста»: ${items}`,
  digestLead: (date: string, items: string) => `Что произошло на «Мосте» к утру ${date}: ${items}.`,
  digestOpen: "Все уведомления",
  digestMore: (n: string) => `И ещё ${n} — на странице «Уведомления».`,
} as const;

export const NOTIFICATION_FORMS = ["уведомление", "уведомления", "уведомлений"] as const;

export const UNREAD_FORMS = ["непрочитанное", "непрочитанных", "непрочитанных"] as const;

const OUTCOMES: Record<string, string> = { hidden: "скрыто", restored: "возвращено", dismissed: "оставлено без изменений" };

/** One line describing a notification, from its kind and payload (unknown kinds fall back to a neutral line). */
export function describeNotification(kind: string, payload: Record<string, unknown>, actorName: string | null): string {
  const thread = typeof payload.threadTitle === "string" ? `«${payload.threadTitle}»` : "";
  const who = actorName ?? "Участник «Моста»";
  switch (kind) {
    case "reply":
      return payload.quoted ? `${who} цитирует ваше сообщение в обсуждении ${thread}` : `${who} отвечает в обсуждении ${thread}`;
    case "mention":
      return `${who} упоминает вас в обсуждении ${thread}`;
    case "moderation": {
      const outcome = OUTCOMES[String(payload.outcome)] ?? "рассмотрено";
      return payload.role === "reporter" ? `Ваша жалоба на сообщение в обсуждении ${thread} рассмотрена: сообщение ${outcome}` : `Модератор: ваше сообщение в обсуждении ${thread} ${outcome}`;
    }
    default:
      return typeof payload.text === "string" ? payload.text : "Новое уведомление";
  }
}
