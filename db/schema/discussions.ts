import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";

/** Reactions a person may leave on a post: a small fixed set (shown as 👍 ❤️ 🎉 🤔 💡). */
export const REACTION_KINDS = ["like", "heart", "party", "thinking", "idea"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const REPORT_STATUSES = ["open", "hidden", "restored", "dismissed"] as const;

/**
 * A discussion thread of any owner (a community, a practice, a partnership, an event). The owner
 * is (owner_kind, owner_id) with no foreign key: the owner's capability answers who may read it.
 * Users are never hard-deleted (a deleted account keeps its row), so author keys stay plain.
 */
export const threads = pgTable(
  "threads",
  {
    id: id(),
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    title: text("title").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    /** Posts that are not deleted, the opening post included. */
    postCount: integer("post_count").notNull().default(0),
    solutionPostId: uuid("solution_post_id").references((): AnyPgColumn => posts.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    lastActivityAt: instant("last_activity_at").notNull(),
    /** Sequence of the last post, so readers can keep a "read up to" mark (unread counts later). */
    lastPostSeq: integer("last_post_seq").notNull().default(0),
  },
  (t) => [index("threads_owner_idx").on(t.ownerKind, t.ownerId, t.pinned, t.lastActivityAt)],
);

/** A post of a thread: the opening post (seq 1) or a reply. Body is allowlisted ProseMirror JSON. */
export const posts = pgTable(
  "posts",
  {
    id: id(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    /** Position in the thread, 1 for the opening post. */
    seq: integer("seq").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: jsonb("body").notNull().$type<Record<string, unknown>>(),
    /** Sanitized HTML rendered from body at write time. */
    bodyHtml: text("body_html").notNull(),
    quoteOf: uuid("quote_of").references((): AnyPgColumn => posts.id, { onDelete: "set null" }),
    /** The client's id of the message: a retry with the same id returns the stored post. */
    clientId: text("client_id").notNull(),
    createdAt: instant("created_at").notNull(),
    editedAt: instant("edited_at"),
    deletedAt: instant("deleted_at"),
    hiddenAt: instant("hidden_at"),
    hiddenBy: uuid("hidden_by").references(() => users.id),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    uniqueIndex("posts_client_uq").on(t.authorId, t.clientId),
    uniqueIndex("posts_thread_seq_uq").on(t.threadId, t.seq),
    index("posts_author_idx").on(t.authorId),
  ],
);

/** The previous versions of an edited post. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: id(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    body: jsonb("body").notNull().$type<Record<string, unknown>>(),
    bodyHtml: text("body_html").notNull(),
    /** When this version was replaced. */
    replacedAt: instant("replaced_at").notNull(),
    editorId: uuid("editor_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.replacedAt)],
);

/** One reaction of a kind per person and post. */
export const postReactions = pgTable(
  "post_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    at: instant("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.kind] }),
    check("post_reactions_kind_ck", sql`${t.kind} in ('like','heart','party','thinking','idea')`),
  ],
);

/** A report of a post to the owner's moderators, and its outcome. */
export const postReports = pgTable(
  "post_reports",
  {
    id: id(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    /** Denormalised from the thread so the queue filters by owner without a join. */
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("open"),
    createdAt: instant("created_at").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    uniqueIndex("post_reports_open_uq").on(t.postId, t.reporterId).where(sql`${t.status} = 'open'`),
    index("post_reports_owner_idx").on(t.ownerKind, t.ownerId, t.status),
    check("post_reports_status_ck", sql`${t.status} in ('open','hidden','restored','dismissed')`),
  ],
);

/** How far a person has read a thread (issue 8 counts unread posts from it). */
export const threadReads = pgTable(
  "thread_reads",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    following: boolean("following").notNull().default(false),
    at: instant("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_reads_user_idx").on(t.userId)],
);

/** Reaction counts per kind, as loaded for a post. */
export type ReactionCounts = Partial<Record<ReactionKind, number>>;
