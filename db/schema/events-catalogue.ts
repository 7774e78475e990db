/**
 * Webinars and seminars (мероприятия): the catalogue, sessions, registration with a waitlist,
 * registration questions, reminders and personal calendar feeds. (db/schema/events.ts is the
 * backbone's event stream, hence the `programme_events` names here.)
 */
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "../columns.ts";
import { users } from "./accounts.ts";
import { communities } from "./communities.ts";
import { organisations, regions } from "./directory.ts";
import { practices } from "./library.ts";

export const EVENT_TYPES = ["webinar", "seminar", "problem_seminar", "conference", "master_class", "discussion_platform"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_FORMATS = ["online", "offline", "hybrid"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_AUDIENCES = ["open", "region", "communities"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_STATUSES = ["scheduled", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const QUESTION_KINDS = ["text", "choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const REMINDER_KINDS = ["day", "hour"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A speaker as the organiser writes them: not necessarily a person with an account. */
export interface EventSpeaker {
  name: string;
  about?: string;
}

/**
 * An event of the programme: a webinar, a seminar, a conference… Times live in its sessions;
 * `startsAt`/`endsAt` are the first start and the last end, kept by the commands for lists.
 * `timeZone` is the organiser's zone (the organising organisation's region) in which the times
 * were entered.
 */
export const programmeEvents = pgTable(
  "programme_events",
  {
    id: id(),
    title: text("title").notNull(),
    /** Russian sort key of the title (PGlite has only the C collation). */
    titleSort: text("title_sort").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    format: text("format", { enum: EVENT_FORMATS }).notNull(),
    /** A short description for the catalogue (plain text). */
    summary: text("summary").notNull(),
    /** The programme: allowlisted ProseMirror JSON and its server-rendered, sanitised HTML. */
    programme: jsonb("programme").$type<Record<string, unknown>>().notNull(),
    programmeHtml: text("programme_html").notNull(),
    /** A link to any platform (МТС Линк, Сферум, VK Видео, Телемост…); shown to participants only. */
    onlineUrl: text("online_url"),
    venue: text("venue"),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** The organising organisation's region (filters, policy). */
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    timeZone: text("time_zone").notNull(),
    speakers: jsonb("speakers").$type<EventSpeaker[]>().notNull().default(sql`'[]'::jsonb`),
    audience: text("audience", { enum: EVENT_AUDIENCES }).notNull(),
    /** The region whose people may register, for audience "region". */
    audienceRegionId: uuid("audience_region_id").references(() => regions.id, { onDelete: "restrict" }),
    /** Seats; null means no limit. */
    capacity: integer("capacity"),
    status: text("status", { enum: EVENT_STATUSES }).notNull().default("scheduled"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    /** Registered participants, kept in the registration transaction (under the event row lock). */
    registeredCount: integer("registered_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("programme_events_starts_idx").on(t.startsAt),
    index("programme_events_ends_idx").on(t.endsAt),
    index("programme_events_region_idx").on(t.regionId, t.startsAt),
    index("programme_events_org_idx").on(t.organisationId),
    check("programme_events_type_ck", sql`${t.type} in ('webinar','seminar','problem_seminar','conference','master_class','discussion_platform')`),
    check("programme_events_format_ck", sql`${t.format} in ('online','offline','hybrid')`),
    check("programme_events_audience_ck", sql`(${t.audience} = 'region') = (${t.audienceRegionId} is not null) and ${t.audience} in ('open','region','communities')`),
    check("programme_events_status_ck", sql`${t.status} in ('scheduled','cancelled')`),
    check("programme_events_capacity_ck", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("programme_events_range_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check("programme_events_counts_ck", sql`${t.registeredCount} >= 0 and ${t.waitlistCount} >= 0`),
  ],
);

/** One session (day) of an event. */
export const programmeEventSessions = pgTable(
  "programme_event_sessions",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
  },
  (t) => [
    uniqueIndex("programme_event_sessions_position_uq").on(t.eventId, t.position),
    index("programme_event_sessions_starts_idx").on(t.startsAt),
    check("programme_event_sessions_range_ck", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Communities invited to an event (audience "communities"; shown as "для сообществ"). */
export const programmeEventCommunities = pgTable(
  "programme_event_communities",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.communityId] }), index("programme_event_communities_community_idx").on(t.communityId)],
);

/** Practices of the library linked to an event. */
export const programmeEventPractices = pgTable(
  "programme_event_practices",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.practiceId] }), index("programme_event_practices_practice_idx").on(t.practiceId)],
);

/** A question the organiser asks at registration: free text or a choice among options. */
export const eventQuestions = pgTable(
  "event_questions",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    options: jsonb("options").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    required: boolean("required").notNull().default(false),
  },
  (t) => [uniqueIndex("event_questions_position_uq").on(t.eventId, t.position), check("event_questions_kind_ck", sql`${t.kind} in ('text','choice')`)],
);

/**
 * A person's registration: registered (has a seat), waitlisted (in order of `waitlistedAt`), or
 * cancelled. At most one live (not cancelled) registration per person and event.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => programmeEvents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    /** Answers to the event's questions by question id. */
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: instant("created_at").notNull(),
    /** When the person joined the waitlist (its order), null if they got a seat at once. */
    waitlistedAt: instant("waitlisted_at"),
    /** When a seat was taken: at once or by promotion from the waitlist. */
    registeredAt: instant("registered_at"),
    promotedAt: instant("promoted_at"),
    cancelledAt: instant("cancelled_at"),
  },
  (t) => [
    uniqueIndex("event_registrations_live_uq").on(t.eventId, t.userId).where(sql`${t.status} <> 'cancelled'`),
    index("event_registrations_event_idx").on(t.eventId, t.status, t.waitlistedAt),
    index("event_registrations_user_idx").on(t.userId, t.status),
    check("event_registrations_status_ck", sql`${t.status} in ('registered','waitlisted','cancelled')`),
  ],
);

/**
 * A reminder that was sent: one row per registration, kind and event start, inserted in the same
 * transaction as the notification and the mail, so a retried or repeated job never sends twice. A
 * moved event (a new start) gets its own reminders.
 */
export const eventRemindersSent = pgTable(
  "event_reminders_sent",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    startsAt: instant("starts_at").notNull(),
    sentAt: instant("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.kind, t.startsAt] }), check("event_reminders_sent_kind_ck", sql`${t.kind} in ('day','hour')`)],
);

/**
 * A person's private calendar feed (/calendar/<token>.ics): only the token's SHA-256 is stored;
 * revoking deletes the row, and a new token replaces the old one.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_uq").on(t.tokenHash)],
);
