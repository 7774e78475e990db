import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";

/**
 * One row per event stream ("thread:<id>", "user:<id>", …) holding the last sequence number. Taking
 * the next number updates this row, so concurrent writers of one stream queue behind its row lock
 * and numbers commit in order: a reader that has seen N never later finds an uncommitted N-1.
 */
export const streams = pgTable("streams", {
  key: text("key").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
  updatedAt: instant("updated_at").notNull(),
});

/** An event committed with the write that caused it (same transaction). */
export const events = pgTable(
  "events",
  {
    stream: text("stream").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull().$type<Record<string, unknown>>(),
    actorId: uuid("actor_id"),
    at: instant("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.stream, t.seq] }), index("events_at_idx").on(t.at)],
);

/** Mail kept in the database when no SMTP server is configured; readable by admins only. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    template: text("template").notNull(),
    /** Extra headers the mail carried (List-Unsubscribe…), so tests and admins see them. */
    headers: jsonb("headers").$type<Record<string, string>>(),
    at: instant("at").notNull(),
  },
  (t) => [index("mail_outbox_at_idx").on(t.at), index("mail_outbox_to_idx").on(t.to)],
);
