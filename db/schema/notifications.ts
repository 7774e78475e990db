import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";

import { EMAIL_CHANNELS } from "../../app/features/notifications/vocabulary.ts";

export { EMAIL_CHANNELS, type EmailChannel } from "../../app/features/notifications/vocabulary.ts";

/**
 * One notification model for every capability. `kind` is one of the catalogue's kinds
 * (`app/features/notifications/catalogue.ts`); `payload` carries what the list shows.
 * `emailChannel` records what the person's setting decided when it was created: "digest" rows wait
 * for the morning digest until `digestId` names the digest that carried them.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().$type<Record<string, unknown>>(),
    href: text("href").notNull(),
    createdAt: instant("created_at").notNull(),
    readAt: instant("read_at"),
    emailChannel: text("email_channel", { enum: EMAIL_CHANNELS }),
    digestId: uuid("digest_id"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_digest_pending_idx").on(t.userId, t.createdAt).where(sql`${t.emailChannel} = 'digest' and ${t.digestId} is null`),
  ],
);

/** A person's choice per kind; a kind without a row follows the catalogue's default. */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: EMAIL_CHANNELS }).notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * One row per person and local morning: claimed in the transaction that enqueues the digest mail,
 * so a re-run sweep, a retried job or a restart never sends a second digest for the same date.
 */
export const notificationDigests = pgTable(
  "notification_digests",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The person's local date of the morning (YYYY-MM-DD in `timeZone`). */
    localDate: date("local_date", { mode: "string" }).notNull(),
    timeZone: text("time_zone").notNull(),
    itemCount: integer("item_count").notNull(),
    sentAt: instant("sent_at").notNull(),
  },
  (t) => [unique("notification_digests_user_date_key").on(t.userId, t.localDate)],
);

/**
 * Server secrets generated on first use when no environment variable provides one (the HMAC key of
 * unsubscribe links): kept in the database so every node signs and verifies alike, never in the repo.
 */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: instant("created_at").notNull(),
});
