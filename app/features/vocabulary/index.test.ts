import { describe, expect, it } from "vitest";
import { gradesLabel, SUBJECTS, subjectLabel, TOPICS, topicLabel } from "./index";

describe("vocabulary", () => {
  it("has unique codes", () => {
    expect(new Set(SUBJECTS.map((s) => s.code)).size).toBe(SUBJECTS.length);
    expect(new Set(TOPICS.map((t) => t.code)).size).toBe(TOPICS.length);
  });
  it("labels codes and shows unknown codes as they are", () => {
    expect(subjectLabel("math")).toBe("Математика");
    expect(topicLabel("formative-assessment")).toBe("Формирующее оценивание");
    expect(topicLabel("retired-code")).toBe("retired-code");
  });
  it("summarises grades in runs", () => {
    expect(gradesLabel([5, 6, 7, 9, 11, 10])).toBe("5–7, 9–11 классы");
    expect(gradesLabel([3])).toBe("3 класс");
    expect(gradesLabel([])).toBe("");
  });
});
