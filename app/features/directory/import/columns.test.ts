import { describe, expect, it } from "vitest";
import { fieldOfHeader, matchHeaders, parseCategory, parseFlag, parseRural } from "./columns.ts";
import { inRegion } from "./messages.ts";
import { municipalityKey, municipalityMatcher } from "./municipalities.ts";

describe("header synonyms", () => {
  it.each([
    ["ИНН", "inn"],
    ["  инн  оо ", "inn"],
    ["ИНН организации", "inn"],
    ["«ИНН»", "inn"],
    ["ИНН (10 цифр)", "inn"],
    ["Полное наименование", "name"],
    ["Наименование ОО", "name"],
    ["Образовательная организация", "name"],
    ["Название", "name"],
    ["Полное наименование образовательной организации по уставу", "name"],
    ["Сокращённое наименование", "shortName"],
    ["СОКРАЩЕННОЕ НАИМЕНОВАНИЕ", "shortName"],
    ["Муниципальное образование", "municipality"],
    ["МО", "municipality"],
    ["Район", "municipality"],
    ["Муниципальный район", "municipality"],
    ["Наименование муниципального образования", "municipality"],
    ["Субъект РФ", "region"],
    ["Регион", "region"],
    ["Сельская/городская", "rural"],
    ["Тип местности", "rural"],
    ["Школа с низкими результатами обучения", "lowResults"],
    ["ШНОР", "lowResults"],
    ["НСУ", "adverseConditions"],
    ["Неблагоприятные условия", "adverseConditions"],
    ["Школа-лидер", "leading"],
    ["школа лидер", "leading"],
    ["Высокие результаты", "leading"],
    ["Стажировка", "trainingSite"],
    ["500+", "project500"],
    ["Проект «500+»", "project500"],
    ["Кол-во педработников", "teacherCount"],
    ["Число учителей", "teacherCount"],
    ["E-mail", "email"],
    ["Эл. почта", "email"],
  ])("«%s» → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("maps columns, reports missing required ones, unknown headers and fields named twice", () => {
    const match = matchHeaders(["№ п/п", "ИНН ОО", "Наименование ОО", "Директор", "ИНН", "ШНОР", ""]);
    expect(match.mapping.inn).toBe(1);
    expect(match.mapping.name).toBe(2);
    expect(match.mapping.lowResults).toBe(5);
    expect(match.missing).toEqual(["municipality"]);
    expect(match.unknown).toEqual(["№ п/п", "Директор"]);
    expect(match.duplicates).toEqual(["inn"]);
  });
});

describe("cell values", () => {
  it("reads yes/no flags the ways lists write them", () => {
    for (const v of ["да", "Да", "+", "1", "х", "x", "X", "true", "ИСТИНА"]) expect(parseFlag(v, "lowResults"), v).toBe(true);
    for (const v of ["", " ", "нет", "0", "-", "—", "false"]) expect(parseFlag(v, "lowResults"), v).toBe(false);
    expect(parseFlag("ШНОР", "lowResults")).toBe(true);
    expect(parseFlag("ШНСУ", "lowResults")).toBeUndefined();
    expect(parseFlag("может быть", "leading")).toBeUndefined();
  });

  it("reads rural/urban", () => {
    expect(parseRural("сельская")).toBe(true);
    expect(parseRural("Сельская местность")).toBe(true);
    expect(parseRural("городская")).toBe(false);
    expect(parseRural("посёлок городского типа")).toBe(false);
    expect(parseRural("да")).toBe(true);
    expect(parseRural("")).toBeNull();
    expect(parseRural("не знаю")).toBeUndefined();
  });

  it("reads a category cell listing several statuses", () => {
    expect([...parseCategory("ШНОР, ШНСУ; 500+").flags].sort()).toEqual(["adverseConditions", "lowResults", "project500"]);
    expect(parseCategory("Школа-лидер и стажировочная площадка").flags).toEqual(new Set(["leading", "trainingSite"]));
    expect(parseCategory("ШНОР, отличники").unknown).toEqual(["отличники"]);
  });
});

describe("municipalities", () => {
  const list = [
    { id: "1", name: "город Чита" },
    { id: "2", name: "Шилкинский район" },
    { id: "3", name: "Читинский район" },
    { id: "4", name: "город Петровск-Забайкальский" },
  ];
  const find = municipalityMatcher(list);

  it("ignores case, ё and the words that only name the kind of municipality", () => {
    expect(municipalityKey("МР «Шилкинский район»")).toBe("шилкинский");
    for (const v of ["Шилкинский район", "шилкинский", "Муниципальный район «Шилкинский район»", "ШИЛКИНСКИЙ Р-Н", "Шилкинский м.р."]) {
      expect(find(v), v).toMatchObject({ kind: "found", municipality: { id: "2" } });
    }
    expect(find("г. Чита")).toMatchObject({ kind: "found", municipality: { id: "1" } });
    expect(find("Городской округ «Город Чита»")).toMatchObject({ kind: "found", municipality: { id: "1" } });
  });

  it("suggests close names for a typo", () => {
    expect(find("Шилкинскй район")).toEqual({ kind: "unknown", similar: [list[1]] });
    expect(find("Петровск")).toMatchObject({ kind: "unknown", similar: [{ id: "4" }] });
    expect(find("Москва")).toEqual({ kind: "unknown", similar: [] });
  });

  it("names the region in the prepositional case", () => {
    expect(inRegion("Забайкальский край")).toBe("в Забайкальском крае");
    expect(inRegion("Краснодарский край")).toBe("в Краснодарском крае");
    expect(inRegion("Тульская область")).toBe("в Тульской области");
    expect(inRegion("Республика Бурятия")).toBe("в Республике Бурятия");
  });
});
