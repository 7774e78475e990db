import { expect, test } from "@playwright/test";
import { personPage, PEOPLE, startThread, unique } from "./helpers";

test("a mention lights the bell of the person mentioned, live, and leads to the post", async ({ browser }) => {
  test.setTimeout(150_000);
  // Батуева is mentioned in this journey only, so parallel journeys do not move her bell.
  const mentioned = await personPage(browser, "batueva@most.example");
  await mentioned.goto("/communities");
  const bell = mentioned.getByRole("link", { name: /^Уведомления:/ });
  const before = Number(await bell.getAttribute("data-unread"));

  const author = await personPage(browser, PEOPLE.author);
  await startThread(author, unique("Взаимооценка в парах"), "Как организовать взаимооценку, чтобы она не превращалась в формальность?");
  await author.getByLabel("Текст ответа").click();
  const editor = author.getByRole("textbox", { name: "Текст ответа" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.pressSequentially("Спросим коллегу @Бату");
  const option = author.getByRole("option", { name: /Сэсэг Батуева/ });
  await expect(option).toBeVisible();
  await editor.press("Enter");
  await editor.pressSequentially(" — у неё был опыт.");
  await author.getByRole("button", { name: "Ответить" }).click();
  const post = author.getByRole("article").filter({ hasText: "у неё был опыт" });
  await expect(post.getByRole("link", { name: "@Сэсэг Батуева" })).toBeVisible();

  // The mentioned person's bell lights without a reload (followers of the community also hear of the new thread).
  await expect.poll(async () => Number(await bell.getAttribute("data-unread"))).toBeGreaterThan(before);
  await bell.click();
  await expect(mentioned.getByRole("heading", { level: 1, name: "Уведомления" })).toBeVisible();
  const lit = Number(await bell.getAttribute("data-unread"));
  const item = mentioned.getByRole("listitem").filter({ hasText: "Галина Шестакова упоминает вас" });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: /упоминает вас/ }).click();
  await expect(mentioned.getByRole("article").filter({ hasText: "у неё был опыт" })).toBeVisible();
  // Opening it marked it read.
  await expect(bell).toHaveAttribute("data-unread", String(lit - 1));
});
