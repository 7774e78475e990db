import { describe, expect, it } from "vitest";
import { describeNotification } from "./strings.ts";

describe("describeNotification", () => {
  it("names the actor and the thread for replies, quotes and mentions", () => {
    expect(describeNotification("reply", { threadTitle: "ОГЭ" }, "Анна Петрова")).toBe("Анна Петрова отвечает в обсуждении «ОГЭ»");
    expect(describeNotification("reply", { threadTitle: "ОГЭ", quoted: true }, "Анна Петрова")).toBe("Анна Петрова цитирует ваше сообщение в обсуждении «ОГЭ»");
    expect(describeNotification("mention", { threadTitle: "ОГЭ" }, null)).toBe("Участник «Моста» упоминает вас в обсуждении «ОГЭ»");
  });

  it("tells authors and reporters the moderation outcome", () => {
    expect(describeNotification("moderation", { threadTitle: "ОГЭ", outcome: "hidden", role: "author" }, null)).toBe("Модератор: ваше сообщение в обсуждении «ОГЭ» скрыто");
    expect(describeNotification("moderation", { threadTitle: "ОГЭ", outcome: "dismissed", role: "reporter" }, null)).toContain("оставлено без изменений");
  });

  it("falls back to the payload's text for kinds of later capabilities", () => {
    expect(describeNotification("event.reminder", { text: "Вебинар начнётся через час" }, null)).toBe("Вебинар начнётся через час");
    expect(describeNotification("unknown", {}, null)).toBe("Новое уведомление");
  });
});
