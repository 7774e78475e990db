import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Kinds of things the search finds; each has a source in app/features/search/documents.server.ts. */
export const SEARCH_KINDS = ["practice", "thread", "event", "person", "organisation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One row per findable thing, built by the search feature from the capabilities' tables. Texts are
 * kept as written (pages show «ё»); the tsvector folds ё to е, and queries are folded the same way. `access` lists
 * the grants any one of which lets a viewer find the row ("public", "community:<id>", …).
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    kind: text("kind", { enum: SEARCH_KINDS }).notNull(),
    refId: uuid("ref_id").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    attachmentsText: text("attachments_text").notNull().default(""),
    access: text("access").array().notNull(),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    gradeBands: text("grade_bands").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** A kind inside the kind: a community's kind, an organisation's kind, an event's format. */
    docKind: text("doc_kind"),
    regionId: uuid("region_id"),
    publishedAt: instant("published_at").notNull(),
    /** "Useful" marks of a practice, replies of a thread; the usefulness sort uses it. */
    usefulness: integer("usefulness").notNull().default(0),
    tsv: tsvector("tsv")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('russian'::regconfig, translate(coalesce(title, ''), 'ёЁ', 'еЕ')), 'A') || setweight(to_tsvector('russian'::regconfig, translate(coalesce(summary, ''), 'ёЁ', 'еЕ')), 'B') || setweight(to_tsvector('russian'::regconfig, translate(coalesce(body, ''), 'ёЁ', 'еЕ')), 'C') || setweight(to_tsvector('russian'::regconfig, translate(coalesce(attachments_text, ''), 'ёЁ', 'еЕ')), 'D')`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.refId] }),
    index("search_documents_tsv_idx").using("gin", t.tsv),
    index("search_documents_access_idx").using("gin", t.access),
    index("search_documents_published_idx").on(t.kind, t.publishedAt),
    /** Broad queries take the newest matches: a date window found through this index bounds the candidates. */
    index("search_documents_recent_idx").on(t.publishedAt),
  ],
);

/** Distinct folded words of the indexed texts (≥ 4 letters): the typo fallback looks up neighbours here. */
export const searchTerms = pgTable(
  "search_terms",
  { term: text("term").primaryKey() },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

/** How far the index has followed each event stream (the sync job's cursor). */
export const searchCursors = pgTable("search_cursors", {
  streamKey: text("stream_key").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
});

/** Text extracted from an attachment (PDF, DOC/DOCX, ODT) by the extraction job. */
export const searchAttachmentTexts = pgTable(
  "search_attachment_texts",
  {
    attachmentId: uuid("attachment_id").primaryKey(),
    /** The thing the attachment belongs to, e.g. ("practice", id): its document is reindexed after extraction. */
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    /** "done", "unsupported" or "failed". */
    status: text("status").notNull(),
    text: text("text").notNull().default(""),
    extractedAt: instant("extracted_at").notNull(),
  },
  (t) => [index("search_attachment_texts_owner_idx").on(t.ownerKind, t.ownerId)],
);

/**
 * What the sync could not index: a document ("practice:<id>", "thread:<id>"…) or a stream whose
 * documents could not be listed ("stream:<key>"). The cursors move on regardless; each run retries
 * the rows whose `retry_at` has passed, with a growing delay, and deletes them once indexed.
 */
export const searchFailures = pgTable("search_failures", {
  target: text("target").primaryKey(),
  attempts: integer("attempts").notNull(),
  error: text("error").notNull(),
  firstFailedAt: instant("first_failed_at").notNull(),
  lastFailedAt: instant("last_failed_at").notNull(),
  retryAt: instant("retry_at").notNull(),
});
