import { describe, it, expect } from "vitest";
import {
  REGION_ZONES,
  defaultCityOf,
  formatMskOffset,
  isValidTimeZone,
  mskDifferenceMinutes,
  regionZoneOptions,
  toZoneRef,
  zoneLabel,
  zoneOffsetMinutes,
  zoneRefLabel,
} from "./timezones.ts";

const AT = new Date("2026-04-19T01:00:00Z");

/** Expected UTC offsets (hours) of every table zone in 2026. */
const EXPECTED_UTC_HOURS: Record<string, number> = {
  "Europe/Kaliningrad": 2,
  "Europe/Moscow": 3,
  "Europe/Volgograd": 3,
  "Europe/Kirov": 3,
  "Europe/Samara": 4,
  "Europe/Astrakhan": 4,
  "Europe/Saratov": 4,
  "Europe/Ulyanovsk": 4,
  "Asia/Yekaterinburg": 5,
  "Asia/Omsk": 6,
  "Asia/Krasnoyarsk": 7,
  "Asia/Novosibirsk": 7,
  "Asia/Barnaul": 7,
  "Asia/Tomsk": 7,
  "Asia/Novokuznetsk": 7,
  "Asia/Irkutsk": 8,
  "Asia/Chita": 9,
  "Asia/Yakutsk": 9,
  "Asia/Vladivostok": 10,
  "Asia/Magadan": 11,
  "Asia/Sakhalin": 11,
  "Asia/Srednekolymsk": 11,
  "Asia/Kamchatka": 12,
  "Asia/Anadyr": 12,
};

describe("REGION_ZONES", () => {
  it("contains exactly the 24 Russian zones, each valid and with a city", () => {
    expect(REGION_ZONES).toHaveLength(24);
    expect(new Set(REGION_ZONES.map((z) => z.timeZone))).toEqual(new Set(Object.keys(EXPECTED_UTC_HOURS)));
    for (const z of REGION_ZONES) {
      expect(isValidTimeZone(z.timeZone)).toBe(true);
      expect(z.city).toMatch(/^[А-ЯЁ][а-яё-]+(-[А-Я][а-яё]+)*$/u);
    }
  });

  it("has the expected offsets", () => {
    for (const z of REGION_ZONES) {
      expect([z.timeZone, zoneOffsetMinutes(z.timeZone, AT)]).toEqual([
        z.timeZone,
        EXPECTED_UTC_HOURS[z.timeZone]! * 60,
      ]);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(REGION_ZONES)).toBe(true);
    expect(Object.isFrozen(REGION_ZONES[0])).toBe(true);
  });

  it("knows default cities", () => {
    expect(defaultCityOf("Asia/Sakhalin")).toBe("Южно-Сахалинск");
    expect(defaultCityOf("Asia/Kamchatka")).toBe("Петропавловск-Камчатский");
    expect(defaultCityOf("Europe/London")).toBeUndefined();
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    expect(isValidTimeZone("Asia/Chita")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
  });

  it("rejects garbage", () => {
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("  ")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("МСК")).toBe(false);
  });
});

describe("zoneOffsetMinutes", () => {
  it("computes offsets with Intl", () => {
    expect(zoneOffsetMinutes("UTC", AT)).toBe(0);
    expect(zoneOffsetMinutes("Asia/Chita", AT)).toBe(540);
    expect(zoneOffsetMinutes("Asia/Kolkata", AT)).toBe(330);
    expect(zoneOffsetMinutes("America/St_Johns", new Date("2026-01-15T12:00:00Z"))).toBe(-210);
  });

  it("follows daylight saving time and history", () => {
    expect(zoneOffsetMinutes("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe(-300);
    expect(zoneOffsetMinutes("America/New_York", new Date("2026-07-15T12:00:00Z"))).toBe(-240);
    // Moscow was UTC+4 from 2011 to 2014.
    expect(zoneOffsetMinutes("Europe/Moscow", new Date("2013-01-15T12:00:00Z"))).toBe(240);
  });

  it("throws on bad input", () => {
    expect(() => zoneOffsetMinutes("Mars/Olympus", AT)).toThrow(RangeError);
    expect(() => zoneOffsetMinutes("UTC", new Date(Number.NaN))).toThrow(RangeError);
  });

  it("defaults to now", () => {
    expect(zoneOffsetMinutes("Asia/Chita")).toBe(540);
  });
});

describe("formatMskOffset", () => {
  it("formats differences to Moscow", () => {
    expect(formatMskOffset(0)).toBe("МСК");
    expect(formatMskOffset(360)).toBe("МСК+6");
    expect(formatMskOffset(-60)).toBe("МСК\u22121");
    expect(formatMskOffset(150)).toBe("МСК+2:30");
    expect(formatMskOffset(-450)).toBe("МСК\u22127:30");
  });
});

describe("zoneLabel", () => {
  const eleven: Array<[number, string, string]> = [
    [2, "Europe/Kaliningrad", "МСК\u22121, Калининград"],
    [3, "Europe/Moscow", "МСК"],
    [4, "Europe/Samara", "МСК+1, Самара"],
    [5, "Asia/Yekaterinburg", "МСК+2, Екатеринбург"],
    [6, "Asia/Omsk", "МСК+3, Омск"],
    [7, "Asia/Novosibirsk", "МСК+4, Новосибирск"],
    [8, "Asia/Irkutsk", "МСК+5, Иркутск"],
    [9, "Asia/Chita", "МСК+6, Чита"],
    [10, "Asia/Vladivostok", "МСК+7, Владивосток"],
    [11, "Asia/Magadan", "МСК+8, Магадан"],
    [12, "Asia/Kamchatka", "МСК+9, Петропавловск-Камчатский"],
  ];

  it.each(eleven)("UTC+%d (%s) → %s", (hours, tz, label) => {
    expect(zoneOffsetMinutes(tz, AT)).toBe(hours * 60);
    expect(zoneLabel(tz, undefined, AT)).toBe(label);
  });

  it("uses the true minus sign", () => {
    expect(zoneLabel("Europe/Kaliningrad", undefined, AT)).toContain("\u2212");
    expect(zoneLabel("Europe/Kaliningrad", undefined, AT)).not.toContain("-");
  });

  it("lets the region capital override the default city", () => {
    expect(zoneLabel("Asia/Irkutsk", "Улан-Удэ", AT)).toBe("МСК+5, Улан-Удэ");
    expect(zoneLabel("Asia/Yekaterinburg", "Челябинск", AT)).toBe("МСК+2, Челябинск");
    expect(zoneLabel("Asia/Irkutsk", "   ", AT)).toBe("МСК+5, Иркутск");
  });

  it("says just МСК for any Moscow-time zone", () => {
    expect(zoneLabel("Europe/Volgograd", undefined, AT)).toBe("МСК");
    expect(zoneLabel("Europe/Moscow", "Санкт-Петербург", AT)).toBe("МСК");
    expect(zoneLabel("Europe/Istanbul", undefined, AT)).toBe("МСК");
  });

  it("handles zones outside the table", () => {
    expect(zoneLabel("Asia/Kolkata", undefined, AT)).toBe("МСК+2:30");
    expect(zoneLabel("Europe/Berlin", "Берлин", AT)).toBe("МСК\u22121, Берлин");
    expect(zoneLabel("UTC", undefined, AT)).toBe("МСК\u22123");
  });

  it("counts from Moscow's actual offset", () => {
    // In 2013 Moscow was UTC+4 and Chita UTC+10.
    expect(zoneLabel("Asia/Chita", undefined, new Date("2013-01-15T12:00:00Z"))).toBe("МСК+6, Чита");
    expect(mskDifferenceMinutes("Asia/Chita", AT)).toBe(360);
  });

  it("throws on unknown zones", () => {
    expect(() => zoneLabel("Mars/Olympus")).toThrow(RangeError);
  });
});

describe("toZoneRef / zoneRefLabel", () => {
  it("accepts strings and refs", () => {
    expect(toZoneRef("Asia/Chita")).toEqual({ timeZone: "Asia/Chita" });
    const ref = { timeZone: "Asia/Irkutsk", city: "Улан-Удэ" };
    expect(toZoneRef(ref)).toBe(ref);
    expect(zoneRefLabel(ref, AT)).toBe("МСК+5, Улан-Удэ");
    expect(zoneRefLabel("Asia/Chita", AT)).toBe("МСК+6, Чита");
  });
});

describe("regionZoneOptions", () => {
  it("lists all zones west to east with city labels", () => {
    const options = regionZoneOptions(AT);
    expect(options).toHaveLength(24);
    expect(options[0]).toEqual({ value: "Europe/Kaliningrad", label: "МСК\u22121, Калининград", offsetMinutes: 120 });
    expect(options[1]).toEqual({ value: "Europe/Moscow", label: "МСК, Москва", offsetMinutes: 180 });
    expect(options.at(-1)?.offsetMinutes).toBe(720);
    const offsets = options.map((o) => o.offsetMinutes);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });
});
