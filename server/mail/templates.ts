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
  kind: "p" | "link" | "code";
  text: string;
  href?: string;
}

const SIGNATURE = "—\n«Мост» — сеть школ, наставников и практик.\nЭто письмо отправлено автоматически, отвечать на него не нужно.";

/** Lays out a mail: greeting, blocks, signature; both parts carry the same content. */
export function layoutMail(subject: string, greeting: string, blocks: MailBlock[]): RenderedMail {
  const text = [greeting, "", ...blocks.map((b) => (b.kind === "link" ? `${b.text}:\n${b.href}` : b.text)), "", SIGNATURE].join("\n");
  const body = blocks
    .map((b) => {
      if (b.kind === "link") return `<p><a href="${escapeHtml(b.href!)}">${escapeHtml(b.text)}</a></p>`;
      if (b.kind === "code") return `<p style="font-size:24px;letter-spacing:4px"><strong>${escapeHtml(b.text)}</strong></p>`;
      return `<p>${escapeHtml(b.text)}</p>`;
    })
    .join("\n");
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;color:#1b2430"><p>${escapeHtml(greeting)}</p>\n${body}\n<p style="color:#4b5563;font-size:13px">${escapeHtml(SIGNATURE).replace(/\n/g, "<br>")}</p></body></html>`;
  return { subject, text, html };
}

/** Templates by name; capabilities add theirs here. */
export const MAIL_TEMPLATES = {
  /** A check that mail flows (used by the backbone's tests and by administrators). */
  probe: (data: { note: string }) =>
    layoutMail("Проверка почты «Моста»", "Здравствуйте!", [
      { kind: "p", text: "Это проверочное письмо: почта платформы работает." },
      { kind: "p", text: data.note },
    ]),
} satisfies Record<string, (data: never) => RenderedMail>;

export type MailTemplate = keyof typeof MAIL_TEMPLATES;
export type MailData<T extends MailTemplate> = Parameters<(typeof MAIL_TEMPLATES)[T]>[0];

export function renderMail<T extends MailTemplate>(template: T, data: MailData<T>): RenderedMail {
  return (MAIL_TEMPLATES[template] as (d: MailData<T>) => RenderedMail)(data);
}
