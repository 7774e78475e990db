import { describe, it, expect } from "vitest";
import { compareRu, foldYo, russianSortKey, sortRu } from "./text.ts";

/** Sorts by russianSortKey using nothing but plain `<` comparison. */
function sortByKey(items: readonly string[]): string[] {
  return [...items].sort((a, b) => {
    const ka = russianSortKey(a);
    const kb = russianSortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

const NAMES = ["Ёлкин", "Егоров", "Жуков", "Абрамов", "ёжиков", "Яковлев", "Smith", "Иванов"];
const EXPECTED = ["Абрамов", "Егоров", "ёжиков", "Ёлкин", "Жуков", "Иванов", "Яковлев", "Smith"];

describe("foldYo", () => {
  it("folds ё and Ё", () => {
    expect(foldYo("Ёлкин ёжик")).toBe("Елкин ежик");
    expect(foldYo("Пётр Семёнович")).toBe("Петр Семенович");
  });

  it("folds the decomposed form too", () => {
    expect(foldYo("е\u0308ж Е\u0308")).toBe("еж Е");
  });

  it("leaves other text untouched", () => {
    expect(foldYo("Иванов, Smith 42")).toBe("Иванов, Smith 42");
    expect(foldYo("")).toBe("");
  });
});

describe("russianSortKey", () => {
  it("trims, lower-cases, folds ё and collapses whitespace", () => {
    expect(russianSortKey("  Ёлкин   Пётр\t Иванович ")).toBe("елкин петр иванович");
    expect(russianSortKey("ЁЛКИН")).toBe(russianSortKey("Елкин"));
  });

  it("keeps й distinct from и", () => {
    expect(russianSortKey("Йошкар-Ола")).not.toBe(russianSortKey("Иошкар-Ола"));
    expect(sortByKey(["Йошкин", "Иошкин", "Кошкин"])).toEqual(["Иошкин", "Йошкин", "Кошкин"]);
  });

  it("puts Latin names after Cyrillic ones", () => {
    expect(russianSortKey("Smith") > russianSortKey("Яковлев")).toBe(true);
    expect(russianSortKey("Abbott") > russianSortKey("Яяя")).toBe(true);
    expect(sortByKey(["Brown", "Яковлев", "adams", "Абрамов"])).toEqual([
      "Абрамов",
      "Яковлев",
      "adams",
      "Brown",
    ]);
  });

  it("ignores Latin diacritics", () => {
    expect(russianSortKey("Émile")).toBe(russianSortKey("emile"));
    expect(russianSortKey("Straße")).toBe(russianSortKey("strasse"));
    expect(sortByKey(["Uz", "Ünal", "Ua"])).toEqual(["Ua", "Ünal", "Uz"]);
  });

  it("puts numbers first and orders them by value", () => {
    expect(sortByKey(["Школа 10", "Школа 2", "Гимназия", "1 сентября", "10 класс", "2 класс"])).toEqual([
      "1 сентября",
      "2 класс",
      "10 класс",
      "Гимназия",
      "Школа 2",
      "Школа 10",
    ]);
    expect(russianSortKey("Школа 007")).toBe(russianSortKey("школа 7"));
  });

  it("orders spaces and hyphens before letters", () => {
    expect(sortByKey(["Петрова", "Петров-Водкин", "Петров Иван", "Петров"])).toEqual([
      "Петров",
      "Петров Иван",
      "Петров-Водкин",
      "Петрова",
    ]);
  });

  it("sorts the sample list like a Russian reader", () => {
    expect(sortByKey(NAMES)).toEqual(EXPECTED);
  });

  it("orders the whole alphabet", () => {
    const alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя".split("");
    const shuffled = [...alphabet].reverse();
    expect(sortByKey(shuffled).map(foldYo)).toEqual(alphabet.map(foldYo));
  });
});

describe("compareRu", () => {
  it("is case-insensitive and treats Е and Ё as equal", () => {
    expect(compareRu("ёлка", "Елка")).toBe(0);
    expect(compareRu("ИВАНОВ", "иванов")).toBe(0);
  });

  it("orders letters alphabetically", () => {
    expect(compareRu("Абрамов", "Борисов")).toBeLessThan(0);
    expect(compareRu("Яковлев", "Жуков")).toBeGreaterThan(0);
    expect(compareRu("ежиков", "Ёлкин")).toBeLessThan(0);
  });

  it("puts Cyrillic before Latin and numbers by value", () => {
    expect(compareRu("Яковлев", "Smith")).toBeLessThan(0);
    expect(compareRu("Школа 2", "Школа 10")).toBeLessThan(0);
  });
});

describe("sortRu", () => {
  it("sorts strings", () => {
    expect(sortRu(NAMES)).toEqual(EXPECTED);
  });

  it("does not mutate the input", () => {
    const input = ["Жуков", "Абрамов"];
    sortRu(input);
    expect(input).toEqual(["Жуков", "Абрамов"]);
  });

  it("sorts by a key and is stable for equal keys", () => {
    const people = [
      { id: 1, name: "Ёлкин" },
      { id: 2, name: "Абрамов" },
      { id: 3, name: "Елкин" },
      { id: 4, name: "Smith" },
    ];
    expect(sortRu(people, (p) => p.name).map((p) => p.id)).toEqual([2, 1, 3, 4]);
  });

  it("agrees with sorting by russianSortKey for Cyrillic lists", () => {
    const lists = [
      NAMES.filter((n) => n !== "Smith"),
      ["Щукин", "Шилов", "Шишкин", "Эйхман", "Юдин", "Ьтест", "Ъхов", "Ыхова"],
      ["Семенов", "Семёнова", "Семенович", "Сёмин", "Семин-Сибиряк", "Сем Ин"],
      ["Анна Петрова", "анна Иванова", "Анна", "Аннабель", "Ан На"],
      ["Школа № 5", "Школа № 12", "Лицей 2", "Гимназия 1", "5 класс", "11 класс"],
      ["Ёжиков", "Ежов", "Ёрш", "Еремеев", "Ерёмин"],
    ];
    for (const list of lists) {
      expect(sortByKey(list)).toEqual(sortRu(list));
    }
  });

  it("agrees with russianSortKey for mixed Cyrillic and Latin lists", () => {
    const list = ["Smith", "Иванов", "adams", "Яковлев", "Zorro", "Абрамов", "Brown"];
    expect(sortByKey(list)).toEqual(sortRu(list));
  });
});
