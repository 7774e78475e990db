import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client.ts";
import { notifications } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { NotificationKind } from "./catalogue.ts";
import { mailNotificationNow, type DeliveryServices, type NotificationMail } from "./delivery.server.ts";
import { emailChannelFor } from "./settings.server.ts";

export type { NotificationKind };
export type NotifyServices = DeliveryServices;

export interface NewNotification {
  userId: string;
  /** One of the catalogue's kinds (catalogue.ts): the type makes an uncatalogued kind a compile error. */
  kind: NotificationKind;
  /** What the list shows: thread title, excerpt, actor id, outcome… */
  payload: Record<string, unknown>;
  /** Where the notification leads (a path of this site). */
  href: string;
  actorId?: string | null;
  /** The capability's own mail for this kind, if it has one (otherwise the generic notification mail). */
  mail?: NotificationMail;
  /** The request's origin for the mail's links (default: the configured origin). */
  origin?: string;
}

async function unread(ex: Executor, userId: string): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * The one way every capability tells a person something. Inside the caller's transaction it stores
 * the in-app notification (always: the e-mail setting never silences the bell), appends
 * `notification.created` (with the new unread count) to the person's `user:<id>` stream so their
 * bell updates live, and honours the person's e-mail setting for the kind: "immediate" enqueues the
 * mail job in the same transaction, "digest" leaves the row for the morning digest, "never" mails
 * nothing.
 */
export async function notify(tx: Tx, services: NotifyServices, n: NewNotification): Promise<string> {
  const now = services.clock.now();
  const channel = await emailChannelFor(tx, n.userId, n.kind);
  const [row] = await tx.insert(notifications).values({ userId: n.userId, kind: n.kind, payload: n.payload, href: n.href, createdAt: now, emailChannel: channel }).returning({ id: notifications.id });
  await appendEvent(tx, { stream: `user:${n.userId}`, type: "notification.created", payload: { id: row!.id, kind: n.kind, unread: await unread(tx, n.userId) }, actorId: n.actorId ?? null, at: now });
  if (channel === "immediate") await mailNotificationNow(tx, services, n, now);
  return row!.id;
}

/** Marks some of the person's notifications read (others' ids are ignored); the bell hears the new count. */
export async function markNotificationsRead(s: Pick<AppServices, "db" | "clock">, userId: string, ids: readonly string[] | "all"): Promise<number> {
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
    const changed = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(ids === "all" ? mine : and(mine, inArray(notifications.id, ids.length ? [...ids] : ["00000000-0000-0000-0000-000000000000"])))
      .returning({ id: notifications.id });
    if (changed.length) await appendEvent(tx, { stream: `user:${userId}`, type: "notifications.read", payload: { unread: await unread(tx, userId) }, actorId: userId, at: now });
    return changed.length;
  });
}

export { unread as unreadNotificationCount };
