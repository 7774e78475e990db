import nodemailer, { type Transporter } from "nodemailer";
import type { Executor } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import type { Logger } from "../log.ts";

export interface OutgoingMail {
  /** Unique per mail (the job id), so a retried job never stores a second copy. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post on notification mail). */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly mode: "smtp" | "outbox";
  deliver(ex: Executor, mail: OutgoingMail, at: Date): Promise<void>;
  close(): void;
}

export const MAIL_FROM = process.env.MAIL_FROM ?? "«Мост» <no-reply@most.example>";

/**
 * Delivers mail over SMTP when SMTP_URL is set; otherwise stores it in the outbox table (readable
 * by administrators only, since it holds confirmation and reset links) and, in development, prints
 * it to the log so a developer can follow the links.
 */
export function createMailer(options: { smtpUrl?: string; development: boolean; log: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      mode: "smtp",
      async deliver(_ex, mail) {
        await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@most>`, headers: mail.headers });
      },
      close: () => transport.close(),
    };
  }
  return {
    mode: "outbox",
    async deliver(ex, mail, at) {
      await ex.insert(mailOutbox).values({ ...mail, headers: mail.headers ?? null, at }).onConflictDoNothing();
      if (options.development) options.log.info({ to: mail.to, subject: mail.subject, text: mail.text }, "mail (outbox)");
    },
    close() {},
  };
}
