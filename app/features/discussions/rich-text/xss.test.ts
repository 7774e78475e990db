/**
 * The XSS corpus (tests/fixtures/xss-payloads.txt) pushed through every way text and attributes
 * enter a document. Each case is either refused by the validator or renders to HTML that, parsed
 * again, holds nothing executable.
 */
import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { xssPayloads } from "../../../../tests/fixtures/xss-payloads.ts";
import { parseRichText, plainTextToDoc, type RichMark, type RichNode } from "./document.ts";
import { renderRichText, sanitizeRichHtml } from "./render.server.ts";

const payloads = xssPayloads();
const ID = "0b7e0c4e-7b1a-4e7b-9a0b-1c2d3e4f5a6b";

const ALLOWED_TAGS = new Set(["p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "code", "br", "hr", "strong", "em", "s", "u", "a", "img", "table", "tbody", "tr", "th", "td"]);
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "background", "poster", "srcset", "srcdoc", "lowsrc", "dynsrc", "codebase", "cite"]);
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007F-\u00A0\u00AD\u200B-\u200F\u2028\u2029\u2060\uFEFF]/g;

/** The scheme a browser would act on: invisible characters removed, lower-cased; null if none. */
function effectiveScheme(raw: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/.exec(raw.replace(INVISIBLE, "").toLowerCase())?.[1] ?? null;
}

function isSafeUrlValue(value: string): boolean {
  const squeezed = value.replace(INVISIBLE, "");
  const scheme = effectiveScheme(value);
  if (scheme === null) return !squeezed.startsWith("//") && !squeezed.startsWith("/\\") && !squeezed.startsWith("\\");
  return scheme === "http" || scheme === "https" || scheme === "mailto";
}

/** Problems found in rendered HTML; empty when safe. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*\/?\s*(script|iframe|object|embed|style)\b/i.test(html)) problems.push("raw dangerous tag");
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  for (const element of DomUtils.findAll(() => true, dom.children) as Element[]) {
    if (!ALLOWED_TAGS.has(element.name)) problems.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name.startsWith("on")) problems.push(`${name}= on <${element.name}>`);
      if (name === "style") problems.push(`style on <${element.name}>`);
      if (URL_ATTRIBUTES.has(name) && !isSafeUrlValue(value)) problems.push(`${name}="${value}"`);
    }
  }
  return problems;
}

/** Validates and renders; returns the HTML, or null when the validator refused. */
function renderIfAccepted(doc: unknown): string | null {
  const result = parseRichText(doc);
  if (!result.ok) {
    expect(result.error).toMatch(/[А-Яа-яЁё]/);
    return null;
  }
  return renderRichText(result.doc);
}

function expectSafe(doc: unknown): string | null {
  const html = renderIfAccepted(doc);
  if (html !== null) expect(problemsIn(html), html).toEqual([]);
  return html;
}

const textOf = (html: string) => DomUtils.textContent(parseDocument(html, { decodeEntities: true }));
// eslint-disable-next-line no-control-regex
const hasControl = (s: string) => /[\u0000-\u0008\u000B-\u001F\u007F]/.test(s);

const t = (text: string, marks?: RichMark[]): RichNode => ({ type: "text", text, ...(marks ? { marks } : {}) });
const para = (...content: RichNode[]): RichNode => ({ type: "paragraph", content });
const doc = (...content: RichNode[]) => ({ type: "doc", content });
const item = (text: string): RichNode => ({ type: "listItem", content: [para(t(text))] });
const cell = (type: "tableCell" | "tableHeader", text: string): RichNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(t(text))] });

/** Every place a text node can sit, each wrapping the payload. */
const TEXT_CONTEXTS: Record<string, (text: string) => unknown> = {
  paragraph: (s) => doc(para(t(s))),
  heading2: (s) => doc({ type: "heading", attrs: { level: 2 }, content: [t(s)] }),
  heading4: (s) => doc({ type: "heading", attrs: { level: 4 }, content: [t(s)] }),
  bulletList: (s) => doc({ type: "bulletList", content: [item(s)] }),
  orderedList: (s) => doc({ type: "orderedList", attrs: { start: 1 }, content: [item(s)] }),
  blockquote: (s) => doc({ type: "blockquote", content: [para(t(s))] }),
  codeBlock: (s) => doc({ type: "codeBlock", attrs: { language: "html" }, content: [t(s)] }),
  tableCell: (s) => doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableCell", s)] }] }),
  tableHeader: (s) => doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableHeader", s)] }] }),
  bold: (s) => doc(para(t(s, [{ type: "bold" }]))),
  italic: (s) => doc(para(t(s, [{ type: "italic" }]))),
  strike: (s) => doc(para(t(s, [{ type: "strike" }]))),
  underline: (s) => doc(para(t(s, [{ type: "underline" }]))),
  code: (s) => doc(para(t(s, [{ type: "code" }]))),
  linkText: (s) => doc(para(t(s, [{ type: "link", attrs: { href: "https://example.org", target: "_blank" } }]))),
  afterMentionAndBreak: (s) => doc(para({ type: "mention", attrs: { id: ID, label: "Анна" } }, { type: "hardBreak" }, t(s))),
};

/** Every attribute a payload can reach. */
const ATTRIBUTE_CONTEXTS: Record<string, (value: string) => unknown> = {
  linkHref: (s) => doc(para(t("ссылка", [{ type: "link", attrs: { href: s, target: null } }]))),
  imageSrc: (s) => doc({ type: "image", attrs: { src: s, alt: null, title: null } }),
  imageAlt: (s) => doc({ type: "image", attrs: { src: "/a.png", alt: s, title: null } }),
  imageTitle: (s) => doc({ type: "image", attrs: { src: "/a.png", alt: null, title: s } }),
  mentionLabel: (s) => doc(para({ type: "mention", attrs: { id: ID, label: s } })),
  mentionId: (s) => doc(para({ type: "mention", attrs: { id: s, label: "Анна" } })),
  codeLanguage: (s) => doc({ type: "codeBlock", attrs: { language: s }, content: [t("x")] }),
};

describe("XSS corpus", () => {
  it("has at least 60 payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(60);
    expect(new Set(payloads).size).toBe(payloads.length);
  });

  it("(a) as a no-JS plain-text post: rendered as text, nothing executable", () => {
    for (const payload of payloads) {
      const html = expectSafe(plainTextToDoc(payload));
      if (html !== null && !hasControl(payload) && !payload.includes("\n")) expect(textOf(html)).toBe(payload);
    }
  });

  it.each(Object.entries(TEXT_CONTEXTS))("(b) as text in %s", (_context, build) => {
    for (const payload of payloads) {
      const html = expectSafe(build(payload));
      if (html !== null) expect(textOf(html)).toContain(payload);
    }
  });

  it.each(Object.entries(ATTRIBUTE_CONTEXTS))("(c) as %s", (_context, build) => {
    for (const payload of payloads) expectSafe(build(payload));
  });

  it("(c) no payload of the corpus is accepted as a link href or an image src", () => {
    const accepted = payloads.filter((payload) => parseRichText(ATTRIBUTE_CONTEXTS.linkHref!(payload)).ok || parseRichText(ATTRIBUTE_CONTEXTS.imageSrc!(payload)).ok);
    expect(accepted).toEqual([]);
  });

  it("(d) raw through the sanitizer alone (the second layer), nothing executable", () => {
    for (const payload of payloads) expect(problemsIn(sanitizeRichHtml(payload)), payload).toEqual([]);
  });

  it("the checker itself catches what it must", () => {
    expect(problemsIn('<img src="jav&#x09;ascript:alert(1)">')).toEqual(['src="jav\tascript:alert(1)"']);
    expect(problemsIn('<a href="//evil.example">x</a>')).toEqual(['href="//evil.example"']);
    expect(problemsIn('<p onclick="x" style="y">x</p>')).toEqual(["onclick= on <p>", "style on <p>"]);
    expect(problemsIn("<svg><script>x</script></svg>")).toEqual(["raw dangerous tag", "<svg>", "<script>"]);
  });
});
