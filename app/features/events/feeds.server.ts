/**
 * Calendars: an `.ics` file per event and a private, revocable feed per person
 * (/calendar/<token>.ics) that calendar apps subscribe to. Times are written in UTC ("…Z"), so
 * every calendar shows them in its own zone correctly; one VEVENT per session (day).
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import type { Executor } from "../../../db/client.ts";
import { calendarFeeds, eventRegistrations, organisations, programmeEvents, users } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import { hashToken, randomToken } from "../accounts/crypto.server.ts";
import { sessionsOf } from "./queries.server.ts";
import { TYPE_LABELS } from "./strings.ts";

type CalendarEvent = {
  id: string;
  title: string;
  type: keyof typeof TYPE_LABELS;
  summary: string;
  venue: string | null;
  status: "scheduled" | "cancelled";
  organisation: string;
  updatedAt: Date;
  tentative?: boolean;
};

const PRODUCT_ID = "-//Most//Events//RU";

/** Builds an iCalendar text of the events' sessions; `origin` makes the links absolute. */
async function buildCalendar(ex: Executor, list: CalendarEvent[], origin: string, calName: string): Promise<string> {
  const sessions = await sessionsOf(ex, list.map((e) => e.id));
  const byId = new Map(list.map((e) => [e.id, e]));
  const items: EventAttributes[] = sessions.map((x) => {
    const e = byId.get(x.eventId)!;
    const many = sessions.filter((o) => o.eventId === x.eventId).length > 1;
    return {
      uid: `${x.id}@most`,
      productId: PRODUCT_ID,
      start: x.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: x.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: `${e.title}${many ? ` (день ${x.position + 1})` : ""}`,
      description: `${TYPE_LABELS[e.type]}. ${e.summary}\nОрганизатор: ${e.organisation}\n${origin}/events/${e.id}`,
      location: e.venue ?? undefined,
      url: `${origin}/events/${e.id}`,
      status: e.status === "cancelled" ? "CANCELLED" : e.tentative ? "TENTATIVE" : "CONFIRMED",
      lastModified: e.updatedAt.getTime(),
      calName,
    };
  });
  if (items.length === 0) return ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, "CALSCALE:GREGORIAN", `X-WR-CALNAME:${calName}`, "END:VCALENDAR", ""].join("\r\n");
  const { error, value } = createEvents(items, { productId: PRODUCT_ID, calName });
  if (error || !value) throw error ?? new Error("ics failed");
  return value;
}

const columns = {
  id: programmeEvents.id,
  title: programmeEvents.title,
  type: programmeEvents.type,
  summary: programmeEvents.summary,
  venue: programmeEvents.venue,
  status: programmeEvents.status,
  organisation: organisations.shortName,
  updatedAt: programmeEvents.updatedAt,
};

/** The `.ics` of one event, or null when it does not exist. */
export async function eventIcs(ex: Executor, eventId: string, origin: string): Promise<{ name: string; text: string } | null> {
  const [e] = await ex.select(columns).from(programmeEvents).innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId)).where(eq(programmeEvents.id, eventId));
  if (!e) return null;
  return { name: `event-${e.id.slice(0, 8)}.ics`, text: await buildCalendar(ex, [e], origin, e.title) };
}

/** Creates a new feed token for the person (the old one stops working); returns the token once. */
export async function createCalendarFeed(s: Pick<AppServices, "db" | "clock">, userId: string): Promise<string> {
  const token = randomToken();
  const values = { tokenHash: hashToken(token), createdAt: s.clock.now() };
  await s.db.insert(calendarFeeds).values({ userId, ...values }).onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
  return token;
}

/** Revokes the person's feed: its URL answers 404 from now on. */
export async function revokeCalendarFeed(s: Pick<AppServices, "db">, userId: string): Promise<void> {
  await s.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/** Whether the person has a feed, and since when. */
export async function calendarFeedOf(ex: Executor, userId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await ex.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/**
 * The personal feed behind a token: events the person is registered for (waiting ones as
 * tentative) and the events they organise. Null for an unknown or revoked token.
 */
export async function personalFeedIcs(ex: Executor, token: string, origin: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) return null;
  const [feed] = await ex
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), eq(users.status, "active")));
  if (!feed) return null;
  const regs = await ex
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.userId, feed.userId), ne(eventRegistrations.status, "cancelled")));
  const waiting = new Set(regs.filter((r) => r.status === "waitlisted").map((r) => r.eventId));
  const registered = regs.map((r) => r.eventId);
  const rows = await ex
    .select({ ...columns, createdBy: programmeEvents.createdBy })
    .from(programmeEvents)
    .innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId))
    .where(registered.length ? inArray(programmeEvents.id, registered) : eq(programmeEvents.createdBy, feed.userId));
  const organised = registered.length
    ? await ex.select(columns).from(programmeEvents).innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId)).where(eq(programmeEvents.createdBy, feed.userId))
    : [];
  const all = new Map<string, CalendarEvent>();
  for (const e of [...rows, ...organised]) all.set(e.id, { ...e, tentative: waiting.has(e.id) });
  return buildCalendar(ex, [...all.values()], origin, "Мост: мои мероприятия");
}
