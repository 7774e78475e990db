import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { municipalities, regions } from "./directory.ts";

export const COMMUNITY_KINDS = ["subject", "thematic", "role"] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];
export const COMMUNITY_SCOPES = ["municipal", "regional", "interregional"] as const;
export type CommunityScope = (typeof COMMUNITY_SCOPES)[number];
export const COMMUNITY_VISIBILITIES = ["open", "closed"] as const;
export type CommunityVisibility = (typeof COMMUNITY_VISIBILITIES)[number];
export const COMMUNITY_ROLES = ["member", "moderator", "owner"] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];
export const COMMUNITY_MEMBER_STATUSES = ["requested", "active", "left", "declined"] as const;
export type CommunityMemberStatus = (typeof COMMUNITY_MEMBER_STATUSES)[number];

/**
 * A network community of teachers (сетевое сообщество): subject, thematic or role; municipal
 * (РМО), regional or interregional; open, or closed with join requests. Its threads live in the
 * discussion engine under owner ("community", id).
 */
export const communities = pgTable(
  "communities",
  {
    id: id(),
    /** The URL name (/communities/<slug>): Latin, lower case, unique, never changed. */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Russian sort key of the name (PGlite has only the C collation). */
    nameSort: text("name_sort").notNull(),
    description: text("description").notNull(),
    kind: text("kind", { enum: COMMUNITY_KINDS }).notNull(),
    /** A code of SUBJECTS (app/features/vocabulary) for subject communities. */
    subjectCode: text("subject_code"),
    /** A code of TOPICS for thematic communities. */
    topicCode: text("topic_code"),
    scope: text("scope", { enum: COMMUNITY_SCOPES }).notNull(),
    /** Set for regional and municipal communities. */
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "restrict" }),
    /** Set for municipal communities (РМО). */
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "restrict" }),
    visibility: text("visibility", { enum: COMMUNITY_VISIBILITIES }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    /** Active members, kept by the membership commands in the same transaction. */
    memberCount: integer("member_count").notNull().default(0),
    /** Creation or the last change of membership; thread activity comes from the threads. */
    lastActivityAt: instant("last_activity_at").notNull(),
  },
  (t) => [
    uniqueIndex("communities_slug_uq").on(t.slug),
    index("communities_name_sort_idx").on(t.nameSort),
    index("communities_region_idx").on(t.regionId, t.municipalityId),
    index("communities_kind_idx").on(t.kind, t.subjectCode, t.topicCode),
    check("communities_kind_ck", sql`${t.kind} in ('subject','thematic','role')`),
    check("communities_visibility_ck", sql`${t.visibility} in ('open','closed')`),
    check(
      "communities_scope_ck",
      sql`(${t.scope} = 'interregional' and ${t.regionId} is null and ${t.municipalityId} is null)
        or (${t.scope} = 'regional' and ${t.regionId} is not null and ${t.municipalityId} is null)
        or (${t.scope} = 'municipal' and ${t.regionId} is not null and ${t.municipalityId} is not null)`,
    ),
    check("communities_subject_ck", sql`${t.kind} = 'subject' or ${t.subjectCode} is null`),
    check("communities_topic_ck", sql`${t.kind} = 'thematic' or ${t.topicCode} is null`),
    check("communities_member_count_ck", sql`${t.memberCount} >= 0`),
  ],
);

/**
 * A person's membership of a community: one row per pair whose status moves requested → active
 * (or declined), active → left, and back on rejoining. Role member, moderator or owner.
 */
export const communityMembers = pgTable(
  "community_members",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: COMMUNITY_ROLES }).notNull().default("member"),
    status: text("status", { enum: COMMUNITY_MEMBER_STATUSES }).notNull(),
    /** What the person wrote with a join request to a closed community. */
    requestNote: text("request_note"),
    requestedAt: instant("requested_at").notNull(),
    joinedAt: instant("joined_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at"),
    /** The moderator's reason for declining (shown to the person). */
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index("community_members_user_idx").on(t.userId, t.status),
    index("community_members_status_idx").on(t.communityId, t.status, t.role),
    check("community_members_role_ck", sql`${t.role} in ('member','moderator','owner')`),
    check("community_members_status_ck", sql`${t.status} in ('requested','active','left','declined')`),
  ],
);

/** People who follow a community (its new threads reach their notifications). */
export const communityFollows = pgTable(
  "community_follows",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: instant("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.userId] }), index("community_follows_user_idx").on(t.userId)],
);
