import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { mailOutbox, notifications } from "../../../db/schema/index.ts";
import { streamHead } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPeople, type PersonView } from "../profiles/people.server.ts";

export const OUTBOX_PAGE_SIZE = 50;

/** A page of the mail outbox, newest first. */
export async function listOutbox(ex: Executor, page: number) {
  const [total] = await ex.select({ n: count() }).from(mailOutbox);
  const mails = await ex
    .select()
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.at))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { total: total?.n ?? 0, mails };
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** The bell: unread count and the head of the person's stream (the live cursor starts there). */
export async function bellState(ex: Executor, userId: string): Promise<{ unread: number; head: number }> {
  const [row] = await ex.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread: row?.n ?? 0, head: await streamHead(ex, `user:${userId}`) };
}

export interface NotificationView {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  href: string;
  createdAt: Date;
  read: boolean;
  /** Who caused it, as the viewer may see them (payload.actorId). */
  actor: PersonView | null;
}

/** A page of the viewer's notifications, newest first, with the people behind them. */
export async function listNotifications(ex: Executor, viewer: Viewer & { id: string }, page: number): Promise<{ total: number; unread: number; items: NotificationView[] }> {
  const mine = eq(notifications.userId, viewer.id);
  const [[total], [unread], rows] = await Promise.all([
    ex.select({ n: count() }).from(notifications).where(mine),
    ex.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
    ex
      .select()
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE),
  ]);
  const actorIds = rows.map((r) => r.payload.actorId).filter((id): id is string => typeof id === "string");
  const people = await loadPeople(ex, viewer, actorIds);
  return {
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: r.payload,
      href: r.href,
      createdAt: r.createdAt,
      read: r.readAt !== null,
      actor: typeof r.payload.actorId === "string" ? (people.get(r.payload.actorId) ?? null) : null,
    })),
  };
}

/** Where one of the person's notifications leads (null when it is not theirs). */
export async function notificationHref(ex: Executor, userId: string, id: string): Promise<string | null> {
  const [row] = await ex.select({ href: notifications.href }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row?.href ?? null;
}
