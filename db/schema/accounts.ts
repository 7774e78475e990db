import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";

/** A person's account. Personal data beyond the e-mail and name arrives with the profile. */
export const users = pgTable(
  "users",
  {
    id: id(),
    /** Lower-cased; unique among accounts that are not deleted. */
    email: text("email").notNull(),
    emailVerifiedAt: instant("email_verified_at"),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    /**
     * The personal-data consent given at registration. NOT NULL with a foreign key: a person's row
     * cannot be stored before their consent is (152-ФЗ).
     */
    consentId: uuid("consent_id")
      .notNull()
      .references((): AnyPgColumn => consents.id),
    status: text("status", { enum: ["active", "deleted"] }).notNull().default("active"),
    createdAt: instant("created_at").notNull(),
    passwordChangedAt: instant("password_changed_at"),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email).where(sql`${t.status} <> 'deleted'`),
    check("users_status_ck", sql`${t.status} in ('active','deleted')`),
  ],
);

/**
 * Consent to a versioned document (152-ФЗ): the personal-data processing consent is stored first
 * in the registration transaction, before anything else about the person.
 */
export const consents = pgTable(
  "consents",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    document: text("document").notNull(),
    version: text("version").notNull(),
    givenAt: instant("given_at").notNull(),
    withdrawnAt: instant("withdrawn_at"),
    /** For the public-profile consent (ст. 10.1): the fields this consent made public. */
    fields: text("fields").array(),
  },
  (t) => [index("consents_user_idx").on(t.userId, t.document)],
);

/** Sessions per the Lucia guide: the id is the SHA-256 of the token; the token lives only in the cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    /** Absolute expiry; inactivity is judged from last_seen_at. */
    expiresAt: instant("expires_at").notNull(),
    device: text("device").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use, hashed, expiring tokens: e-mail confirmation (code + link), e-mail change, password reset. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["confirm_email", "change_email", "reset_password"] }).notNull(),
    /** SHA-256 of the link token. */
    tokenHash: text("token_hash").notNull(),
    /** SHA-256 of the short code typed by hand (confirmation only). */
    codeHash: text("code_hash"),
    /** The address being confirmed (a new one for an e-mail change). */
    email: text("email").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [uniqueIndex("account_tokens_hash_uq").on(t.tokenHash), index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Authentication events, without secrets: who, what, when. */
export const authEvents = pgTable(
  "auth_events",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    at: instant("at").notNull(),
    detail: jsonb("detail").notNull().$type<Record<string, string | number | boolean | null>>().default({}),
  },
  (t) => [index("auth_events_user_idx").on(t.userId, t.at), index("auth_events_at_idx").on(t.at)],
);

/** Fixed-window counters with lockouts, on the business clock, shared by every node. */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: instant("window_start").notNull(),
  blockedUntil: instant("blocked_until"),
});

/** A role held in a scope (none for admin); changes are logged with who, when and why. */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    scopeType: text("scope_type"),
    scopeId: uuid("scope_id"),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    grantedAt: instant("granted_at").notNull(),
    reason: text("reason"),
  },
  (t) => [
    index("role_grants_user_idx").on(t.userId),
    uniqueIndex("role_grants_uq").on(t.userId, t.role, sql`coalesce(${t.scopeType}, '')`, sql`coalesce(${t.scopeId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);
