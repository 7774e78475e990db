import { expect, test, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { originOf } from "../helpers/pages";
import { PEOPLE, personPage, startThread, unique } from "./helpers";

/** A member of the demo community who posts in no other journey. */
const XSS_AUTHOR = "expert@most.example";

/**
 * The public payload corpus stored through a thread's title, post bodies (plain text from the
 * no-JS textarea and ProseMirror JSON from the editor), link and image attributes, then rendered
 * in Chromium for another reader: nothing executes.
 */
test("the XSS corpus stored in a thread executes nothing in Chromium; a javascript: image is refused", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const payloads = xssPayloads();
  // A member whose posts no other journey makes: this test alone posts six times, and the
  // per-person limit (10 a minute) is shared with whatever the same author posts in parallel.
  const author = await personPage(browser, XSS_AUTHOR);
  const threadPath = await startThread(author, unique(`XSS ${payloads[0]!.slice(0, 120)}`), "Проверка безопасности.");
  const post = (form: Record<string, string>) => author.request.post(threadPath, { headers: originOf(baseURL), form: { intent: "reply", clientId: crypto.randomUUID(), ...form }, maxRedirects: 0 });
  const half = Math.ceil(payloads.length / 2);
  // Control characters (tabs and newlines included) are refused in text nodes; the editor never makes them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being matched
  const clean = (p: string) => p.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 300) || "x";
  const ok = async (res: Awaited<ReturnType<typeof post>>) => expect(res.status(), (await res.text()).match(/role="alert"[^<]*<[^>]*>([^<]*)/)?.[1] ?? "").toBeLessThan(400);
  for (const chunk of [payloads.slice(0, half), payloads.slice(half)]) {
    await ok(await post({ bodyText: chunk.join("\n\n") }));
    const doc = {
      type: "doc",
      content: chunk.flatMap((p) => [
        { type: "paragraph", content: [{ type: "text", text: clean(p), marks: [{ type: "bold" }, { type: "link", attrs: { href: `https://example.org/search?q=${encodeURIComponent(p.slice(0, 100))}`, target: "_blank" } }] }] },
        { type: "image", attrs: { src: "/favicon.svg", alt: clean(p), title: clean(p) } },
      ]),
    };
    await ok(await post({ body: JSON.stringify(doc) }));
  }
  // The allowlist refuses a javascript: image source (ProseMirror's own check would let it through).
  const evil = { type: "doc", content: [{ type: "image", attrs: { src: "javascript:window.__xss=1", alt: "x", title: null } }] };
  const refused = await post({ body: JSON.stringify(evil) });
  expect(refused.status()).toBe(400);

  const reader = await personPage(browser, PEOPLE.reader);
  const fired: string[] = [];
  reader.on("dialog", async (d) => {
    fired.push(d.message());
    await d.dismiss();
  });
  await reader.goto(threadPath);
  await expect(reader.locator("article").filter({ hasText: payloads[payloads.length - 1]!.slice(0, 20) }).first()).toBeAttached();
  await reader.waitForTimeout(500);
  expect(fired).toEqual([]);
  expect(await reader.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expectInert(reader);
  await author.context().close();
  await reader.context().close();
});

/** No script-bearing element or attribute inside the page's main content. */
async function expectInert(page: Page) {
  const found = await page.locator("main").evaluate((main) => {
    const bad: string[] = [];
    for (const el of Array.from(main.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "style", "base", "meta", "frame"].includes(tag)) bad.push(tag);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${tag}[${attr.name}]`);
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is being matched
        if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(attr.value.replace(/[\u0000-\u001f]/g, ""))) bad.push(`${tag}[${attr.name}=${attr.value.slice(0, 30)}]`);
      }
    }
    return bad;
  });
  expect(found).toEqual([]);
}
