import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

/** A page in a fresh context with JavaScript off, as on an old device with scripts blocked. */
export async function noJsPage(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Fails with the rule ids and messages when axe finds a serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The Origin header a same-site request carries. */
export const originOf = (baseURL: string | undefined) => ({ Origin: new URL(baseURL!).origin });

/** Moves the server's business clock forward (test mode only). */
export async function advanceClock(page: Page, baseURL: string | undefined, ms: number): Promise<Date> {
  const res = await page.request.post("/__test/clock", { headers: originOf(baseURL), data: { advanceMs: ms } });
  expect(res.status()).toBe(200);
  return new Date((await res.json()).now);
}
