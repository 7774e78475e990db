import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { organisations } from "./directory.ts";
import { threads } from "./discussions.ts";
import { PARTNERSHIP_MEMBER_ROLES, PARTNERSHIP_STATUSES } from "../../app/features/partnerships/vocabulary.ts";

export { PARTNERSHIP_MEMBER_ROLES, PARTNERSHIP_STATUSES, type PartnershipMemberRole, type PartnershipStatus } from "../../app/features/partnerships/vocabulary.ts";

/** Statuses in which a pair of schools has a partnership "in progress" (at most one per pair). */
export const OPEN_PARTNERSHIP_STATUSES = ["proposed", "accepted", "active"] as const;


export const MENTOR_PAIR_STATUSES = ["active", "completed"] as const;

/**
 * A leading school (школа-лидер or стажировочная площадка) and a partner school (ШНОР/ШНСУ) that
 * work together under an agreement. Status changes are dated in `partnership_status_changes`.
 */
export const partnerships = pgTable(
  "partnerships",
  {
    id: id(),
    leaderOrgId: uuid("leader_org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    partnerOrgId: uuid("partner_org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    status: text("status", { enum: PARTNERSHIP_STATUSES }).notNull(),
    /** Who proposed: a school's administrator (that side counts as accepted) or a coordinator. */
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedSide: text("proposed_side", { enum: ["leader", "partner", "coordinator"] }).notNull(),
    leaderAcceptedAt: instant("leader_accepted_at"),
    partnerAcceptedAt: instant("partner_accepted_at"),
    agreementNumber: text("agreement_number"),
    agreementDate: date("agreement_date", { mode: "string" }),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    goals: text("goals").notNull().default(""),
    /** The curator / tutor of the partnership (from either school or a body). */
    curatorId: uuid("curator_id").references(() => users.id, { onDelete: "set null" }),
    /** The reason of the last decline or end. */
    reason: text("reason"),
    createdAt: instant("created_at").notNull(),
    statusChangedAt: instant("status_changed_at").notNull(),
  },
  (t) => [
    uniqueIndex("partnerships_open_pair_uq").on(t.leaderOrgId, t.partnerOrgId).where(sql`${t.status} in ('proposed','accepted','active')`),
    index("partnerships_leader_idx").on(t.leaderOrgId, t.status),
    index("partnerships_partner_idx").on(t.partnerOrgId, t.status),
    check("partnerships_status_ck", sql`${t.status} in ('proposed','accepted','active','completed','declined','ended')`),
    check("partnerships_two_schools_ck", sql`${t.leaderOrgId} <> ${t.partnerOrgId}`),
    check("partnerships_period_ck", sql`${t.periodEnd} is null or ${t.periodStart} is null or ${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Every change of a partnership's status: who, when, from, to and why (the dashboard reads it). */
export const partnershipStatusChanges = pgTable(
  "partnership_status_changes",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    /** What happened when the status stayed (one side accepted a coordinator's proposal). */
    note: text("note"),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: instant("at").notNull(),
    reason: text("reason"),
  },
  (t) => [index("partnership_status_changes_idx").on(t.partnershipId, t.at), index("partnership_status_changes_at_idx").on(t.at)],
);

/** A person from one of the two schools taking part, with their role in the partnership. */
export const partnershipMembers = pgTable(
  "partnership_members",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role", { enum: PARTNERSHIP_MEMBER_ROLES }).notNull(),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: instant("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.userId] }), index("partnership_members_user_idx").on(t.userId)],
);

/** A mentor pair inside a partnership: наставник (mentor) and наставляемый (mentee). */
export const mentorPairs = pgTable(
  "mentor_pairs",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    goals: text("goals").notNull(),
    /** Progress towards the goals, 0–100 %, as of the last meeting. */
    progress: integer("progress").notNull().default(0),
    status: text("status", { enum: MENTOR_PAIR_STATUSES }).notNull().default("active"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("mentor_pairs_partnership_idx").on(t.partnershipId),
    uniqueIndex("mentor_pairs_active_uq").on(t.partnershipId, t.mentorId, t.menteeId).where(sql`${t.status} = 'active'`),
    check("mentor_pairs_two_people_ck", sql`${t.mentorId} <> ${t.menteeId}`),
    check("mentor_pairs_progress_ck", sql`${t.progress} between 0 and 100`),
  ],
);

/** One meeting of a mentor pair: when, what was done, what is next and the progress after it. */
export const mentorMeetings = pgTable(
  "mentor_meetings",
  {
    id: id(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => mentorPairs.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    summary: text("summary").notNull(),
    nextSteps: text("next_steps").notNull().default(""),
    progress: integer("progress").notNull(),
    loggedBy: uuid("logged_by").references(() => users.id, { onDelete: "set null" }),
    loggedAt: instant("logged_at").notNull(),
  },
  (t) => [index("mentor_meetings_pair_idx").on(t.pairId, t.heldOn), check("mentor_meetings_progress_ck", sql`${t.progress} between 0 and 100`)],
);

/**
 * A lesson visit (взаимопосещение): the observation protocol filled by the visiting teacher. The
 * observed teacher answers in the protocol's thread of the partnership workspace.
 */
export const lessonVisits = pgTable(
  "lesson_visits",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    visitorId: uuid("visitor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    observedId: uuid("observed_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    visitedOn: date("visited_on", { mode: "string" }).notNull(),
    className: text("class_name").notNull(),
    subjectCode: text("subject_code").notNull(),
    topic: text("topic").notNull(),
    focus: text("focus").notNull(),
    strengths: text("strengths").notNull(),
    recommendations: text("recommendations").notNull(),
    nextSteps: text("next_steps").notNull(),
    threadId: uuid("thread_id").references(() => threads.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("lesson_visits_partnership_idx").on(t.partnershipId, t.visitedOn), check("lesson_visits_two_people_ck", sql`${t.visitorId} <> ${t.observedId}`)],
);

/** A shared file of the partnership workspace (small, kept in the database). */
export const partnershipFiles = pgTable(
  "partnership_files",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  (t) => [index("partnership_files_idx").on(t.partnershipId, t.uploadedAt)],
);

/** A school's declared strengths, from the professional topics vocabulary (edited by its administrator). */
export const orgStrengths = pgTable(
  "org_strengths",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    topicCode: text("topic_code").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.topicCode] }), index("org_strengths_topic_idx").on(t.topicCode)],
);
