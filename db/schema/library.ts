import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { organisations, regions } from "./directory.ts";

/** лучшая практика, методические рекомендации, конспект урока, кейс. */
export const PRACTICE_KINDS = ["practice", "recommendations", "lesson_plan", "case"] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/**
 * Where a version of a practice stands: draft → submitted → under_review → published, or
 * returned (with the expert's comments) → submitted again. A published version becomes
 * superseded when a newer version of the same practice is published.
 */
export const VERSION_STATUSES = ["draft", "submitted", "under_review", "returned", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const REVIEW_STATUSES = ["in_progress", "returned", "accepted"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One criterion of the rubric as the expert filled it in. */
export type RubricScores = Record<string, { score: number; comment: string }>;

/**
 * A practice of the library. Its content lives in versions: `currentVersionId` is the newest one
 * (being written or reviewed), `publishedVersionId` the one readers see. The listing fields
 * (title, kind, subjects…) are copied from the published version when it is published, so the
 * library filters one table.
 */
export const practices = pgTable(
  "practices",
  {
    id: id(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** The organisation the practice comes from; experts of this organisation never review it. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "restrict" }),
    /** The organisation's region: experts are appointed per region. */
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "restrict" }),
    currentVersionId: uuid("current_version_id").references((): AnyPgColumn => practiceVersions.id, { onDelete: "set null" }),
    publishedVersionId: uuid("published_version_id").references((): AnyPgColumn => practiceVersions.id, { onDelete: "set null" }),
    title: text("title"),
    /** Russian sort key of the published title (PGlite has only the C collation). */
    titleSort: text("title_sort"),
    summary: text("summary"),
    kind: text("kind", { enum: PRACTICE_KINDS }),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    gradeBands: text("grade_bands").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** The first publication. */
    publishedAt: instant("published_at"),
    /** The latest publication (a new version included). */
    updatedAt: instant("updated_at"),
    createdAt: instant("created_at").notNull(),
    viewCount: integer("view_count").notNull().default(0),
    usefulCount: integer("useful_count").notNull().default(0),
  },
  (t) => [
    index("practices_published_idx").on(t.publishedAt),
    index("practices_org_idx").on(t.organisationId),
    index("practices_region_idx").on(t.regionId),
    index("practices_subjects_idx").using("gin", t.subjects),
    index("practices_themes_idx").using("gin", t.themes),
    index("practices_grade_bands_idx").using("gin", t.gradeBands),
    check("practices_kind_ck", sql`${t.kind} is null or ${t.kind} in ('practice','recommendations','lesson_plan','case')`),
    check("practices_counts_ck", sql`${t.viewCount} >= 0 and ${t.usefulCount} >= 0`),
  ],
);

/** One version of a practice's content. Body is allowlisted ProseMirror JSON with its rendered HTML. */
export const practiceVersions = pgTable(
  "practice_versions",
  {
    id: id(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per practice. */
    number: integer("number").notNull(),
    status: text("status", { enum: VERSION_STATUSES }).notNull(),
    kind: text("kind", { enum: PRACTICE_KINDS }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: jsonb("body").notNull().$type<Record<string, unknown>>(),
    bodyHtml: text("body_html").notNull(),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    gradeBands: text("grade_bands").array().notNull().default(sql`'{}'::text[]`),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    submittedAt: instant("submitted_at"),
    publishedAt: instant("published_at"),
  },
  (t) => [
    uniqueIndex("practice_versions_number_uq").on(t.practiceId, t.number),
    index("practice_versions_status_idx").on(t.status, t.submittedAt),
    check("practice_versions_status_ck", sql`${t.status} in ('draft','submitted','under_review','returned','published','superseded')`),
    check("practice_versions_kind_ck", sql`${t.kind} in ('practice','recommendations','lesson_plan','case')`),
  ],
);

/** The authors of a practice: the person who created it and the co-authors they named. */
export const practiceAuthors = pgTable(
  "practice_authors",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Order on the page: the creator first. */
    position: integer("position").notNull(),
    addedAt: instant("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.userId] }), index("practice_authors_user_idx").on(t.userId)],
);

/**
 * A file attached to a version. The bytes live in the file storage under a server-made key; the
 * original name is kept only to offer it back on download. A new version copies the rows (same
 * key), so a file is removed from storage only when no row points to it.
 */
export const practiceAttachments = pgTable(
  "practice_attachments",
  {
    id: id(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => practiceVersions.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    extension: text("extension").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("practice_attachments_version_idx").on(t.versionId, t.createdAt), index("practice_attachments_key_idx").on(t.storageKey), check("practice_attachments_size_ck", sql`${t.size} > 0`)],
);

/** An expert's review of one version against the rubric; at most one open or accepting review per version. */
export const practiceReviews = pgTable(
  "practice_reviews",
  {
    id: id(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => practiceVersions.id, { onDelete: "cascade" }),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: REVIEW_STATUSES }).notNull(),
    scores: jsonb("scores").$type<RubricScores>(),
    comment: text("comment"),
    takenAt: instant("taken_at").notNull(),
    decidedAt: instant("decided_at"),
  },
  (t) => [
    uniqueIndex("practice_reviews_open_uq").on(t.versionId).where(sql`${t.status} in ('in_progress','accepted')`),
    index("practice_reviews_expert_idx").on(t.expertId, t.status),
    index("practice_reviews_practice_idx").on(t.practiceId, t.takenAt),
    check("practice_reviews_status_ck", sql`${t.status} in ('in_progress','returned','accepted')`),
  ],
);

/** A person's bookmark of a practice. */
export const practiceBookmarks = pgTable(
  "practice_bookmarks",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: instant("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.userId] }), index("practice_bookmarks_user_idx").on(t.userId, t.at)],
);

/** A person's «полезно» vote for a practice (one per person). */
export const practiceVotes = pgTable(
  "practice_votes",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: instant("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.userId] })],
);
