import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, id, instant } from "../columns.ts";
import { organisations, regions } from "./directory.ts";
import { users } from "./accounts.ts";

export const MEMBERSHIP_STATUSES = ["requested", "confirmed", "declined", "left"] as const;

/** A person's place of work: asked by the person, confirmed by the organisation's administrator. */
export const staffMemberships = pgTable(
  "staff_memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    position: text("position").notNull(),
    status: text("status", { enum: MEMBERSHIP_STATUSES }).notNull(),
    requestedAt: instant("requested_at").notNull(),
    decidedAt: instant("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("staff_memberships_open_uq").on(t.userId, t.organisationId).where(sql`${t.status} in ('requested','confirmed')`),
    index("staff_memberships_org_idx").on(t.organisationId, t.status),
    check("staff_memberships_status_ck", sql`${t.status} in ('requested','confirmed','declined','left')`),
  ],
);

/** A request for a scoped role (e.g. school administrator) awaiting a coordinator's decision. */
export const roleRequests = pgTable(
  "role_requests",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    scopeType: text("scope_type").notNull(),
    scopeId: uuid("scope_id").notNull(),
    status: text("status", { enum: ["requested", "confirmed", "declined"] }).notNull(),
    requestedAt: instant("requested_at").notNull(),
    decidedAt: instant("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
  },
  (t) => [uniqueIndex("role_requests_open_uq").on(t.userId, t.role, t.scopeId).where(sql`${t.status} = 'requested'`), index("role_requests_scope_idx").on(t.scopeType, t.scopeId, t.status)],
);

/** Every grant and revocation of a role: who, what, when, why. */
export const roleChanges = pgTable(
  "role_changes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    scopeType: text("scope_type"),
    scopeId: uuid("scope_id"),
    action: text("action", { enum: ["granted", "revoked"] }).notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: instant("at").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("role_changes_user_idx").on(t.userId, t.at), index("role_changes_scope_idx").on(t.scopeType, t.scopeId, t.at)],
);

/** An uploaded school list: kept from preview to confirmation, then applied by a job. */
export const schoolImports = pgTable(
  "school_imports",
  {
    id: id(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    schoolYear: text("school_year").notNull(),
    fileName: text("file_name").notNull(),
    file: bytea("file").notNull(),
    status: text("status", { enum: ["previewed", "applying", "done", "failed", "rejected"] }).notNull(),
    clearAbsent: boolean("clear_absent").notNull().default(false),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    errors: jsonb("errors").$type<string[]>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    finishedAt: instant("finished_at"),
  },
  (t) => [index("school_imports_region_idx").on(t.regionId, t.createdAt)],
);
