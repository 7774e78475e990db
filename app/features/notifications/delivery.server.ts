/**
 * How a notification reaches a person by e-mail, as their setting for its kind says: at once
 * (a mail job in the caller's transaction), later in the morning digest (the row waits, see
 * digest.server.ts), or not at all. Every such mail carries one-click unsubscribe links.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { users } from "../../../db/schema/index.ts";
import { enqueueMail } from "../../../server/jobs/queues.ts";
import type { MailBlock, MailData } from "../../../server/mail/templates.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { NOTIFICATION_KINDS, type NotificationKind } from "./catalogue.ts";
import { describeNotification, NOTIFICATION_MAIL_TEXT as M } from "./strings.ts";
import { signUnsubscribeToken, unsubscribeKey, unsubscribeLink, type UnsubscribeScope } from "./unsubscribe-token.server.ts";

export type DeliveryServices = Pick<AppServices, "clock" | "jobs"> & Partial<Pick<AppServices, "config">>;

/** Capabilities with a mail of their own pass it; other kinds get the generic notification mail. */
type OwnTemplate = "mention" | "event-notice" | "plan-reminder";
export type NotificationMail = { [T in OwnTemplate]: { template: T; data: Omit<MailData<T>, "footer"> } }[OwnTemplate];

export interface MailableNotification {
  userId: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  href: string;
  mail?: NotificationMail;
  /** The site's origin for links (the request's); default: the first configured origin. */
  origin?: string;
}

export const siteOrigin = (s: Partial<Pick<AppServices, "config">>, origin?: string) => origin ?? s.config?.allowedOrigins[0] ?? "";

/** A viewer standing for the recipient when names are resolved for a mail: only what any member sees. */
export const recipientViewer = (userId: string): Viewer => ({ id: userId, anonymous: false, roles: [{ role: "member" }] });

/**
 * The unsubscribe footer and headers of a notification mail: a link per scope (a kind, then
 * "all"), the settings page, and `List-Unsubscribe` + `List-Unsubscribe-Post` (RFC 8058) on the
 * first scope when links are absolute.
 */
export async function unsubscribeParts(tx: Tx, s: DeliveryServices, userId: string, scopes: readonly UnsubscribeScope[], origin: string, now: Date): Promise<{ footer: MailBlock[]; headers?: Record<string, string> }> {
  const key = await unsubscribeKey(tx, s, now);
  const links = scopes.map((scope) => ({ scope, href: unsubscribeLink(origin, signUnsubscribeToken(key, { userId, scope, issuedAt: now })) }));
  const footer: MailBlock[] = [
    ...links.map(({ scope, href }): MailBlock => ({ kind: "link", text: scope === "all" ? M.unsubscribeAll : M.unsubscribeKind(NOTIFICATION_KINDS[scope].label), href })),
    { kind: "link", text: M.settings, href: `${origin}/account/notifications` },
  ];
  const first = links[0];
  const headers = first && /^https?:\/\//.test(first.href) ? { "List-Unsubscribe": `<${first.href}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined;
  return { footer, headers };
}

/** Enqueues the immediate mail of one notification inside the caller's transaction (nobody inactive is mailed). */
export async function mailNotificationNow(tx: Tx, s: DeliveryServices, n: MailableNotification, now: Date): Promise<void> {
  const [person] = await tx.select({ email: users.email, name: users.name, status: users.status }).from(users).where(eq(users.id, n.userId));
  if (!person || person.status !== "active") return;
  const origin = siteOrigin(s, n.origin);
  const { footer, headers } = await unsubscribeParts(tx, s, n.userId, [n.kind, "all"], origin, now);
  if (n.mail) {
    // Each member of the union carries its own data shape; the footer is common to all three.
    await enqueueMail(tx, s, { to: person.email, template: n.mail.template, data: { ...n.mail.data, footer } as never, headers });
    return;
  }
  const actorId = typeof n.payload.actorId === "string" ? n.payload.actorId : null;
  const actorName = actorId ? ((await loadPeople(tx, recipientViewer(n.userId), [actorId])).get(actorId)?.name ?? null) : null;
  const text = describeNotification(n.kind, n.payload, actorName);
  const excerpt = typeof n.payload.excerpt === "string" ? n.payload.excerpt : typeof n.payload.reason === "string" ? `Причина: ${n.payload.reason}` : undefined;
  const subject = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  await enqueueMail(tx, s, { to: person.email, template: "notification", data: { name: person.name, subject, text, excerpt, link: `${origin}${n.href}`, footer }, headers });
}
