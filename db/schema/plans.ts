import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { ACTIVITY_STATUSES, PLAN_ITEM_KINDS, PLAN_OWNER_KINDS } from "../../app/features/plans/vocabulary.ts";

export { ACTIVITY_STATUSES, PLAN_ITEM_KINDS, PLAN_OWNER_KINDS } from "../../app/features/plans/vocabulary.ts";

/**
 * A plan (дорожная карта, план мероприятий) of one owner: a partnership, an organisation, a
 * municipality or a region. The owner is polymorphic (kind + id), as the discussion owners are;
 * commands check that the owner exists.
 */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    ownerKind: text("owner_kind", { enum: PLAN_OWNER_KINDS }).notNull(),
    ownerId: uuid("owner_id").notNull(),
    title: text("title").notNull(),
    /** The school year the plan's short term labels («декабрь», «1–4 кв.») refer to: «2026/2027». */
    schoolYear: text("school_year").notNull(),
    /** The IANA zone of the owner's region: a term ends at midnight there. */
    timeZone: text("time_zone").notNull(),
    /** A school's plan shown on its public page (for its official site). */
    published: boolean("published").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("plans_owner_idx").on(t.ownerKind, t.ownerId), check("plans_owner_kind_ck", sql`${t.ownerKind} in ('partnership','organisation','municipality','region')`)],
);

/**
 * A numbered row of a plan: a section («1. Нормативно-правовое обеспечение») or an activity
 * («1.1»). `position` orders the rows; the number is kept as written. Overdue is never stored: it
 * follows from `term_end`, the status and the business clock.
 */
export const planItems = pgTable(
  "plan_items",
  {
    id: id(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PLAN_ITEM_KINDS }).notNull(),
    position: integer("position").notNull(),
    number: text("number").notNull().default(""),
    title: text("title").notNull(),
    activityType: text("activity_type"),
    /** The term as written in the plan: «10 января – 15 февраля», «1–4 кв.», «постоянно». */
    termLabel: text("term_label").notNull().default(""),
    termStart: date("term_start", { mode: "string" }),
    /** The last day of the term; none means never overdue («постоянно», «ежегодно»). */
    termEnd: date("term_end", { mode: "string" }),
    /** Who is responsible, as written (organisations, posts): «МУ РУО, руководители ШНОР». */
    responsibleText: text("responsible_text").notNull().default(""),
    expectedResult: text("expected_result").notNull().default(""),
    status: text("status", { enum: ACTIVITY_STATUSES }).notNull().default("planned"),
    statusChangedAt: instant("status_changed_at"),
    /** The report: фактический результат (отметка о выполнении), plain text. */
    actualResult: text("actual_result").notNull().default(""),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("plan_items_plan_idx").on(t.planId, t.position),
    index("plan_items_term_end_idx").on(t.termEnd),
    check("plan_items_kind_ck", sql`${t.kind} in ('section','activity')`),
    check("plan_items_status_ck", sql`${t.status} in ('planned','in_progress','done','cancelled')`),
    check("plan_items_term_ck", sql`${t.termEnd} is null or ${t.termStart} is null or ${t.termEnd} >= ${t.termStart}`),
  ],
);

/** A person responsible for an activity (reminded before its term ends). */
export const planItemPeople = pgTable(
  "plan_item_people",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] }), index("plan_item_people_user_idx").on(t.userId)],
);

/** Every status change of an activity, with its date (the report tells on time from late by it). */
export const planItemStatusChanges = pgTable(
  "plan_item_status_changes",
  {
    id: id(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: instant("at").notNull(),
  },
  (t) => [index("plan_item_status_changes_idx").on(t.itemId, t.at)],
);

/**
 * Evidence of an activity's report: a link (an outside page, or an event or practice of the
 * platform) or a file kept in the file storage (FILES_DIR, server-made key `plans/<uuid>.<ext>`),
 * whose `url` is its download route.
 */
export const planEvidence = pgTable(
  "plan_evidence",
  {
    id: id(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["link", "event", "practice", "file"] }).notNull(),
    url: text("url").notNull(),
    label: text("label").notNull(),
    storageKey: text("storage_key"),
    contentType: text("content_type"),
    extension: text("extension"),
    size: integer("size"),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: instant("added_at").notNull(),
  },
  (t) => [index("plan_evidence_item_idx").on(t.itemId, t.addedAt), check("plan_evidence_kind_ck", sql`${t.kind} in ('link','event','practice','file')`),
    check("plan_evidence_file_ck", sql`(${t.kind} = 'file') = (${t.storageKey} is not null)`)],
);

/** Reminders sent: one row per activity, person, mark and term end, so a retried job never sends twice. */
export const planRemindersSent = pgTable(
  "plan_reminders_sent",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["week", "day"] }).notNull(),
    termEnd: date("term_end", { mode: "string" }).notNull(),
    sentAt: instant("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId, t.kind, t.termEnd] })],
);
