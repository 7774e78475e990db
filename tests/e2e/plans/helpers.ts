import { expect, type Page } from "@playwright/test";

/** The demo partnership of Гимназия № 14 and ЦО № 3 г. Читы (its curator is curator.chita). */
export const CHITA_PARTNERSHIP = "МБОУ Гимназия № 14 г. Читы — МБОУ ЦО № 3 г. Читы";
export const CURATOR = "curator.chita@most.example";
/** A member of that partnership (Наталья Широкова). */
export const MENTOR = { email: "mentor.gym14@most.example", name: "Наталья Широкова" } as const;

export const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** From the partnership's page, starts a roadmap from the partnership template; returns the plan's path. */
export async function roadmapFromTemplate(page: Page, title: string): Promise<string> {
  await page.goto("/partnerships");
  await page.getByRole("link", { name: CHITA_PARTNERSHIP }).first().click();
  const block = page.getByRole("region", { name: "Дорожная карта" });
  await block.getByRole("link", { name: "Создать план" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый план");
  await expect(page.getByLabel("Шаблон")).toHaveValue("partnership-roadmap");
  await page.getByLabel("Название плана").fill(title);
  await page.getByRole("button", { name: "Создать план" }).click();
  await expect(page.getByText("План создан.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Opens an activity of the plan page by its title. */
export async function openActivity(page: Page, planPath: string, title: string) {
  await page.goto(planPath);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
}

/** Assigns a responsible person on the activity's page. */
export async function assign(page: Page, name: string) {
  await page.getByLabel("Назначить ответственного").selectOption({ label: name });
  await page.getByRole("button", { name: "Назначить", exact: true }).click();
  await expect(page.getByText("Ответственный назначен.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Ответственные участники" }).getByText(name)).toBeVisible();
}
