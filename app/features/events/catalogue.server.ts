/**
 * The catalogue and "мои мероприятия" as pages show them: cards with times in the viewer's zone
 * (the organiser's after it), a month calendar of sessions, the viewer's registrations.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations, organisations, programmeEventCommunities, programmeEvents, programmeEventSessions, regions } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { formatEventRange, localDateKey, parseLocalDateTime, zonedParts } from "../../utils/datetime.ts";
import { countRu } from "../../utils/plural.ts";
import type { CatalogueQuery } from "./schemas.ts";
import { AUDIENCE_LABELS, DAYS, FORMAT_LABELS, SEATS, TYPE_LABELS } from "./strings.ts";

export const EVENTS_PAGE_SIZE = 20;

const cardColumns = {
  id: programmeEvents.id,
  title: programmeEvents.title,
  type: programmeEvents.type,
  format: programmeEvents.format,
  audience: programmeEvents.audience,
  status: programmeEvents.status,
  summary: programmeEvents.summary,
  startsAt: programmeEvents.startsAt,
  endsAt: programmeEvents.endsAt,
  timeZone: programmeEvents.timeZone,
  capital: regions.capital,
  capacity: programmeEvents.capacity,
  registeredCount: programmeEvents.registeredCount,
  organisation: organisations.shortName,
  sessionCount: sql<number>`(select count(*)::int from ${programmeEventSessions} s where s.event_id = ${programmeEvents.id})`,
};

const base = (ex: Executor) => ex.select(cardColumns).from(programmeEvents).innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId)).innerJoin(regions, eq(regions.id, programmeEvents.regionId));
type CardRow = Awaited<ReturnType<ReturnType<typeof base>["execute"]>>[number];

export interface EventCardData {
  id: string;
  title: string;
  type: string;
  format: string;
  audience: string;
  summary: string;
  when: string;
  organisation: string;
  days: string | null;
  seats: string | null;
  cancelled: boolean;
  past: boolean;
}

/** A card: the times through the product's formatter, seats left in Russian. */
export function toCard(r: CardRow, zone: ViewerZone, now: Date): EventCardData {
  const left = r.capacity === null ? null : Math.max(0, r.capacity - r.registeredCount);
  return {
    id: r.id,
    title: r.title,
    type: TYPE_LABELS[r.type],
    format: FORMAT_LABELS[r.format],
    audience: AUDIENCE_LABELS[r.audience],
    summary: r.summary,
    when: formatEventRange(r.startsAt, r.endsAt, zone, { timeZone: r.timeZone, city: r.capital }),
    organisation: r.organisation,
    days: r.sessionCount > 1 ? countRu(r.sessionCount, DAYS) : null,
    seats: left === null ? null : left > 0 ? `Свободно: ${countRu(left, SEATS)}` : "Мест нет — запись в лист ожидания",
    cancelled: r.status === "cancelled",
    past: r.endsAt <= now,
  };
}

function filters(q: CatalogueQuery): SQL[] {
  const where: SQL[] = [];
  if (q.type) where.push(eq(programmeEvents.type, q.type));
  if (q.format) where.push(eq(programmeEvents.format, q.format));
  if (q.region) where.push(or(eq(programmeEvents.regionId, q.region), eq(programmeEvents.audienceRegionId, q.region))!);
  if (q.community) where.push(inArray(programmeEvents.id, sql`(select ${programmeEventCommunities.eventId} from ${programmeEventCommunities} where ${programmeEventCommunities.communityId} = ${q.community})`));
  return where;
}


/** A page of the list: upcoming (soonest first) or past (latest first). */
export async function listEventCards(ex: Executor, q: CatalogueQuery, zone: ViewerZone, now: Date) {
  const where = and(...filters(q), q.when === "upcoming" ? gt(programmeEvents.endsAt, now) : lte(programmeEvents.endsAt, now));
  const [rows, [total]] = await Promise.all([
    base(ex)
      .where(where)
      .orderBy(q.when === "upcoming" ? asc(programmeEvents.startsAt) : desc(programmeEvents.startsAt), asc(programmeEvents.id))
      .limit(EVENTS_PAGE_SIZE)
      .offset((q.page - 1) * EVENTS_PAGE_SIZE),
    ex.select({ n: count() }).from(programmeEvents).where(where),
  ]);
  const n = total?.n ?? 0;
  return { cards: rows.map((r) => toCard(r as CardRow, zone, now)), total: n, pages: Math.max(1, Math.ceil(n / EVENTS_PAGE_SIZE)) };
}

export interface MonthDay {
  key: string;
  day: number;
  inMonth: boolean;
  today: boolean;
  items: { eventId: string; title: string; time: string; cancelled: boolean }[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A month calendar in the viewer's zone: weeks from Monday, each day with the sessions starting on
 * it (time in the viewer's zone). `month` is "YYYY-MM"; default the current month.
 */
export async function monthCalendar(ex: Executor, q: CatalogueQuery, zone: ViewerZone, now: Date) {
  const today = zonedParts(now, zone);
  const [y, m] = q.month ? q.month.split("-").map(Number) as [number, number] : [today.year, today.month];
  const first = parseLocalDateTime(`${y}-${pad2(m)}-01T00:00`, zone);
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const end = parseLocalDateTime(`${next.y}-${pad2(next.m)}-01T00:00`, zone);
  const rows = await ex
    .select({ eventId: programmeEvents.id, title: programmeEvents.title, status: programmeEvents.status, startsAt: programmeEventSessions.startsAt })
    .from(programmeEventSessions)
    .innerJoin(programmeEvents, eq(programmeEvents.id, programmeEventSessions.eventId))
    .where(and(gte(programmeEventSessions.startsAt, first), lt(programmeEventSessions.startsAt, end), ...filters(q)))
    .orderBy(asc(programmeEventSessions.startsAt));
  const byDay = new Map<string, MonthDay["items"]>();
  for (const r of rows) {
    const key = localDateKey(r.startsAt, zone);
    const p = zonedParts(r.startsAt, zone);
    byDay.set(key, [...(byDay.get(key) ?? []), { eventId: r.eventId, title: r.title, time: `${pad2(p.hour)}:${pad2(p.minute)}`, cancelled: r.status === "cancelled" }]);
  }
  const firstWeekday = zonedParts(first, zone).weekday;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const todayKey = localDateKey(now, zone);
  const cells: MonthDay[] = [];
  const lead = firstWeekday;
  const total = Math.ceil((lead + daysInMonth) / 7) * 7;
  for (let i = 0; i < total; i++) {
    const date = new Date(Date.UTC(y, m - 1, 1 + i - lead));
    const key = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    cells.push({ key, day: date.getUTCDate(), inMonth: date.getUTCMonth() === m - 1, today: key === todayKey, items: byDay.get(key) ?? [] });
  }
  const weeks = Array.from({ length: total / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return { year: y, month: m, weeks, prev: `${prev.y}-${pad2(prev.m)}`, next: `${next.y}-${pad2(next.m)}`, count: rows.length };
}

/** The viewer's registrations (live ones), upcoming first, and the events they created. */
export async function myEvents(ex: Executor, viewer: Viewer & { id: string }, zone: ViewerZone, now: Date) {
  const mine = await base(ex)
    .innerJoin(eventRegistrations, eq(eventRegistrations.eventId, programmeEvents.id))
    .where(and(eq(eventRegistrations.userId, viewer.id), ne(eventRegistrations.status, "cancelled")))
    .orderBy(asc(programmeEvents.startsAt))
    .limit(200);
  const statuses = await ex
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.userId, viewer.id), ne(eventRegistrations.status, "cancelled")));
  const statusOf = new Map(statuses.map((x) => [x.eventId, x.status]));
  const organised = await base(ex).where(eq(programmeEvents.createdBy, viewer.id)).orderBy(desc(programmeEvents.startsAt)).limit(100);
  const cards = (rows: unknown[]) => rows.map((r) => toCard(r as CardRow, zone, now));
  const withStatus = cards(mine).map((c) => ({ ...c, registration: statusOf.get(c.id) ?? null }));
  return {
    upcoming: withStatus.filter((c) => !c.past),
    past: withStatus.filter((c) => c.past).reverse(),
    organised: cards(organised),
  };
}
