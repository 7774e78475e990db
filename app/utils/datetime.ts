/**
 * THE date/time formatter of the product.
 *
 * Instants are stored as UTC and every function takes the zone explicitly:
 * nothing here ever uses the machine's or browser's default time zone.
 * Output is Russian: "19 апреля 2026", "вс, 19 апреля 2026", "10:00",
 * "19 апреля 2026, 10:00 (МСК+6, Чита)".
 *
 * Browser-safe: relies only on `Intl.DateTimeFormat` (via `formatToParts`).
 */
import { countRu } from "./plural.ts";
import { MOSCOW_TIME_ZONE, toZoneRef, zoneLabel, zoneOffsetMinutes, type ZoneInput } from "./timezones.ts";
import { parseLocalDateTime, toDate, wallAt, zonedParts, type DateInput, type ZonedParts } from "./zoned.ts";

export {
  localDateKey,
  parseLocalDateTime,
  toDate,
  toLocalDateTimeInput,
  zonedParts,
  type DateInput,
  type ZonedParts,
} from "./zoned.ts";

/** Month names in the genitive case, as used after a day number. */
export const MONTHS_GENITIVE = [
  "января", "февраля", "марта", "апреля", "мая", "июня",
  "июля", "августа", "сентября", "октября", "ноября", "декабря",
] as const;

/** Weekday abbreviations, Monday first. */
export const WEEKDAYS_SHORT = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"] as const;

const DAY_MS = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, "0");
const sameDay = (a: ZonedParts, b: ZonedParts): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;
const dateText = (p: ZonedParts, withYear = true): string =>
  `${p.day} ${MONTHS_GENITIVE[p.month - 1]}${withYear ? ` ${p.year}` : ""}`;
const timeText = (p: ZonedParts): string => `${pad2(p.hour)}:${pad2(p.minute)}`;

/**
 * "19 апреля 2026": day, genitive month, year in the given zone.
 *
 * @param at - The instant.
 * @param zone - The zone whose calendar date is shown.
 * @returns The date.
 */
export function formatDate(at: DateInput, zone: ZoneInput): string {
  return dateText(zonedParts(at, zone));
}

/**
 * "вс, 19 апреля 2026": {@link formatDate} preceded by the weekday abbreviation.
 *
 * @param at - The instant.
 * @param zone - The zone whose calendar date is shown.
 * @returns The date with weekday.
 */
export function formatDateWithWeekday(at: DateInput, zone: ZoneInput): string {
  const p = zonedParts(at, zone);
  return `${WEEKDAYS_SHORT[p.weekday]}, ${dateText(p)}`;
}

/**
 * "10:00", "04:00": 24-hour time with two-digit hours and minutes.
 *
 * @param at - The instant.
 * @param zone - The zone whose wall clock is shown.
 * @returns The time.
 */
export function formatTime(at: DateInput, zone: ZoneInput): string {
  return timeText(zonedParts(at, zone));
}

/**
 * "19 апреля 2026, 10:00 (МСК+6, Чита)": date and time, always naming the
 * zone via {@link zoneLabel} (the ZoneRef's city overrides the default city).
 *
 * @param at - The instant.
 * @param zone - The zone.
 * @returns The date, time and zone label.
 */
export function formatDateTime(at: DateInput, zone: ZoneInput): string {
  const date = toDate(at);
  const ref = toZoneRef(zone);
  const p = wallAt(date.getTime(), ref.timeZone);
  return `${dateText(p)}, ${timeText(p)} (${zoneLabel(ref.timeZone, ref.city, date)})`;
}

/** Whether two zones have the same UTC offset at every given instant. */
function sameOffset(a: ZoneInput, b: ZoneInput, ...at: Date[]): boolean {
  const ta = toZoneRef(a).timeZone;
  const tb = toZoneRef(b).timeZone;
  return at.every((d) => zoneOffsetMinutes(ta, d) === zoneOffsetMinutes(tb, d));
}

/**
 * An event moment for a viewer, with the organiser's wall clock for reference:
 * "19 апреля 2026, 04:00 (МСК) · у организатора 10:00 (МСК+6, Чита)".
 * The organiser's date is repeated only when it differs from the viewer's:
 * "18 апреля 2026, 23:00 (МСК) · у организатора 19 апреля 2026, 05:00 (МСК+6, Чита)".
 * When both zones have the same offset, only the viewer part is returned.
 *
 * @param at - The event's instant.
 * @param viewer - The zone of the person reading.
 * @param organiser - The organiser's zone.
 * @returns The text.
 */
export function formatEventTime(at: DateInput, viewer: ZoneInput, organiser: ZoneInput): string {
  const date = toDate(at);
  const first = formatDateTime(date, viewer);
  if (sameOffset(viewer, organiser, date)) return first;
  const org = toZoneRef(organiser);
  const v = wallAt(date.getTime(), toZoneRef(viewer).timeZone);
  const o = wallAt(date.getTime(), org.timeZone);
  const when = sameDay(v, o) ? timeText(o) : `${dateText(o)}, ${timeText(o)}`;
  return `${first} · у организатора ${when} (${zoneLabel(org.timeZone, org.city, date)})`;
}

/** Validates a start/end pair and returns both as Dates. */
function toRange(start: DateInput, end: DateInput): [Date, Date] {
  const s = toDate(start);
  const e = toDate(end);
  if (e.getTime() < s.getTime()) throw new RangeError("The end of a range precedes its start");
  return [s, e];
}

/**
 * A calendar date range in a zone, without times, compacting repeated parts:
 * "19 апреля 2026" (one day), "19–20 апреля 2026", "30 апреля – 2 мая 2026",
 * "30 декабря 2025 – 2 января 2026". Both ends are inclusive instants; for a
 * half-open range [start, end) pass `end - 1 ms`.
 *
 * @param start - First instant.
 * @param end - Last instant (inclusive).
 * @param zone - The zone whose calendar is used.
 * @returns The text.
 * @throws RangeError if `end` precedes `start`.
 */
export function formatDateRange(start: DateInput, end: DateInput, zone: ZoneInput): string {
  const [s, e] = toRange(start, end);
  const a = zonedParts(s, zone);
  const b = zonedParts(e, zone);
  if (sameDay(a, b)) return dateText(a);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${dateText(b)}`;
  return `${dateText(a, a.year !== b.year)} – ${dateText(b)}`;
}

/**
 * Start–end wall-clock text in one zone: "10:00–12:00" (with the date prefixed
 * when `withDate`) for a single day, "19 апреля, 22:00 – 20 апреля 2026, 02:00"
 * (the start's year is written only if it differs) across days.
 */
function rangeText(a: ZonedParts, b: ZonedParts, withDate: boolean): string {
  if (sameDay(a, b)) return `${withDate ? `${dateText(a)}, ` : ""}${timeText(a)}–${timeText(b)}`;
  return `${dateText(a, a.year !== b.year)}, ${timeText(a)} – ${dateText(b)}, ${timeText(b)}`;
}

/**
 * An event spanning hours or days, for a viewer, with the organiser's wall clock.
 *
 * - Same day: "19 апреля 2026, 10:00–12:00 (МСК) · у организатора 16:00–18:00 (МСК+6, Чита)".
 *   The organiser part gets its own date when its calendar day differs from
 *   the viewer's ("… · у организатора 20 апреля 2026, 01:00–03:00 (…)").
 * - Several days: "19 апреля, 10:00 – 20 апреля 2026, 18:00 (МСК)"; the year is
 *   written once unless the range crosses a year. The organiser part then
 *   always carries dates.
 * - Same offset for both: only the viewer part. Zero-length: {@link formatEventTime}.
 * - Labels are those in force at the start. For date-only ranges ("19–20 апреля
 *   2026") use {@link formatDateRange}.
 *
 * @param start - Start instant.
 * @param end - End instant.
 * @param viewer - The zone of the person reading.
 * @param organiser - The organiser's zone.
 * @returns The text.
 * @throws RangeError if `end` precedes `start`.
 */
export function formatEventRange(
  start: DateInput,
  end: DateInput,
  viewer: ZoneInput,
  organiser: ZoneInput,
): string {
  const [s, e] = toRange(start, end);
  if (s.getTime() === e.getTime()) return formatEventTime(s, viewer, organiser);
  const vz = toZoneRef(viewer);
  const oz = toZoneRef(organiser);
  const vs = wallAt(s.getTime(), vz.timeZone);
  const ve = wallAt(e.getTime(), vz.timeZone);
  const first = `${rangeText(vs, ve, true)} (${zoneLabel(vz.timeZone, vz.city, s)})`;
  if (sameOffset(vz, oz, s, e)) return first;
  const os = wallAt(s.getTime(), oz.timeZone);
  const oe = wallAt(e.getTime(), oz.timeZone);
  const withDate = !(sameDay(vs, ve) && sameDay(vs, os) && sameDay(os, oe));
  return `${first} · у организатора ${rangeText(os, oe, withDate)} (${zoneLabel(oz.timeZone, oz.city, s)})`;
}

/**
 * A short relative time for recent instants: "только что" (under a minute),
 * "5 минут назад", "1 час назад", "3 дня назад". Returns `null` for instants
 * 7 days old or older, and for instants more than a minute in the future, so
 * callers show a full date ({@link formatDateTime}) instead.
 *
 * @param at - The instant.
 * @param now - The reference "now" (default: the current time).
 * @returns The relative text or `null`.
 */
export function formatRelativeRu(at: DateInput, now: DateInput = new Date()): string | null {
  const diff = toDate(now).getTime() - toDate(at).getTime();
  if (diff < -60_000 || diff >= 7 * DAY_MS) return null;
  if (diff < 60_000) return "только что";
  if (diff < 3_600_000) return `${countRu(Math.floor(diff / 60_000), ["минуту", "минуты", "минут"])} назад`;
  if (diff < DAY_MS) return `${countRu(Math.floor(diff / 3_600_000), ["час", "часа", "часов"])} назад`;
  return `${countRu(Math.floor(diff / DAY_MS), ["день", "дня", "дней"])} назад`;
}

/**
 * The Russian school year (starting on 1 September) containing an instant,
 * judged by the calendar of the given zone: 2026-04-19 → "2025/2026",
 * 2026-09-01 → "2026/2027".
 *
 * @param at - The instant.
 * @param zone - The zone whose calendar counts.
 * @returns "YYYY/YYYY".
 */
export function schoolYearOf(at: DateInput, zone: ZoneInput): string {
  const p = zonedParts(at, zone);
  const first = p.month >= 9 ? p.year : p.year - 1;
  return `${first}/${first + 1}`;
}

/** Bounds of a school year; see {@link schoolYearRange}. */
export type SchoolYearRange = {
  /** Instant of 1 September 00:00 of the first year in the zone (inclusive). */
  start: Date;
  /** Instant of 1 September 00:00 of the next school year in the zone (exclusive). */
  end: Date;
  /** First calendar day, "2025-09-01". */
  firstDay: string;
  /** Last calendar day, "2026-08-31". */
  lastDay: string;
};

/**
 * The bounds of a school year "2025/2026": the half-open instant range
 * [1 Sep 2025 00:00, 1 Sep 2026 00:00) in the zone, plus the inclusive
 * calendar days "2025-09-01" and "2026-08-31".
 *
 * @param schoolYear - "YYYY/YYYY" with consecutive years.
 * @param timeZone - The zone whose midnight counts (default: Moscow).
 * @returns The range.
 * @throws RangeError for a malformed school year.
 */
export function schoolYearRange(schoolYear: string, timeZone: ZoneInput = MOSCOW_TIME_ZONE): SchoolYearRange {
  const m = /^(\d{4})\/(\d{4})$/.exec(schoolYear.trim());
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Invalid school year: ${schoolYear}`);
  return {
    start: parseLocalDateTime(`${m[1]}-09-01T00:00`, timeZone),
    end: parseLocalDateTime(`${m[2]}-09-01T00:00`, timeZone),
    firstDay: `${m[1]}-09-01`,
    lastDay: `${m[2]}-08-31`,
  };
}
