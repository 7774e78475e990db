import { describe, it, expect } from "vitest";
import {
  MONTHS_GENITIVE,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDateWithWeekday,
  formatEventRange,
  formatEventTime,
  formatRelativeRu,
  formatTime,
  parseLocalDateTime,
  schoolYearOf,
  schoolYearRange,
  toDate,
} from "./datetime.ts";
import type { ZoneRef } from "./timezones.ts";

const MOSCOW: ZoneRef = { timeZone: "Europe/Moscow" };
const CHITA: ZoneRef = { timeZone: "Asia/Chita" };
const ULAN_UDE: ZoneRef = { timeZone: "Asia/Irkutsk", city: "Улан-Удэ" };
const KALININGRAD: ZoneRef = { timeZone: "Europe/Kaliningrad" };
const VOLGOGRAD: ZoneRef = { timeZone: "Europe/Volgograd" };
const AT = "2026-04-19T01:00:00Z";

describe("formatDate / formatTime / formatDateWithWeekday", () => {
  it("formats in the given zone", () => {
    expect(formatDate(AT, MOSCOW)).toBe("19 апреля 2026");
    expect(formatTime(AT, MOSCOW)).toBe("04:00");
    expect(formatTime(AT, CHITA)).toBe("10:00");
    expect(formatTime("2026-04-18T21:00:00Z", MOSCOW)).toBe("00:00");
    expect(formatTime("2026-04-19T11:59:59Z", "UTC")).toBe("11:59");
  });

  it("takes the calendar date from the zone, not from UTC", () => {
    expect(formatDate("2026-04-18T20:00:00Z", MOSCOW)).toBe("18 апреля 2026");
    expect(formatDate("2026-04-18T20:00:00Z", CHITA)).toBe("19 апреля 2026");
    expect(formatDate(new Date("2026-12-31T22:30:00Z"), "Asia/Anadyr")).toBe("1 января 2027");
  });

  it("uses genitive month names", () => {
    MONTHS_GENITIVE.forEach((name, i) => {
      expect(formatDate(Date.UTC(2026, i, 15, 12), MOSCOW)).toBe(`15 ${name} 2026`);
    });
    expect(MONTHS_GENITIVE[0]).toBe("января");
    expect(MONTHS_GENITIVE[11]).toBe("декабря");
  });

  it("writes the correct weekday", () => {
    expect(formatDateWithWeekday(AT, MOSCOW)).toBe("вс, 19 апреля 2026");
    expect(formatDateWithWeekday("2026-04-21T09:00:00Z", MOSCOW)).toBe("вт, 21 апреля 2026");
    expect(formatDateWithWeekday("2026-09-01T05:00:00Z", MOSCOW)).toBe("вт, 1 сентября 2026");
    expect(formatDateWithWeekday("2024-02-29T12:00:00Z", MOSCOW)).toBe("чт, 29 февраля 2024");
    // A week from Monday 20 April 2026.
    const week = [20, 21, 22, 23, 24, 25, 26].map((d) => formatDateWithWeekday(Date.UTC(2026, 3, d, 9), MOSCOW).slice(0, 2));
    expect(week).toEqual(["пн", "вт", "ср", "чт", "пт", "сб", "вс"]);
    // Saturday evening in Moscow is already Sunday in Chita.
    expect(formatDateWithWeekday("2026-04-18T20:00:00Z", MOSCOW)).toBe("сб, 18 апреля 2026");
    expect(formatDateWithWeekday("2026-04-18T20:00:00Z", CHITA)).toBe("вс, 19 апреля 2026");
  });
});

describe("formatDateTime", () => {
  it("always names the zone", () => {
    expect(formatDateTime(AT, CHITA)).toBe("19 апреля 2026, 10:00 (МСК+6, Чита)");
    expect(formatDateTime(AT, MOSCOW)).toBe("19 апреля 2026, 04:00 (МСК)");
    expect(formatDateTime(AT, KALININGRAD)).toBe("19 апреля 2026, 03:00 (МСК\u22121, Калининград)");
    expect(formatDateTime(AT, "Asia/Chita")).toBe("19 апреля 2026, 10:00 (МСК+6, Чита)");
  });

  it("uses the region capital of the zone ref", () => {
    expect(formatDateTime(AT, ULAN_UDE)).toBe("19 апреля 2026, 09:00 (МСК+5, Улан-Удэ)");
  });
});

describe("formatEventTime", () => {
  it("shows the organiser's wall clock", () => {
    expect(formatEventTime(AT, MOSCOW, CHITA)).toBe("19 апреля 2026, 04:00 (МСК) · у организатора 10:00 (МСК+6, Чита)");
    expect(formatEventTime(AT, CHITA, MOSCOW)).toBe("19 апреля 2026, 10:00 (МСК+6, Чита) · у организатора 04:00 (МСК)");
    expect(formatEventTime(AT, MOSCOW, ULAN_UDE)).toBe(
      "19 апреля 2026, 04:00 (МСК) · у организатора 09:00 (МСК+5, Улан-Удэ)",
    );
  });

  it("writes both dates across midnight", () => {
    expect(formatEventTime("2026-04-18T20:00:00Z", MOSCOW, CHITA)).toBe(
      "18 апреля 2026, 23:00 (МСК) · у организатора 19 апреля 2026, 05:00 (МСК+6, Чита)",
    );
    expect(formatEventTime("2026-04-18T15:30:00Z", "Asia/Kamchatka", KALININGRAD)).toBe(
      "19 апреля 2026, 03:30 (МСК+9, Петропавловск-Камчатский) · у организатора 18 апреля 2026, 17:30 (МСК\u22121, Калининград)",
    );
  });

  it("omits the organiser part when the offsets match", () => {
    expect(formatEventTime(AT, MOSCOW, VOLGOGRAD)).toBe("19 апреля 2026, 04:00 (МСК)");
    expect(formatEventTime(AT, CHITA, { timeZone: "Asia/Yakutsk" })).toBe("19 апреля 2026, 10:00 (МСК+6, Чита)");
    expect(formatEventTime(AT, ULAN_UDE, ULAN_UDE)).toBe("19 апреля 2026, 09:00 (МСК+5, Улан-Удэ)");
  });
});

describe("formatDateRange", () => {
  it("compacts repeated month and year", () => {
    expect(formatDateRange("2026-04-19T07:00:00Z", "2026-04-19T15:00:00Z", MOSCOW)).toBe("19 апреля 2026");
    expect(formatDateRange("2026-04-19T07:00:00Z", "2026-04-20T15:00:00Z", MOSCOW)).toBe("19–20 апреля 2026");
    expect(formatDateRange("2026-04-30T07:00:00Z", "2026-05-02T15:00:00Z", MOSCOW)).toBe("30 апреля – 2 мая 2026");
    expect(formatDateRange("2025-12-30T07:00:00Z", "2026-01-02T15:00:00Z", MOSCOW)).toBe(
      "30 декабря 2025 – 2 января 2026",
    );
  });

  it("uses the zone's calendar", () => {
    expect(formatDateRange("2026-04-18T20:00:00Z", "2026-04-19T10:00:00Z", CHITA)).toBe("19 апреля 2026");
    expect(formatDateRange("2026-04-18T20:00:00Z", "2026-04-19T10:00:00Z", MOSCOW)).toBe("18–19 апреля 2026");
  });

  it("rejects reversed ranges", () => {
    expect(() => formatDateRange("2026-04-20T00:00:00Z", "2026-04-19T00:00:00Z", MOSCOW)).toThrow(RangeError);
  });
});

describe("formatEventRange", () => {
  it("formats a same-day event", () => {
    expect(formatEventRange("2026-04-19T07:00:00Z", "2026-04-19T09:00:00Z", MOSCOW, CHITA)).toBe(
      "19 апреля 2026, 10:00–12:00 (МСК) · у организатора 16:00–18:00 (МСК+6, Чита)",
    );
  });

  it("dates the organiser part when its day differs", () => {
    expect(formatEventRange("2026-04-19T18:00:00Z", "2026-04-19T20:00:00Z", MOSCOW, CHITA)).toBe(
      "19 апреля 2026, 21:00–23:00 (МСК) · у организатора 20 апреля 2026, 03:00–05:00 (МСК+6, Чита)",
    );
    // Same day for the viewer, crossing midnight for the organiser.
    expect(formatEventRange("2026-04-19T13:00:00Z", "2026-04-19T16:00:00Z", MOSCOW, CHITA)).toBe(
      "19 апреля 2026, 16:00–19:00 (МСК) · у организатора 19 апреля, 22:00 – 20 апреля 2026, 01:00 (МСК+6, Чита)",
    );
  });

  it("formats a multi-day event", () => {
    expect(formatEventRange("2026-04-19T07:00:00Z", "2026-04-20T15:00:00Z", MOSCOW, MOSCOW)).toBe(
      "19 апреля, 10:00 – 20 апреля 2026, 18:00 (МСК)",
    );
    expect(formatEventRange("2026-04-19T07:00:00Z", "2026-04-20T15:00:00Z", MOSCOW, CHITA)).toBe(
      "19 апреля, 10:00 – 20 апреля 2026, 18:00 (МСК) · у организатора 19 апреля, 16:00 – 21 апреля 2026, 00:00 (МСК+6, Чита)",
    );
    expect(formatEventRange("2026-12-31T07:00:00Z", "2027-01-02T15:00:00Z", MOSCOW, ULAN_UDE)).toBe(
      "31 декабря 2026, 10:00 – 2 января 2027, 18:00 (МСК) · у организатора 31 декабря 2026, 15:00 – 2 января 2027, 23:00 (МСК+5, Улан-Удэ)",
    );
  });

  it("omits the organiser part for equal offsets", () => {
    expect(formatEventRange("2026-04-19T07:00:00Z", "2026-04-19T09:00:00Z", CHITA, "Asia/Yakutsk")).toBe(
      "19 апреля 2026, 16:00–18:00 (МСК+6, Чита)",
    );
  });

  it("falls back to formatEventTime for zero-length ranges and rejects reversed ones", () => {
    expect(formatEventRange(AT, AT, MOSCOW, CHITA)).toBe(formatEventTime(AT, MOSCOW, CHITA));
    expect(() => formatEventRange("2026-04-19T09:00:00Z", AT, MOSCOW, CHITA)).toThrow(RangeError);
  });
});

describe("formatRelativeRu", () => {
  const now = new Date("2026-04-19T12:00:00Z");
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it("says только что for the last minute and small clock skew", () => {
    expect(formatRelativeRu(now, now)).toBe("только что");
    expect(formatRelativeRu(ago(59_000), now)).toBe("только что");
    expect(formatRelativeRu(ago(-30_000), now)).toBe("только что");
  });

  it("counts minutes, hours and days with correct plurals", () => {
    expect(formatRelativeRu(ago(MIN), now)).toBe("1 минуту назад");
    expect(formatRelativeRu(ago(2 * MIN), now)).toBe("2 минуты назад");
    expect(formatRelativeRu(ago(5 * MIN), now)).toBe("5 минут назад");
    expect(formatRelativeRu(ago(21 * MIN + 30_000), now)).toBe("21 минуту назад");
    expect(formatRelativeRu(ago(59 * MIN), now)).toBe("59 минут назад");
    expect(formatRelativeRu(ago(HOUR), now)).toBe("1 час назад");
    expect(formatRelativeRu(ago(3 * HOUR), now)).toBe("3 часа назад");
    expect(formatRelativeRu(ago(11 * HOUR), now)).toBe("11 часов назад");
    expect(formatRelativeRu(ago(21 * HOUR), now)).toBe("21 час назад");
    expect(formatRelativeRu(ago(DAY), now)).toBe("1 день назад");
    expect(formatRelativeRu(ago(2 * DAY), now)).toBe("2 дня назад");
    expect(formatRelativeRu(ago(6 * DAY + 23 * HOUR), now)).toBe("6 дней назад");
  });

  it("returns null for old and future instants", () => {
    expect(formatRelativeRu(ago(7 * DAY), now)).toBeNull();
    expect(formatRelativeRu(ago(400 * DAY), now)).toBeNull();
    expect(formatRelativeRu(ago(-2 * MIN), now)).toBeNull();
  });

  it("accepts strings and numbers", () => {
    expect(formatRelativeRu("2026-04-19T11:55:00Z", now.getTime())).toBe("5 минут назад");
  });
});

describe("school years", () => {
  it("starts on 1 September in the given zone", () => {
    expect(schoolYearOf(AT, MOSCOW)).toBe("2025/2026");
    expect(schoolYearOf("2026-09-01T05:00:00Z", MOSCOW)).toBe("2026/2027");
    expect(schoolYearOf("2026-08-31T12:00:00Z", MOSCOW)).toBe("2025/2026");
    expect(schoolYearOf("2026-01-01T12:00:00Z", MOSCOW)).toBe("2025/2026");
    // 00:30 on 1 September in Moscow is still 31 August in Kaliningrad.
    expect(schoolYearOf("2025-08-31T21:30:00Z", MOSCOW)).toBe("2025/2026");
    expect(schoolYearOf("2025-08-31T21:30:00Z", KALININGRAD)).toBe("2024/2025");
  });

  it("gives the half-open range of a school year", () => {
    const r = schoolYearRange("2025/2026");
    expect(r.start.toISOString()).toBe("2025-08-31T21:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-08-31T21:00:00.000Z");
    expect(r.firstDay).toBe("2025-09-01");
    expect(r.lastDay).toBe("2026-08-31");
    expect(schoolYearOf(r.start, MOSCOW)).toBe("2025/2026");
    expect(schoolYearOf(r.end.getTime() - 1, MOSCOW)).toBe("2025/2026");
    expect(schoolYearOf(r.end, MOSCOW)).toBe("2026/2027");
  });

  it("uses the zone's midnight", () => {
    expect(schoolYearRange("2025/2026", "Asia/Chita").start.toISOString()).toBe("2025-08-31T15:00:00.000Z");
    expect(schoolYearRange("2025/2026", CHITA).start).toEqual(parseLocalDateTime("2025-09-01T00:00", "Asia/Chita"));
  });

  it("rejects malformed school years", () => {
    for (const bad of ["2025/2027", "2025-2026", "2025/26", "", "2026/2025"]) {
      expect(() => schoolYearRange(bad), bad).toThrow(RangeError);
    }
  });
});

describe("re-exports", () => {
  it("exposes toDate", () => {
    expect(toDate("2026-04-19 01:00:00").toISOString()).toBe("2026-04-19T01:00:00.000Z");
  });
});
