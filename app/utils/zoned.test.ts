import { describe, it, expect } from "vitest";
import { localDateKey, parseLocalDateTime, toDate, toLocalDateTimeInput, wallAt, zonedParts } from "./zoned.ts";
import { REGION_ZONES } from "./timezones.ts";

describe("toDate", () => {
  it("accepts Dates, numbers and ISO strings", () => {
    const d = new Date("2026-04-19T01:00:00Z");
    expect(toDate(d).getTime()).toBe(d.getTime());
    expect(toDate(d)).not.toBe(d);
    expect(toDate(d.getTime()).toISOString()).toBe("2026-04-19T01:00:00.000Z");
    expect(toDate("2026-04-19T10:00:00+09:00").toISOString()).toBe("2026-04-19T01:00:00.000Z");
  });

  it("reads offset-less strings as UTC, never as machine-local time", () => {
    expect(toDate("2026-04-19T01:00").toISOString()).toBe("2026-04-19T01:00:00.000Z");
    expect(toDate("2026-04-19 01:00:00").toISOString()).toBe("2026-04-19T01:00:00.000Z");
    expect(toDate("2026-04-19").toISOString()).toBe("2026-04-19T00:00:00.000Z");
  });

  it("accepts database-style strings", () => {
    expect(toDate("2026-04-19 01:00:00+03").toISOString()).toBe("2026-04-18T22:00:00.000Z");
    expect(toDate("2026-04-19 01:00:00.123456+00").toISOString()).toBe("2026-04-19T01:00:00.123Z");
    expect(toDate("2026-04-19T01:00:00-0530").toISOString()).toBe("2026-04-19T06:30:00.000Z");
    expect(toDate("2026-04-19 01:00:00.5").toISOString()).toBe("2026-04-19T01:00:00.500Z");
  });

  it("throws on invalid input", () => {
    expect(() => toDate("вчера")).toThrow(RangeError);
    expect(() => toDate(Number.NaN)).toThrow(RangeError);
    expect(() => toDate(new Date("x"))).toThrow(RangeError);
  });
});

describe("zonedParts", () => {
  it("reads the wall clock in the given zone", () => {
    expect(zonedParts("2026-04-19T01:00:00Z", "Asia/Chita")).toEqual({
      year: 2026, month: 4, day: 19, hour: 10, minute: 0, second: 0, weekday: 6,
    });
    expect(zonedParts("2026-04-18T21:00:00Z", { timeZone: "Europe/Moscow" })).toMatchObject({
      day: 19, hour: 0, weekday: 6,
    });
  });

  it("uses 0–23 hours (midnight is 0, never 24)", () => {
    expect(zonedParts("2026-01-01T00:00:00Z", "UTC").hour).toBe(0);
  });
});

describe("parseLocalDateTime", () => {
  it("converts organiser wall-clock time to UTC", () => {
    expect(parseLocalDateTime("2026-04-19T10:00", "Asia/Chita").toISOString()).toBe("2026-04-19T01:00:00.000Z");
    expect(parseLocalDateTime("2026-04-19T04:00", "Europe/Moscow").toISOString()).toBe("2026-04-19T01:00:00.000Z");
    expect(parseLocalDateTime("2026-04-19 00:30", "Europe/Kaliningrad").toISOString()).toBe("2026-04-18T22:30:00.000Z");
    expect(parseLocalDateTime("2026-04-19T10:00:15.5", "Asia/Anadyr").toISOString()).toBe("2026-04-18T22:00:15.500Z");
    expect(parseLocalDateTime("2026-09-01", "Asia/Kamchatka").toISOString()).toBe("2026-08-31T12:00:00.000Z");
    expect(parseLocalDateTime("2026-04-19T10:00", { timeZone: "Asia/Irkutsk", city: "Улан-Удэ" }).toISOString()).toBe(
      "2026-04-19T02:00:00.000Z",
    );
  });

  it("round-trips through toLocalDateTimeInput in every Russian zone", () => {
    const samples = ["2026-01-01T00:00", "2026-04-19T10:00", "2026-06-30T23:59", "2027-02-28T12:34"];
    for (const { timeZone } of REGION_ZONES) {
      for (const s of samples) {
        const instant = parseLocalDateTime(s, timeZone);
        expect(toLocalDateTimeInput(instant, timeZone)).toBe(s);
        expect(parseLocalDateTime(toLocalDateTimeInput(instant, timeZone), timeZone).getTime()).toBe(instant.getTime());
      }
    }
  });

  it("handles historical offset changes (Moscow UTC+4 in 2013)", () => {
    expect(parseLocalDateTime("2013-06-01T12:00", "Europe/Moscow").toISOString()).toBe("2013-06-01T08:00:00.000Z");
    // 26 October 2014, 02:00 MSK: clocks went back from UTC+4 to UTC+3; 01:30 happened twice.
    expect(parseLocalDateTime("2014-10-26T01:30", "Europe/Moscow").toISOString()).toBe("2014-10-25T21:30:00.000Z");
  });

  it("resolves DST gaps forward and folds to the earlier instant", () => {
    // New York, 8 March 2026: 02:00 → 03:00, so 02:30 does not exist.
    expect(parseLocalDateTime("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // New York, 1 November 2026: 02:00 → 01:00, so 01:30 happens twice.
    expect(parseLocalDateTime("2026-11-01T01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(parseLocalDateTime("2026-07-01T12:00", "America/New_York").toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });

  it("handles non-hour offsets", () => {
    expect(parseLocalDateTime("2026-04-19T10:00", "Asia/Kolkata").toISOString()).toBe("2026-04-19T04:30:00.000Z");
  });

  it("rejects malformed and impossible values", () => {
    for (const bad of ["", "19.04.2026 10:00", "2026-04-19T10", "2026-02-30T10:00", "2026-04-19T24:00", "2026-04-19T10:60", "2026-13-01"]) {
      expect(() => parseLocalDateTime(bad, "Europe/Moscow"), bad).toThrow(RangeError);
    }
    expect(() => parseLocalDateTime("2026-04-19T10:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("toLocalDateTimeInput / localDateKey", () => {
  it("formats wall-clock values for inputs", () => {
    expect(toLocalDateTimeInput("2026-04-19T01:00:00Z", "Asia/Chita")).toBe("2026-04-19T10:00");
    expect(toLocalDateTimeInput("2026-04-18T20:00:00Z", "Asia/Chita")).toBe("2026-04-19T05:00");
    expect(localDateKey("2026-04-18T20:00:00Z", "Europe/Moscow")).toBe("2026-04-18");
    expect(localDateKey("2026-04-18T21:00:00Z", "Europe/Moscow")).toBe("2026-04-19");
  });
});

describe("wallAt with offsets kept per day", () => {
  const ZONES = ["Europe/Moscow", "Asia/Chita", "Europe/Kaliningrad", "America/New_York", "Europe/London", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "Asia/Tehran", "UTC"];
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const reference = (ms: number, timeZone: string) => {
    let f = formatters.get(timeZone);
    if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" })));
    const parts = Object.fromEntries(f.formatToParts(ms).filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]));
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour! % 24, minute: parts.minute, second: parts.second };
  };
  const instants: number[] = [];
  // Every 131 h 17 min 13 s over 2010–2030, and every 7 min 3 s across days with a change
  // (Russia 2011 and 2014, the US, Europe, Lord Howe's half hour, Santiago, Tehran's last DST).
  for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2030, 0, 1); t += ((131 * 60 + 17) * 60 + 13) * 1000) instants.push(t);
  for (const day of ["2011-03-27", "2014-10-26", "2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-10-04", "2026-09-06", "2022-09-21"]) {
    const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
    for (let t = start; t < start + 3 * 86_400_000; t += 423_000) instants.push(t);
  }
  it("agrees with Intl to the second, in every zone, across offset changes", () => {
    const wrong: string[] = [];
    for (const zone of ZONES) {
      for (const ms of instants) {
        const p = wallAt(ms, zone);
        const r = reference(ms, zone);
        if (p.year !== r.year || p.month !== r.month || p.day !== r.day || p.hour !== r.hour || p.minute !== r.minute || p.second !== r.second) wrong.push(`${zone} ${new Date(ms).toISOString()}`);
      }
    }
    expect(instants.length).toBeGreaterThan(5000);
    expect(wrong).toEqual([]);
  });
});
