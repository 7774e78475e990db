/**
 * The live room of an event and what follows it: Q&A questions with upvotes, check-in codes and
 * attendance per session, materials and the recording link, feedback, and participant
 * certificates with a public verification code.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { programmeEvents, programmeEventSessions } from "./events-catalogue.ts";

export const ATTENDANCE_SOURCES = ["organiser", "code"] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** A participant's question in the room's Q&A (plain text); the organiser marks it answered. */
export const eventRoomQuestions = pgTable(
  "event_room_questions",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Upvotes, kept in the vote's transaction (under the question row lock). */
    voteCount: integer("vote_count").notNull().default(0),
    answeredAt: instant("answered_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("event_room_questions_event_idx").on(t.eventId, t.createdAt), check("event_room_questions_votes_ck", sql`${t.voteCount} >= 0`)],
);

/** One upvote per person and question. */
export const eventRoomVotes = pgTable(
  "event_room_votes",
  {
    questionId: uuid("question_id")
      .notNull()
      .references(() => eventRoomQuestions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);

/** The check-in code the organiser announces during a session (one per session; a new one replaces it). */
export const eventCheckinCodes = pgTable("event_checkin_codes", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => programmeEventSessions.id, { onDelete: "cascade" }),
  code: text("code").notNull(),
  createdAt: instant("created_at").notNull(),
});

/** A person attended a session: marked by the organiser or checked in with the code. */
export const eventAttendance = pgTable(
  "event_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => programmeEventSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ATTENDANCE_SOURCES }).notNull(),
    markedAt: instant("marked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("event_attendance_user_idx").on(t.userId), check("event_attendance_source_ck", sql`${t.source} in ('organiser','code')`)],
);

/** After the event: the recording link and materials (plain text, links written out). */
export const eventMaterials = pgTable("event_materials", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => programmeEvents.id, { onDelete: "cascade" }),
  recordingUrl: text("recording_url"),
  materials: text("materials").notNull().default(""),
  updatedAt: instant("updated_at").notNull(),
});

/** A participant's short feedback form: a mark from 1 to 5 and an optional comment. */
export const eventFeedback = pgTable(
  "event_feedback",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), check("event_feedback_rating_ck", sql`${t.rating} between 1 and 5`)],
);

/**
 * A participant certificate: what was printed, frozen at issue (the name as printed, the event,
 * its dates, the hours attended, the organiser), reached publicly by a random code only.
 */
export const eventCertificates = pgTable(
  "event_certificates",
  {
    id: id(),
    /** Random and unguessable (not the id): printed on the PDF and in its QR code. */
    code: text("code").notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    personName: text("person_name").notNull(),
    eventTitle: text("event_title").notNull(),
    dates: text("dates").notNull(),
    /** Attended time in minutes (hours are printed from it). */
    minutes: integer("minutes").notNull(),
    organiser: text("organiser").notNull(),
    issuedAt: instant("issued_at").notNull(),
  },
  (t) => [
    uniqueIndex("event_certificates_code_uq").on(t.code),
    uniqueIndex("event_certificates_person_uq").on(t.eventId, t.userId),
    check("event_certificates_minutes_ck", sql`${t.minutes} > 0`),
  ],
);
