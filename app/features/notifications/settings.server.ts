/**
 * Per-person e-mail settings per kind of notification: reading them (the catalogue's default where
 * the person chose nothing), saving the settings form and the one-click unsubscribe.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { notificationSettings } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import { NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type EmailChannel, type NotificationKind } from "./catalogue.ts";
import { unsubscribeKey, verifyUnsubscribeToken, type UnsubscribeClaim } from "./unsubscribe-token.server.ts";

export type NotificationSettings = Record<NotificationKind, EmailChannel>;

/** A channel the kind offers; anything else falls back to the kind's default. */
const offered = (kind: NotificationKind, channel: string | undefined): EmailChannel => {
  const info = NOTIFICATION_KINDS[kind];
  return (info.channels as readonly string[]).includes(channel ?? "") ? (channel as EmailChannel) : info.defaultChannel;
};

/** Every kind's channel for a person: their choice, or the catalogue's default. */
export async function loadNotificationSettings(ex: Executor, userId: string): Promise<NotificationSettings> {
  const rows = await ex.select({ kind: notificationSettings.kind, channel: notificationSettings.channel }).from(notificationSettings).where(eq(notificationSettings.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(NOTIFICATION_KIND_LIST.map((k) => [k, offered(k, chosen.get(k))])) as NotificationSettings;
}

/** One kind's channel for a person (inside the caller's transaction when given one). */
export async function emailChannelFor(ex: Executor, userId: string, kind: NotificationKind): Promise<EmailChannel> {
  const [row] = await ex.select({ channel: notificationSettings.channel }).from(notificationSettings).where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, kind)));
  return offered(kind, row?.channel);
}

// drizzle has no helper for EXCLUDED.<column> in an upsert of several rows.
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

async function writeSettings(ex: Executor, userId: string, choices: Partial<NotificationSettings>, at: Date): Promise<void> {
  const rows = Object.entries(choices).map(([kind, channel]) => ({ userId, kind, channel: offered(kind as NotificationKind, channel), updatedAt: at }));
  if (!rows.length) return;
  await ex
    .insert(notificationSettings)
    .values(rows)
    .onConflictDoUpdate({ target: [notificationSettings.userId, notificationSettings.kind], set: { channel: sqlExcluded("channel"), updatedAt: at } });
}


/** Saves the settings form (only kinds and channels of the catalogue reach here, parsed by zod). */
export async function saveNotificationSettings(s: Pick<AppServices, "db" | "clock">, userId: string, choices: Partial<NotificationSettings>): Promise<void> {
  await writeSettings(s.db, userId, choices, s.clock.now());
}

export type UnsubscribeOutcome = { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: "invalid" | "expired" };

/** Checks an unsubscribe token without changing anything (the confirmation page). */
export async function checkUnsubscribe(s: Pick<AppServices, "db" | "clock" | "config">, token: string): Promise<UnsubscribeOutcome> {
  const now = s.clock.now();
  return verifyUnsubscribeToken(await unsubscribeKey(s.db, s, now), token, now);
}

/** Unsubscribes by a signed token, without a session: the kind (or every kind) is set to "never". */
export async function unsubscribeByToken(s: Pick<AppServices, "db" | "clock" | "config">, token: string): Promise<UnsubscribeOutcome> {
  const checked = await checkUnsubscribe(s, token);
  if (!checked.ok) return checked;
  const { userId, scope } = checked.claim;
  const kinds = scope === "all" ? NOTIFICATION_KIND_LIST : [scope];
  await writeSettings(s.db, userId, Object.fromEntries(kinds.map((k) => [k, "never"])), s.clock.now());
  return checked;
}

/** Kinds of a person currently set to the digest (the sweep honours the latest choice). */
export async function digestKindsOf(ex: Executor, userId: string, kinds: readonly string[]): Promise<Set<NotificationKind>> {
  const settings = await loadNotificationSettings(ex, userId);
  return new Set(NOTIFICATION_KIND_LIST.filter((k) => kinds.includes(k) && settings[k] === "digest"));
}
