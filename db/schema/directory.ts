import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "../columns.ts";

export const ORGANISATION_KINDS = ["school", "ministry", "municipal_office", "institute", "cnppm", "coko", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_FLAGS = ["lowResults", "adverseConditions", "leading", "trainingSite", "project500"] as const;
export type SchoolFlag = (typeof SCHOOL_FLAGS)[number];

/** субъект РФ. The zone label's city is the region's capital (product.md, zone table). */
export const regions = pgTable(
  "regions",
  {
    id: id(),
    /** Two-digit code of the subject of the federation, e.g. "75" for Забайкальский край. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameSort: text("name_sort").notNull(),
    timeZone: text("time_zone").notNull(),
    capital: text("capital").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("regions_code_uq").on(t.code), index("regions_name_sort_idx").on(t.nameSort)],
);

/** Муниципальное образование (район, городской округ). */
export const municipalities = pgTable(
  "municipalities",
  {
    id: id(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    nameSort: text("name_sort").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("municipalities_region_name_uq").on(t.regionId, t.name),
    index("municipalities_name_sort_idx").on(t.regionId, t.nameSort),
  ],
);

/** A school or a body that runs the programme (министерство, МОУО, ИРО, ЦНППМ, ЦОКО). */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    nameSort: text("name_sort").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "restrict" }),
    /** ИНН: the stable key for re-imports of the official lists. */
    inn: text("inn"),
    /** Rural (сельская) or urban school; null for bodies. */
    rural: boolean("rural"),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisations_inn_uq").on(t.inn),
    index("organisations_region_idx").on(t.regionId, t.kind),
    index("organisations_municipality_idx").on(t.municipalityId),
    index("organisations_name_sort_idx").on(t.nameSort),
    check("organisations_kind_ck", sql`${t.kind} in ('school','ministry','municipal_office','institute','cnppm','coko','other')`),
    check("organisations_inn_ck", sql`${t.inn} is null or ${t.inn} ~ '^[0-9]{10}$'`),
  ],
);

/**
 * A school's status in one school year: the programme lists change every year, and the dashboard
 * computes shares for any period from this dated history.
 */
export const schoolYears = pgTable(
  "school_years",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** "2025/2026": a Russian school year runs from 1 September. */
    schoolYear: text("school_year").notNull(),
    lowResults: boolean("low_results").notNull().default(false),
    adverseConditions: boolean("adverse_conditions").notNull().default(false),
    leading: boolean("leading").notNull().default(false),
    trainingSite: boolean("training_site").notNull().default(false),
    project500: boolean("project_500").notNull().default(false),
    teacherCount: integer("teacher_count"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.schoolYear] }),
    index("school_years_year_idx").on(t.schoolYear),
    check("school_years_year_ck", sql`${t.schoolYear} ~ '^[0-9]{4}/[0-9]{4}$'`),
    check("school_years_teachers_ck", sql`${t.teacherCount} is null or ${t.teacherCount} >= 0`),
  ],
);
