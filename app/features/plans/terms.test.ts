import { describe, expect, it } from "vitest";
import { addDays, isOverdue, parseDay, parseTerm } from "./terms.ts";

const Y = "2026/2027";

describe("reading a plan's term labels", () => {
  it("reads day–month ranges in the school year", () => {
    expect(parseTerm("10 января – 15 февраля", Y)).toEqual({ start: "2027-01-10", end: "2027-02-15" });
    expect(parseTerm("до 20 сентября", Y)).toEqual({ start: "2026-09-20", end: "2026-09-20" });
  });
  it("reads months with and without years, as seed 001 writes them", () => {
    expect(parseTerm("Декабрь 2020 год", "2020/2021")).toEqual({ start: "2020-12-01", end: "2020-12-31" });
    expect(parseTerm("Июль 2020 г. декабрь 2021 г.", "2020/2021")).toEqual({ start: "2020-07-01", end: "2021-12-31" });
    expect(parseTerm("май", Y)).toEqual({ start: "2027-05-01", end: "2027-05-31" });
    expect(parseTerm("март-апрель", Y)).toEqual({ start: "2027-03-01", end: "2027-04-30" });
  });
  it("reads quarters in school-year order", () => {
    expect(parseTerm("1–4 кв.", Y)).toEqual({ start: "2026-10-01", end: "2027-09-30" });
    expect(parseTerm("4, 1, 2 кв.", Y)).toEqual({ start: "2026-10-01", end: "2027-06-30" });
    expect(parseTerm("II квартал", Y)).toEqual({ start: "2027-04-01", end: "2027-06-30" });
    expect(parseTerm("2 квартал", Y)).toEqual({ start: "2027-04-01", end: "2027-06-30" });
  });
  it("gives no end to open-ended and recurring work", () => {
    for (const label of ["ежегодно", "в течение года", "постоянно", "В течении года", "1 раз в квартал", "В соответствии с графиком Рособнадзора на 2021 г", ""]) {
      expect(parseTerm(label, Y)).toEqual({ start: null, end: null });
    }
  });
  it("reads dotted dates and bare years", () => {
    expect(parseTerm("15.02.2027", Y)).toEqual({ start: "2027-02-15", end: "2027-02-15" });
    expect(parseTerm("2021 год", Y)).toEqual({ start: "2021-01-01", end: "2021-12-31" });
  });
});

describe("overdue", () => {
  it("is derived from the end, the status and today", () => {
    expect(isOverdue({ termEnd: "2027-02-15", status: "planned" }, "2027-02-16")).toBe(true);
    expect(isOverdue({ termEnd: "2027-02-15", status: "in_progress" }, "2027-02-15")).toBe(false);
    expect(isOverdue({ termEnd: "2027-02-15", status: "done" }, "2027-03-01")).toBe(false);
    expect(isOverdue({ termEnd: "2027-02-15", status: "cancelled" }, "2027-03-01")).toBe(false);
    expect(isOverdue({ termEnd: null, status: "planned" }, "2099-01-01")).toBe(false);
  });
  it("does calendar arithmetic and checks days", () => {
    expect(addDays("2027-02-27", 7)).toBe("2027-03-06");
    expect(parseDay("15.02.2027")).toBe("2027-02-15");
    expect(parseDay("31.02.2027")).toBeNull();
  });
});
