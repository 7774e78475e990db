import { getSchema } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { describe, expect, it } from "vitest";
import { parseRichText, plainTextToDoc, type RichDoc } from "./document.ts";
import { richTextExtensions } from "./extensions.ts";
import { renderRichText, sanitizeRichHtml } from "./render.server.ts";

const ID = "0b7e0c4e-7b1a-4e7b-9a0b-1c2d3e4f5a6b";
const asDoc = (value: unknown) => value as RichDoc;

describe("renderRichText", () => {
  it("renders every node with the allowlisted markup", () => {
    const html = renderRichText(
      asDoc({
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Итоги" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Ж", marks: [{ type: "bold" }] },
              { type: "text", text: "К", marks: [{ type: "italic" }] },
              { type: "text", text: "З", marks: [{ type: "strike" }] },
              { type: "text", text: "П", marks: [{ type: "underline" }] },
              { type: "text", text: "к", marks: [{ type: "code" }] },
              { type: "text", text: "сайт", marks: [{ type: "link", attrs: { href: "https://example.org/?a=1&b=2", target: "_blank" } }] },
              { type: "text", text: "здесь", marks: [{ type: "link", attrs: { href: "/events", target: null } }] },
              { type: "hardBreak" },
              { type: "mention", attrs: { id: ID, label: "Анна <Иванова>" } },
            ],
          },
          { type: "orderedList", attrs: { start: 2 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "пункт" }] }] }] },
          { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "пункт" }] }] }] },
          { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "цитата" }] }] },
          { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "a < b && c" }] },
          { type: "horizontalRule" },
          { type: "image", attrs: { src: "/uploads/a.png", alt: 'Схема "А"', title: null } },
          {
            type: "table",
            content: [
              { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2, rowspan: 1, colwidth: [100, 50] }, content: [{ type: "paragraph", content: [{ type: "text", text: "Ш" }] }] }] },
              { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 1, rowspan: 2, colwidth: null }, content: [{ type: "paragraph" }] }] },
            ],
          },
        ],
      }),
    );
    expect(html).toBe(
      [
        "<h2>Итоги</h2>",
        "<p><strong>Ж</strong><em>К</em><s>З</s><u>П</u><code>к</code>",
        '<a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="nofollow noopener noreferrer ugc">сайт</a>',
        '<a href="/events" rel="nofollow noopener noreferrer ugc">здесь</a><br />',
        `<a href="/people/${ID}" class="mention" data-mention="${ID}">@Анна &lt;Иванова&gt;</a></p>`,
        '<ol start="2"><li><p>пункт</p></li></ol><ul><li><p>пункт</p></li></ul>',
        "<blockquote><p>цитата</p></blockquote>",
        '<pre><code class="language-ts">a &lt; b &amp;&amp; c</code></pre><hr />',
        '<img src="/uploads/a.png" alt="Схема &quot;А&quot;" loading="lazy" />',
        '<table><tbody><tr><th colspan="2"><p>Ш</p></th></tr><tr><td rowspan="2"><p></p></td></tr></tbody></table>',
      ].join(""),
    );
  });

  it("renders a plain-text post as escaped paragraphs", () => {
    expect(renderRichText(plainTextToDoc("a <b>\nc\n\nd & e"))).toBe("<p>a &lt;b&gt;<br />c</p><p>d &amp; e</p>");
  });

  it("throws on a document the validator refuses", () => {
    expect(() => renderRichText(asDoc({ type: "doc", content: [{ type: "paragraph" }] }))).toThrow(/Сообщение пустое/);
    expect(() => renderRichText(asDoc({ type: "doc", content: [{ type: "iframe" }] }))).toThrow(/refused/);
  });
});

describe("javascript: in img src (the hazard the allowlist exists for)", () => {
  const hostile = { type: "doc", content: [{ type: "image", attrs: { src: "javascript:alert(1)", alt: "x" } }] };

  it("passes ProseMirror's check() and tiptap's static renderer unchanged", () => {
    const extensions = richTextExtensions();
    const node = getSchema(extensions).nodeFromJSON(hostile);
    expect(() => node.check()).not.toThrow();
    expect(renderToHTMLString({ content: hostile, extensions })).toContain('src="javascript:alert(1)"');
  });

  it("is refused by parseRichText, so renderRichText throws", () => {
    expect(parseRichText(hostile)).toEqual({ ok: false, error: "Недопустимый адрес картинки: разрешены только адреса http и https или картинки с этого сайта." });
    expect(() => renderRichText(asDoc(hostile))).toThrow();
  });

  it("is stripped by the sanitizer too, should the validator ever miss it", () => {
    const html = sanitizeRichHtml(renderToHTMLString({ content: hostile, extensions: richTextExtensions() }));
    expect(html).toBe('<img alt="x" loading="lazy" />');
  });
});

describe("sanitizeRichHtml", () => {
  it.each([
    ['<p style="color:red" onclick="x()">a</p>', "<p>a</p>"],
    ['<a href="javascript:alert(1)" onmouseover="x">a</a>', '<a rel="nofollow noopener noreferrer ugc">a</a>'],
    ['<a href="//evil.example">a</a>', '<a rel="nofollow noopener noreferrer ugc">a</a>'],
    ['<img src="data:image/png;base64,AAAA">', '<img loading="lazy" />'],
    ['<img src="mailto:a@b.ru">', '<img loading="lazy" />'],
    ['<a href="https://a.ru" class="mention evil" target="_top">a</a>', '<a href="https://a.ru" rel="nofollow noopener noreferrer ugc">a</a>'],
    ['<code class="language-js evil">x</code>', '<code class="language-js">x</code>'],
    ["<h1>a</h1><h5>b</h5><div>c</div><span>d</span>", "abcd"],
    ["<script>alert(1)</script><style>p{}</style><iframe src=x></iframe>x", "x"],
    ['<table style="width:1px"><colgroup><col style="width:1px"></colgroup><tbody><tr><td data-colwidth="1">a</td></tr></tbody></table>', "<table><tbody><tr><td>a</td></tr></tbody></table>"],
  ])("%s", (input, output) => {
    expect(sanitizeRichHtml(input)).toBe(output);
  });
});
