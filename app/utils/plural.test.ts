import { describe, it, expect } from "vitest";
import { countRu, formatNumberRu, pluralRu, type PluralForms } from "./plural.ts";

const PARTICIPANTS: PluralForms = ["участник", "участника", "участников"];
const HOURS: PluralForms = ["час", "часа", "часов"];

describe("pluralRu", () => {
  const cases: Array<[number, string]> = [
    [0, "участников"],
    [1, "участник"],
    [2, "участника"],
    [4, "участника"],
    [5, "участников"],
    [11, "участников"],
    [12, "участников"],
    [14, "участников"],
    [21, "участник"],
    [22, "участника"],
    [25, "участников"],
    [101, "участник"],
    [111, "участников"],
    [1.5, "участника"],
  ];

  it.each(cases)("%d → %s", (n, expected) => {
    expect(pluralRu(n, PARTICIPANTS)).toBe(expected);
  });

  it("uses the few form for other fractional numbers", () => {
    expect(pluralRu(0.5, HOURS)).toBe("часа");
    expect(pluralRu(2.25, HOURS)).toBe("часа");
  });

  it("handles large, negative and non-finite numbers", () => {
    expect(pluralRu(1_000_001, PARTICIPANTS)).toBe("участник");
    expect(pluralRu(1_000_000, PARTICIPANTS)).toBe("участников");
    expect(pluralRu(-1, PARTICIPANTS)).toBe("участник");
    expect(pluralRu(-3, PARTICIPANTS)).toBe("участника");
    expect(pluralRu(Number.NaN, PARTICIPANTS)).toBe("участников");
    expect(pluralRu(Number.POSITIVE_INFINITY, PARTICIPANTS)).toBe("участников");
  });
});

describe("countRu", () => {
  it.each([
    [0, "0 участников"],
    [1, "1 участник"],
    [2, "2 участника"],
    [4, "4 участника"],
    [5, "5 участников"],
    [11, "11 участников"],
    [12, "12 участников"],
    [14, "14 участников"],
    [21, "21 участник"],
    [22, "22 участника"],
    [25, "25 участников"],
    [101, "101 участник"],
    [111, "111 участников"],
  ] as Array<[number, string]>)("%d → %s", (n, expected) => {
    expect(countRu(n, PARTICIPANTS)).toBe(expected);
  });

  it("writes fractions with a decimal comma and the few form", () => {
    expect(countRu(1.5, HOURS)).toBe("1,5 часа");
  });

  it("uses Intl thousands separators", () => {
    const formatted = countRu(12345, PARTICIPANTS);
    expect(formatted).toBe(`${new Intl.NumberFormat("ru-RU").format(12345)} участников`);
    // A non-breaking (possibly narrow) space, never a plain one, inside the number.
    expect(formatted).toMatch(/^12[\u00a0\u202f]345 участников$/);
    expect(countRu(1001, PARTICIPANTS)).toMatch(/^1[\u00a0\u202f]001 участник$/);
  });
});

describe("formatNumberRu", () => {
  it("formats like Intl ru-RU", () => {
    expect(formatNumberRu(3)).toBe("3");
    expect(formatNumberRu(0.25)).toBe("0,25");
    expect(formatNumberRu(1234567.5)).toMatch(/^1[\u00a0\u202f]234[\u00a0\u202f]567,5$/);
  });
});
