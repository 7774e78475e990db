import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { organisations } from "./directory.ts";

/**
 * A person's professional card. The name stays on `users`; everything here is optional and
 * erased when the account is deleted. Which fields strangers may see is recorded in
 * `public_fields`, and each change of that list is a consent record (152-ФЗ ст. 10.1).
 */
export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Russian sort key of the person's name (PGlite has only the C collation). */
    nameSort: text("name_sort").notNull(),
    position: text("position"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    grades: integer("grades").array().notNull().default(sql`'{}'::int[]`),
    experienceYears: integer("experience_years"),
    canHelp: text("can_help").array().notNull().default(sql`'{}'::text[]`),
    needsHelp: text("needs_help").array().notNull().default(sql`'{}'::text[]`),
    /** IANA zone; null means the organisation's region zone (or Moscow without an organisation). */
    timeZone: text("time_zone"),
    bio: text("bio"),
    /** Fields a guest or a stranger may see; empty means the card is private. */
    publicFields: text("public_fields").array().notNull().default(sql`'{}'::text[]`),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("profiles_org_idx").on(t.organisationId),
    index("profiles_name_sort_idx").on(t.nameSort),
    index("profiles_can_help_idx").using("gin", t.canHelp),
    index("profiles_needs_help_idx").using("gin", t.needsHelp),
    index("profiles_subjects_idx").using("gin", t.subjects),
    check("profiles_experience_ck", sql`${t.experienceYears} is null or ${t.experienceYears} between 0 and 70`),
  ],
);

/** The profile photo, re-encoded and resized on upload (the original bytes are never kept). */
export const profilePhotos = pgTable("profile_photos", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  image: bytea("image").notNull(),
  /** Changes with every upload: part of the photo URL, so caches never show an old face. */
  version: text("version").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
