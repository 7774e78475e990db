import { describe, expect, it } from "vitest";
import { SLUG_MAX, SLUG_PATTERN, slugify } from "./slug.ts";

describe("slugify", () => {
  it("transliterates Russian names into lower-case Latin words joined by dashes", () => {
    expect(slugify("Учителя математики Забайкалья")).toBe("uchitelya-matematiki-zabaykalya");
    expect(slugify("Клуб директоров")).toBe("klub-direktorov");
    expect(slugify("Щёкинское РМО учителей химии")).toBe("shchekinskoe-rmo-uchiteley-khimii");
    expect(slugify("  «Формирующее оценивание» — 2026!  ")).toBe("formiruyushchee-otsenivanie-2026");
  });
  it("keeps slugs short, well-formed and never empty", () => {
    const long = slugify("Межрегиональное сетевое сообщество педагогов, работающих с обучающимися с рисками учебной неуспешности");
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long).toMatch(SLUG_PATTERN);
    expect(slugify("!!!")).toBe("soobshchestvo");
    expect(slugify("English Club")).toBe("english-club");
  });
});
