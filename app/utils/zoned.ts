/**
 * Zone-explicit wall-clock arithmetic: reading instants, the wall clock of an
 * instant in a zone, and the reverse (wall clock in a zone → instant).
 * Everything here is re-exported by `datetime.ts`; import from there.
 *
 * Browser-safe: relies only on `Intl.DateTimeFormat` (via `formatToParts`);
 * never uses the machine's default time zone.
 */
import { dayConstant, toZoneRef, type ZoneInput } from "./timezones.ts";

/** An instant: a `Date`, epoch milliseconds, or an ISO-8601 string (no offset = UTC). */
export type DateInput = Date | string | number;

/** Wall-clock fields of an instant in a zone. `month` is 1–12, `weekday` 0 = пн … 6 = вс. */
export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

const DAY_MS = 86_400_000;
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Converts a {@link DateInput} to a new `Date`. Strings are ISO-8601; a date-time
 * without an offset ("2026-04-19 01:00:00", as databases return it) is read as
 * UTC, a space instead of "T", "+03"/"+0300" offsets and microseconds are accepted.
 *
 * @param at - The instant.
 * @returns A fresh Date.
 * @throws RangeError if the input is not a valid instant.
 */
export function toDate(at: DateInput): Date {
  let date: Date;
  if (at instanceof Date) date = new Date(at.getTime());
  else if (typeof at === "number") date = new Date(at);
  else {
    let s = at.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T](?=\d)/, "$1T");
    s = s.replace(/(T\d{2}:\d{2}:\d{2}\.\d{3})\d+/, "$1");
    s = s.replace(/(T[\d:.]+)([+-]\d{2})(?::?(\d{2}))?$/, (_, t: string, h: string, m?: string) => `${t}${h}:${m ?? "00"}`);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s += "Z";
    date = new Date(s);
  }
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(at)}`);
  return date;
}

/** Cached formatter with numeric 24-hour fields for a zone. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * Wall-clock fields of epoch milliseconds `ms` in `timeZone` (low-level).
 *
 * @param ms - Epoch milliseconds.
 * @param timeZone - IANA zone name.
 * @returns The fields.
 */
export function wallAt(ms: number, timeZone: string): ZonedParts {
  const offset = Number.isFinite(ms) ? dayConstant(steadyOffsets, timeZone, ms, (t) => intlOffsetMs(t, timeZone)) : null;
  if (offset === null) return intlWallAt(ms, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: (wall.getUTCDay() + 6) % 7,
  };
}

/** Offsets (ms) of zones over whole UTC days without a change, see {@link dayConstant}. */
const steadyOffsets = new Map<string, number | null>();

/** {@link wallAt} asked of Intl itself. */
function intlWallAt(ms: number, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(ms)) {
    if (p.type !== "literal") fields[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, minute = 0, second = 0 } = fields;
  const hour = (fields.hour ?? 0) % 24;
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { year, month, day, hour, minute, second, weekday };
}

/**
 * The wall-clock fields of an instant in a zone.
 *
 * @param at - The instant.
 * @param zone - The zone.
 * @returns Year, month (1–12), day, hour (0–23), minute, second, weekday (0 = пн).
 */
export function zonedParts(at: DateInput, zone: ZoneInput): ZonedParts {
  return wallAt(toDate(at).getTime(), toZoneRef(zone).timeZone);
}

/** UTC offset of `timeZone` at epoch ms `ms`, in ms (exact to the second). */
function offsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAtOffset(wallAt(whole, timeZone), whole);
}

function intlOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAtOffset(intlWallAt(whole, timeZone), whole);
}

function wallAtOffset(p: ZonedParts, whole: number): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant of a wall-clock time in a zone, e.g. for forms where organisers
 * enter times in their own zone: `parseLocalDateTime("2026-04-19T10:00",
 * "Asia/Chita")` → 2026-04-19T01:00:00Z. Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:mm",
 * "…:ss" and "…:ss.SSS" (a space may replace "T"). Ambiguous times (clocks
 * turned back) resolve to the earlier instant; non-existent times (clocks
 * turned forward) are shifted forward by the gap, like Temporal's "compatible".
 *
 * @param value - The wall-clock time.
 * @param timeZone - The zone it is expressed in (a name or a ZoneRef).
 * @returns The UTC instant.
 * @throws RangeError for malformed or impossible values, or an unknown zone.
 */
export function parseLocalDateTime(value: string, timeZone: ZoneInput): Date {
  const tz = toZoneRef(timeZone).timeZone;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(value.trim());
  if (!m) throw new RangeError(`Invalid local date-time: ${value}`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? "0").padEnd(3, "0"));
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(local);
  const sameDate = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
  if (!sameDate || h > 23 || mi > 59 || s > 59) throw new RangeError(`Invalid local date-time: ${value}`);
  const before = offsetMs(local - DAY_MS, tz);
  const after = offsetMs(local + DAY_MS, tz);
  const valid = [local - before, local - after].filter((t) => t + offsetMs(t, tz) === local);
  return new Date(valid.length > 0 ? Math.min(...valid) : local - before);
}

/**
 * The wall-clock value of an instant in a zone for `<input type="datetime-local">`:
 * "2026-04-19T10:00" (the inverse of {@link parseLocalDateTime}, minute precision).
 *
 * @param at - The instant.
 * @param timeZone - The zone (a name or a ZoneRef).
 * @returns "YYYY-MM-DDTHH:mm".
 */
export function toLocalDateTimeInput(at: DateInput, timeZone: ZoneInput): string {
  const p = zonedParts(at, timeZone);
  return `${localDateKey(at, timeZone)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The calendar date of an instant in a zone as "YYYY-MM-DD" (for grouping by
 * day and for `<input type="date">`).
 *
 * @param at - The instant.
 * @param zone - The zone.
 * @returns The ISO calendar date.
 */
export function localDateKey(at: DateInput, zone: ZoneInput): string {
  const p = zonedParts(at, zone);
  return `${String(p.year).padStart(4, "0")}-${pad2(p.month)}-${pad2(p.day)}`;
}

