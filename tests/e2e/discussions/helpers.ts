import { expect, type Browser, type Page } from "@playwright/test";
import { clientIp, DEMO_PASSWORD, signIn } from "../helpers/accounts";

/** An open demo community: members Шестакова, Прохорова, Батуева; moderator Журавлёва. */
export const COMMUNITY = "/communities/formiruyushchee-otsenivanie";
export const PEOPLE = {
  author: "shestakova@most.example",
  reader: "prokhorova@most.example",
  moderator: "zhuravleva@most.example",
} as const;

/** A signed-in person in a browser context of their own. */
export async function personPage(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp() }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  return page;
}

/** Starts a thread in the demo community through its page; returns the thread's path. */
export async function startThread(page: Page, title: string, body: string): Promise<string> {
  await page.goto(COMMUNITY);
  const form = page.getByRole("form", { name: "Новое обсуждение" });
  await form.getByLabel("Тема").fill(title);
  await writeRich(page, "Первое сообщение", body);
  await form.getByRole("button", { name: "Начать обсуждение" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

export const unique = (s: string) => `${s} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * Types into a rich-text field as a person does: focusing it loads the editor, which replaces the
 * textarea; typing starts once the editor is there (filling the textarea while it is being
 * replaced would race the upgrade).
 */
export async function writeRich(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const editor = page.getByRole("textbox", { name: label, exact: true });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.fill(text);
}
