/**
 * Russian mail templates. Every mail has a plain-text part (many school mail clients show only
 * that) and a simple HTML part built from escaped text.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface MailBlock {
  kind: "p" | "link" | "code" | "heading";
  text: string;
  href?: string;
}

const SIGNATURE = "—\n«Мост» — сеть школ, наставников и практик.\nЭто письмо отправлено автоматически, отвечать на него не нужно.";

const textOf = (blocks: readonly MailBlock[]) => blocks.map((b) => (b.kind === "link" ? `${b.text}:\n${b.href}` : b.kind === "heading" ? `\n${b.text.toUpperCase()}` : b.text));
const htmlOf = (blocks: readonly MailBlock[]) =>
  blocks
    .map((b) => {
      if (b.kind === "link") return `<p><a href="${escapeHtml(b.href!)}">${escapeHtml(b.text)}</a></p>`;
      if (b.kind === "code") return `<p style="font-size:24px;letter-spacing:4px"><strong>${escapeHtml(b.text)}</strong></p>`;
      if (b.kind === "heading") return `<h2 style="font-size:17px;margin:20px 0 8px">${escapeHtml(b.text)}</h2>`;
      return `<p>${escapeHtml(b.text)}</p>`;
    })
    .join("\n");

/**
 * Lays out a mail: greeting, blocks, an optional footer (the unsubscribe links of notification
 * mail), signature; both parts carry the same content.
 */
export function layoutMail(subject: string, greeting: string, blocks: MailBlock[], footer: readonly MailBlock[] = []): RenderedMail {
  const text = [greeting, "", ...textOf(blocks), "", ...(footer.length ? [...textOf(footer), ""] : []), SIGNATURE].join("\n");
  const foot = footer.length ? `\n<div style="color:#4b5563;font-size:13px">${htmlOf(footer)}</div>` : "";
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;color:#1b2430"><p>${escapeHtml(greeting)}</p>\n${htmlOf(blocks)}${foot}\n<p style="color:#4b5563;font-size:13px">${escapeHtml(SIGNATURE).replace(/\n/g, "<br>")}</p></body></html>`;
  return { subject, text, html };
}

/** A check that mail flows (used by the backbone's tests and by administrators). */
const PROBE_MAILS = {
  probe: (data: { note: string }) =>
    layoutMail("Проверка почты «Моста»", "Здравствуйте!", [
      { kind: "p", text: "Это проверочное письмо: почта платформы работает." },
      { kind: "p", text: data.note },
    ]),
};

/** Mails of accounts; links are absolute and single-use. */
export const ACCOUNT_MAILS = {
  "confirm-email": (d: { name: string; code: string; link: string }) =>
    layoutMail("Подтвердите адрес для «Моста»", `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: "Чтобы закончить регистрацию, введите этот код на странице подтверждения:" },
      { kind: "code", text: d.code },
      { kind: "link", text: "Или просто откройте ссылку", href: d.link },
      { kind: "p", text: "Код и ссылка действуют 24 часа. Если вы не регистрировались на «Мосте», ничего делать не нужно." },
    ]),
  "account-exists": (d: { loginLink: string; resetLink: string }) =>
    layoutMail("Попытка регистрации с вашим адресом", "Здравствуйте!", [
      { kind: "p", text: "Кто-то пытался зарегистрироваться на «Мосте» с вашим адресом, но учётная запись с ним уже есть." },
      { kind: "link", text: "Если это были вы, войдите", href: d.loginLink },
      { kind: "link", text: "или восстановите пароль", href: d.resetLink },
      { kind: "p", text: "Если это были не вы, просто не обращайте внимания на это письмо." },
    ]),
  "reset-password": (d: { name: string; link: string }) =>
    layoutMail("Восстановление пароля на «Мосте»", `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: "Мы получили запрос на смену пароля. Чтобы задать новый пароль, откройте ссылку:" },
      { kind: "link", text: "Задать новый пароль", href: d.link },
      { kind: "p", text: "Ссылка действует 1 час и сработает один раз. Если вы не запрашивали смену пароля, ничего делать не нужно: пароль останется прежним." },
    ]),
  "password-changed": (d: { name: string; resetLink: string }) =>
    layoutMail("Пароль на «Мосте» изменён", `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: "Пароль вашей учётной записи только что изменён, остальные сеансы завершены." },
      { kind: "link", text: "Если это были не вы, сразу восстановите доступ", href: d.resetLink },
    ]),
  "change-email": (d: { name: string; link: string }) =>
    layoutMail("Подтвердите новый адрес для «Моста»", `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: "Чтобы использовать этот адрес для входа на «Мост», откройте ссылку:" },
      { kind: "link", text: "Подтвердить новый адрес", href: d.link },
      { kind: "p", text: "Ссылка действует 24 часа. Если вы не меняли адрес, ничего делать не нужно." },
    ]),
  "email-change-requested": (d: { name: string; newEmail: string }) =>
    layoutMail("Смена адреса на «Мосте»", `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: `Для вашей учётной записи запрошена смена адреса на ${d.newEmail}. Адрес сменится, когда владелец нового адреса откроет ссылку из письма.` },
      { kind: "p", text: "Если это были не вы, смените пароль." },
    ]),
};

/** Mails of discussions: a mention (other kinds use the generic notification mail). */
export const DISCUSSION_MAILS = {
  mention: (d: { name: string; actor: string; thread: string; place: string; excerpt: string; link: string; footer?: MailBlock[] }) =>
    layoutMail(`${d.actor} упоминает вас в обсуждении «${d.thread}»`, `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: `${d.actor} упоминает вас в обсуждении «${d.thread}» (${d.place}):` },
      { kind: "p", text: d.excerpt },
      { kind: "link", text: "Открыть обсуждение", href: d.link },
      { kind: "p", text: "Уведомления можно посмотреть на странице «Уведомления»." },
    ], d.footer),
};

/** Mails of events: promotion from the waitlist, reminders, a moved or cancelled event. */
export const EVENT_MAILS = {
  "event-notice": (d: { name: string; subject: string; lead: string; title: string; when: string; place?: string; link: string; footer?: MailBlock[] }) =>
    layoutMail(d.subject, `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: d.lead },
      { kind: "p", text: `«${d.title}»` },
      { kind: "p", text: `Когда: ${d.when}` },
      ...(d.place ? [{ kind: "p" as const, text: d.place }] : []),
      { kind: "link", text: "Страница мероприятия", href: d.link },
      { kind: "p", text: "Уведомления можно посмотреть на странице «Уведомления»." },
    ], d.footer),
};

/** Mails of plans: a reminder that an activity's term ends in a week or today. */
export const PLAN_MAILS = {
  "plan-reminder": (d: { name: string; subject: string; lead: string; title: string; plan: string; term: string; link: string; footer?: MailBlock[] }) =>
    layoutMail(d.subject, `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: d.lead },
      { kind: "p", text: `«${d.title}» (${d.plan})` },
      { kind: "p", text: `Срок: ${d.term}` },
      { kind: "link", text: "Открыть мероприятие", href: d.link },
      { kind: "p", text: "Уведомления можно посмотреть на странице «Уведомления»." },
    ], d.footer),
};

/** One notification of a kind whose capability has no template of its own (replies, decisions…). */
export const NOTIFICATION_MAILS = {
  notification: (d: { name: string; subject: string; text: string; excerpt?: string; link: string; footer?: MailBlock[] }) =>
    layoutMail(d.subject, `Здравствуйте, ${d.name}!`, [
      { kind: "p", text: d.text },
      ...(d.excerpt ? [{ kind: "p" as const, text: d.excerpt }] : []),
      { kind: "link", text: "Открыть на «Мосте»", href: d.link },
      { kind: "p", text: "Уведомления можно посмотреть на странице «Уведомления»." },
    ], d.footer),
};

/** Templates by name; capabilities add theirs here. */
export const MAIL_TEMPLATES = { ...PROBE_MAILS, ...ACCOUNT_MAILS, ...DISCUSSION_MAILS, ...EVENT_MAILS, ...PLAN_MAILS, ...NOTIFICATION_MAILS } satisfies Record<string, (data: never) => RenderedMail>;

export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type MailData<T extends MailTemplate> = Parameters<(typeof MAIL_TEMPLATES)[T]>[0];

export function renderMail<T extends MailTemplate>(template: T, data: MailData<T>): RenderedMail {
  return (MAIL_TEMPLATES[template] as (d: MailData<T>) => RenderedMail)(data);
}
