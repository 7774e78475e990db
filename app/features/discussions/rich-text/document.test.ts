import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import {
  docToPlainText,
  excerpt,
  mentionedUserIds,
  parseRichText,
  plainTextToDoc,
  RICH_TEXT_LIMITS,
  type RichDoc,
  type RichNode,
} from "./document.ts";
import { richTextExtensions } from "./extensions.ts";
import { RICH_TEXT_TEXT as T } from "./strings.ts";

const ID = "0b7e0c4e-7b1a-4e7b-9a0b-1c2d3e4f5a6b";
const ID2 = "5f0c2b1a-3d4e-4f60-8a7b-9c0d1e2f3a4b";
const text = (value: string, marks?: RichNode["marks"]): RichNode => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: RichNode[]): RichNode => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const para = (value = "текст") => p(text(value));
const mention = (id = ID, label = "Анна Иванова"): RichNode => ({ type: "mention", attrs: { id, label } });
const link = (href: unknown, extra: Record<string, unknown> = {}) => doc({ type: "paragraph", content: [{ type: "text", text: "ссылка", marks: [{ type: "link", attrs: { href, ...extra } }] }] });
const image = (attrs: Record<string, unknown>) => doc({ type: "image", attrs });
const cell = (type: "tableCell" | "tableHeader", attrs: Record<string, unknown> = { colspan: 1, rowspan: 1, colwidth: null }) => ({ type, attrs, content: [para()] });

function refusal(input: unknown): string {
  const result = parseRichText(input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.doc)}`);
  return result.error;
}
function accepted(input: unknown): RichDoc {
  const result = parseRichText(input);
  if (!result.ok) throw new Error(`expected acceptance, got «${result.error}»`);
  return result.doc;
}

/** One document holding every allowed node and mark, in their normalised form. */
const EVERYTHING: RichDoc = doc(
  { type: "heading", attrs: { level: 2 }, content: [text("Заголовок")] },
  { type: "heading", attrs: { level: 3 }, content: [text("Подзаголовок")] },
  { type: "heading", attrs: { level: 4 }, content: [text("Мелкий")] },
  p(
    text("жирный", [{ type: "bold" }]),
    text("курсив", [{ type: "italic" }, { type: "underline" }]),
    text("зачёркнутый", [{ type: "strike" }]),
    text("код", [{ type: "code" }]),
    text("ссылка", [{ type: "link", attrs: { href: "https://example.org/a?b=1#c", target: "_blank" } }]),
    text("почта", [{ type: "link", attrs: { href: "mailto:anna@school.ru", target: null } }]),
    text("внутри", [{ type: "link", attrs: { href: "/discussions/1", target: null } }]),
    { type: "hardBreak" },
    mention(),
  ),
  { type: "bulletList", content: [{ type: "listItem", content: [para("a"), { type: "bulletList", content: [{ type: "listItem", content: [para("b")] }] }] }] },
  { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [para("c")] }] },
  { type: "blockquote", content: [para("цитата")] },
  { type: "codeBlock", attrs: { language: "c#" }, content: [text("a < b\n\tc")] },
  { type: "codeBlock", attrs: { language: null }, content: [text("x")] },
  { type: "horizontalRule" },
  { type: "image", attrs: { src: "https://example.org/a.png", alt: "Схема", title: null } },
  { type: "image", attrs: { src: "/uploads/b.webp", alt: null, title: "Подпись" } },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", { colspan: 2, rowspan: 1, colwidth: [120, 80] })] },
      { type: "tableRow", content: [cell("tableCell"), { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p()] }] },
    ],
  },
) as RichDoc;

describe("parseRichText accepts", () => {
  it("every allowed node and mark, unchanged", () => {
    expect(accepted(EVERYTHING)).toEqual(EVERYTHING);
  });

  it("the same document as JSON text, as a form posts it", () => {
    expect(accepted(JSON.stringify(EVERYTHING))).toEqual(EVERYTHING);
  });

  it("each node type on its own", () => {
    for (const node of EVERYTHING.content) {
      const withText = node.type === "horizontalRule" ? [node, para()] : [node];
      expect(accepted(doc(...withText)).content[0]).toEqual(node);
    }
  });

  it("the editor's JSON with tiptap's default attributes, normalised to the allowlist", () => {
    const schema = getSchema(richTextExtensions());
    const { nodes, marks } = schema;
    const linked = schema.text("ссылка", [marks.link!.create({ href: "https://example.org" }), marks.bold!.create()]);
    const built = nodes.doc!.create(null, [
      nodes.paragraph!.create(null, [linked, nodes.hardBreak!.create(), nodes.mention!.create({ id: ID, label: "Анна" })]),
      nodes.heading!.create({ level: 2 }, schema.text("З")),
      nodes.orderedList!.create(null, nodes.listItem!.create(null, nodes.paragraph!.create(null, schema.text("1")))),
      nodes.codeBlock!.create(null, schema.text("code")),
      nodes.image!.create({ src: "/a.png" }),
      nodes.table!.create(null, nodes.tableRow!.create(null, nodes.tableHeader!.create(null, nodes.paragraph!.create()))),
    ]);
    const result = accepted(built.toJSON());
    expect(result.content[0]!.content![0]!.marks).toEqual([{ type: "link", attrs: { href: "https://example.org", target: null } }, { type: "bold" }]);
    expect(result.content[0]!.content![2]).toEqual(mention(ID, "Анна"));
    expect(result.content[2]!.attrs).toEqual({ start: 1 });
    expect(result.content[4]!.attrs).toEqual({ src: "/a.png", alt: null, title: null });
  });

  it("an image or a mention alone (not empty)", () => {
    accepted(image({ src: "/a.png" }));
    accepted(doc(p(mention())));
  });

  it("drops rel from links (the renderer sets its own)", () => {
    expect(accepted(link("https://a.ru", { rel: "opener" })).content[0]!.content![0]!.marks).toEqual([
      { type: "link", attrs: { href: "https://a.ru", target: null } },
    ]);
  });
});

describe("parseRichText refuses", () => {
  it.each([
    ["unknown node", doc({ type: "iframe", attrs: { src: "https://a.ru" } }), "Недопустимый элемент текста: «iframe»."],
    ["unknown mark", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "textStyle", attrs: { color: "red" } }] }] }), "Недопустимое оформление текста: «textStyle»."],
    ["unknown attribute", doc({ type: "paragraph", attrs: { style: "color:red" }, content: [text("x")] }), "Недопустимые параметры у элемента «абзац»."],
    ["unknown key on a node", doc({ type: "paragraph", content: [text("x")], html: "<b>" }), T.malformed],
    ["an attribute of the wrong type", doc({ type: "orderedList", attrs: { start: "1" }, content: [{ type: "listItem", content: [para()] }] }), T.listStart],
    ["attrs on text", doc(p({ type: "text", text: "x", attrs: { class: "a" } })), "Недопустимые параметры у элемента «текст»."],
    ["heading level 1", doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }), T.headingLevel],
    ["heading level 5", doc({ type: "heading", attrs: { level: 5 }, content: [text("x")] }), T.headingLevel],
    ["heading without level", doc({ type: "heading", content: [text("x")] }), T.headingLevel],
    ["ordered list start 0", doc({ type: "orderedList", attrs: { start: 0 }, content: [{ type: "listItem", content: [para()] }] }), T.listStart],
    ["ordered list start 1.5", doc({ type: "orderedList", attrs: { start: 1.5 }, content: [{ type: "listItem", content: [para()] }] }), T.listStart],
    ["code language with a quote", doc({ type: "codeBlock", attrs: { language: 'js" onclick="x' }, content: [text("x")] }), T.codeLanguage],
    ["code language in upper case", doc({ type: "codeBlock", attrs: { language: "JS" }, content: [text("x")] }), T.codeLanguage],
    ["code language too long", doc({ type: "codeBlock", attrs: { language: "a".repeat(21) }, content: [text("x")] }), T.codeLanguage],
    ["marks inside a code block", doc({ type: "codeBlock", content: [text("x", [{ type: "bold" }])] }), "Недопустимое оформление текста: «текст»."],
    ["alt over 300 characters", image({ src: "/a.png", alt: "а".repeat(301) }), T.altTooLong],
    ["title over 300 characters", image({ src: "/a.png", title: "а".repeat(301) }), T.titleTooLong],
    ["image without src", image({ alt: "x" }), T.badImage],
    ["image width", image({ src: "/a.png", width: 100 }), "Недопустимые параметры у элемента «картинка»."],
    ["colspan 0", doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableCell", { colspan: 0 })] }] }), T.tableCell],
    ["rowspan 21", doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableCell", { rowspan: 21 })] }] }), T.tableCell],
    ["colwidth of strings", doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableCell", { colwidth: ["100px"] })] }] }), "Недопустимые параметры у элемента «ячейка таблицы»."],
    ["mention with a non-uuid id", doc(p(mention("../admin"))), T.mention],
    ["mention without label", doc(p({ type: "mention", attrs: { id: ID } })), T.mentionLabel],
    ["mention label over 200", doc(p(mention(ID, "а".repeat(201)))), T.mentionLabel],
    ["link target _self", link("https://a.ru", { target: "_self" }), "Недопустимая ссылка: разрешены только адреса http, https и mailto."],
    ["link class", link("https://a.ru", { class: "x" }), T.badLink],
    ["link without href", doc(p(text("x", [{ type: "link", attrs: {} } as never]))), T.badLink],
    ["a mark twice", doc(p(text("x", [{ type: "bold" }, { type: "bold" }]))), T.malformed],
    ["bold with attrs", doc(p({ type: "text", text: "x", marks: [{ type: "bold", attrs: { onclick: "x" } } as never] })), "Недопустимое оформление текста: «полужирный»."],
    ["text directly in doc", doc(text("x")), "Элемент «текст» не может находиться внутри элемента «документ»."],
    ["paragraph in a paragraph", doc(p(para() as never)), "Элемент «абзац» не может находиться внутри элемента «абзац»."],
    ["list item outside a list", doc({ type: "listItem", content: [para()] }), "Элемент «пункт списка» не может находиться внутри элемента «документ»."],
    ["cell outside a row", doc({ type: "table", content: [cell("tableCell")] }), "Элемент «ячейка таблицы» не может находиться внутри элемента «таблица»."],
    ["empty list", doc({ type: "bulletList", content: [] }, para()), "Элемент «маркированный список» не может быть пустым."],
    ["list item starting with a list", doc({ type: "bulletList", content: [{ type: "listItem", content: [{ type: "bulletList", content: [{ type: "listItem", content: [para()] }] }] }] }), "Элемент «пункт списка» не может быть пустым."],
    ["content in a leaf", doc(p({ type: "hardBreak", content: [text("x")] })), T.malformed],
    ["an empty text node", doc(p(text(""))), T.emptyText],
    ["text on a paragraph", doc({ type: "paragraph", text: "x" }), T.malformed],
    ["a nested doc", doc(doc(para())), T.malformed],
    ["a root that is not a doc", para(), T.malformed],
    ["a NUL character", doc(para("a\u0000b")), T.badCharacters],
    ["a lone surrogate", doc(para("a\uD800b")), T.badCharacters],
    ["null", null, T.malformed],
    ["a number", 42, T.malformed],
    ["an array", [para()], T.malformed],
    ["broken JSON text", '{"type":"doc",', T.malformed],
    ["__proto__ in attrs", JSON.parse('{"type":"doc","content":[{"type":"heading","attrs":{"level":2,"__proto__":{"x":1}},"content":[{"type":"text","text":"x"}]}]}'), "Недопустимые параметры у элемента «заголовок»."],
  ])("%s", (_name, input, message) => {
    expect(refusal(input)).toBe(message);
  });

  it("empty documents with «Сообщение пустое.»", () => {
    for (const input of [doc(), { type: "doc" }, doc(p()), doc(para("   \n\t ")), doc(para("\u200B")), doc(p({ type: "hardBreak" })), doc({ type: "horizontalRule" })]) {
      expect(refusal(input)).toBe("Сообщение пустое.");
    }
  });

  it("a cyclic object without throwing", () => {
    const node: Record<string, unknown> = { type: "paragraph" };
    node.content = [node];
    expect(refusal(doc(node))).toBe("Элемент «абзац» не может находиться внутри элемента «абзац».");
  });

  it("__proto__ as a node or mark key", () => {
    expect(refusal(JSON.parse('{"type":"doc","__proto__":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"x"}]}]}'))).toBe(T.malformed);
    expect(refusal(JSON.parse('{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"bold","attrs":{"__proto__":{}}}]}]}]}'))).toBe(T.malformed);
  });
});

describe("URLs", () => {
  const goodLinks = ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "mailto:anna@school.ru", "/discussions/42", "/", "/a:b"];
  const badBoth = [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "java\rscript:alert(1)", " javascript:alert(1)", "\u0000javascript:alert(1)", "\u0001javascript:alert(1)",
    "\u200Bjavascript:alert(1)", "\uFEFFjavascript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)", "javascript://%0Aalert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>", "DATA:image/png;base64,AAAA", "vbscript:msgbox(1)", "file:///etc/passwd",
    "//evil.example/x", "/\\evil.example", "\\\\evil.example", "https://", "http:javascript:alert(1)", "ftp://example.org",
    "tel:+79990000000", "example.org", "a b", "https://example.org/\u2028", "", `https://example.org/${"a".repeat(2048)}`,
  ];

  it.each(goodLinks)("link href %j is accepted", (href) => {
    accepted(link(href));
  });
  it.each(badBoth)("link href %j is refused", (href) => {
    expect(refusal(link(href))).toBe(T.badLink);
  });
  it("link href of a wrong type is refused", () => {
    for (const href of [null, 1, ["https://a.ru"], { toString: "https://a.ru" }]) expect(refusal(link(href))).toBe(T.badLink);
  });
  it.each(["https://example.org/a.png", "http://example.org/a.png", "/uploads/a.png"])("image src %j is accepted", (src) => {
    accepted(image({ src }));
  });
  it.each([...badBoth, "mailto:anna@school.ru"])("image src %j is refused", (src) => {
    expect(refusal(image({ src }))).toBe(T.badImage);
  });
});

describe("limits", () => {
  const nest = (levels: number): unknown => {
    let node: unknown = para();
    for (let i = 0; i < levels; i++) node = { type: "blockquote", content: [node] };
    return doc(node);
  };

  it("exports its limits", () => {
    expect(RICH_TEXT_LIMITS).toEqual({ maxDepth: 12, maxNodes: 5000, maxSerializedLength: 100_000, maxTextLength: 20_000 });
  });
  it("depth: text at depth 12 passes, 13 is refused, 10 000 levels do not overflow the stack", () => {
    accepted(nest(10)); // blockquotes 1..10, paragraph 11, text 12
    expect(refusal(nest(11))).toBe(T.tooDeep);
    expect(refusal(nest(10_000))).toBe(T.tooDeep);
    let deep = "[1]";
    for (let i = 0; i < 20_000; i++) deep = `[${deep}]`;
    expect(refusal(`{"type":"doc","content":${deep}}`)).toBe(T.malformed);
    const cycle: Record<string, unknown> = { type: "blockquote" };
    cycle.content = [cycle];
    expect(refusal(doc(cycle))).toBe(T.tooDeep);
  });
  it("nodes: 5001 are refused; the size limit binds first for small nodes (about 4700)", () => {
    const withNodes = (n: number) => doc(p(text("a"), ...Array.from({ length: n - 3 }, (): RichNode => ({ type: "hardBreak" }))));
    accepted(withNodes(4500));
    expect(refusal(withNodes(4900))).toBe(T.tooLarge);
    expect(refusal(withNodes(5001))).toBe(T.tooManyNodes);
  });
  it("text: 20 000 characters pass, 20 001 are refused", () => {
    accepted(doc(para("а".repeat(10_000)), para("б".repeat(10_000))));
    expect(refusal(doc(para("а".repeat(10_000)), para("б".repeat(10_001))))).toBe(T.textTooLong);
  });
  it("serialized size: over 100 000 characters is refused, as an object or as text", () => {
    const big = doc(para("а".repeat(15_000)), p(text("б", [{ type: "link", attrs: { href: `https://a.ru/${"x".repeat(2000)}`, target: null } }])));
    const many = doc(...Array.from({ length: 60 }, () => (big.content as unknown[])[1]));
    expect(JSON.stringify(many).length).toBeGreaterThan(100_000);
    expect(refusal(many)).toBe(T.tooLarge);
    expect(refusal(JSON.stringify(many))).toBe(T.tooLarge);
  });
});

describe("plain text", () => {
  it("plainTextToDoc: blank lines split paragraphs, single newlines become hard breaks", () => {
    expect(plainTextToDoc("Привет,\nколлеги!\r\n\r\n  \nВторой абзац\n\n\n")).toEqual(
      doc(p(text("Привет,"), { type: "hardBreak" }, text("коллеги!")), p(text("Второй абзац"))),
    );
    expect(plainTextToDoc("a\n\nb\n\nc").content).toHaveLength(3);
  });
  it("plainTextToDoc strips control characters and the result validates", () => {
    const result = accepted(plainTextToDoc("a\u0000b\u0007c\uD800d"));
    expect(docToPlainText(result)).toBe("abcd");
  });
  it("plainTextToDoc of blank text is refused as empty", () => {
    expect(refusal(plainTextToDoc(" \n\n \t"))).toBe(T.empty);
  });
  it("plain text round-trips", () => {
    const source = "Первый абзац\nвторая строка\n\nВторой абзац <b>не жирный</b>";
    expect(docToPlainText(accepted(plainTextToDoc(source)))).toBe(source);
  });
  it("docToPlainText of every node", () => {
    expect(docToPlainText(EVERYTHING)).toBe(
      [
        "Заголовок", "Подзаголовок", "Мелкий",
        "жирныйкурсивзачёркнутыйкодссылкапочтавнутри\n@Анна Иванова",
        "- a\n\n  - b", "3. c", "> цитата", "a < b\n\tc", "x", "Схема", "текст\nтекст | ",
      ].join("\n\n"),
    );
  });
  it("excerpt collapses whitespace and cuts at a word with an ellipsis", () => {
    const d = accepted(plainTextToDoc("Слово ".repeat(100)));
    const short = excerpt(d, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short).toMatch(/^(Слово )+Слово…$/);
    expect(excerpt(accepted(plainTextToDoc("Коротко\n\nи ясно")))).toBe("Коротко и ясно");
    expect(excerpt(accepted(plainTextToDoc("а".repeat(300))), 10)).toBe(`${"а".repeat(9)}…`);
  });
  it("mentionedUserIds: unique, in order", () => {
    const d = accepted(doc(p(mention(ID2, "Б"), text(" и "), mention(ID, "А")), { type: "blockquote", content: [p(mention(ID2, "Б"))] }));
    expect(mentionedUserIds(d)).toEqual([ID2, ID]);
    expect(mentionedUserIds(accepted(doc(para())))).toEqual([]);
  });
});
