import fs from "node:fs";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { plainTextToDoc } from "./document.ts";
import { RichTextEditor, RichTextView } from "./editor.tsx";

describe("RichTextEditor on the server (no JavaScript)", () => {
  it("renders a labelled plain textarea posting `${name}Text`, and no JSON field", () => {
    const html = renderToString(<RichTextEditor name="body" label="Сообщение" placeholder="Напишите коллегам" />);
    expect(html).toMatch(/<label id="[^"]+-label" for="([^"]+)">Сообщение<\/label><textarea id="\1" name="bodyText" placeholder="Напишите коллегам" rows="6"><\/textarea>/);
    expect(html).not.toContain('name="body"');
  });

  it("puts the initial document into the textarea as plain text, escaped", () => {
    const html = renderToString(<RichTextEditor name="body" label="Сообщение" placeholder="" initialDoc={plainTextToDoc("Первый <b>\n\nВторой")} />);
    expect(html).toContain(">Первый &lt;b&gt;\n\nВторой</textarea>");
  });
});

describe("RichTextView", () => {
  it("wraps server HTML in div.rich-text", () => {
    expect(renderToString(<RichTextView html="<p>a</p>" />)).toBe('<div class="rich-text"><p>a</p></div>');
  });
});

describe("bundle boundary", () => {
  it("the field's module graph reaches tiptap only through import()", () => {
    for (const file of ["editor.tsx", "plain-text.ts", "strings.ts"]) {
      const source = fs.readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
      const staticImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
      for (const specifier of staticImports) expect(specifier, `${file} imports ${specifier}`).not.toMatch(/@tiptap|extensions|editor\.client|document\.ts|zod/);
    }
  });
});
