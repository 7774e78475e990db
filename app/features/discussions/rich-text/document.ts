/**
 * Rich text as stored: ProseMirror JSON checked against our own allowlist. Browser-safe (no node
 * imports, no tiptap), so forms can run the same check before posting.
 *
 * The allowlist is the only gate between a client's JSON and the renderer: every node, mark and
 * attribute is listed here; anything else, including attributes tiptap would accept, is refused.
 */
import { z } from "zod";
import { RICH_TEXT_TEXT as T, richTextMessages as M } from "./strings.ts";
import { isSafeUrl } from "./url.ts";

export { docToPlainText, excerpt, mentionedUserIds, plainTextToDoc } from "./plain-text.ts";

/** Limits of one rich-text document. */
export const RICH_TEXT_LIMITS = {
  /** Nesting below the doc node (a top-level paragraph is at depth 1, its text at depth 2). */
  maxDepth: 12,
  /** Nodes of every kind, the doc included. */
  maxNodes: 5000,
  /** Characters of the JSON serialization. */
  maxSerializedLength: 100_000,
  /** Characters of text across all text nodes. */
  maxTextLength: 20_000,
} as const;

export const RICH_NODE_TYPES = [
  "doc", "paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock",
  "hardBreak", "horizontalRule", "text", "image", "table", "tableRow", "tableHeader", "tableCell", "mention",
] as const;
export type RichNodeType = (typeof RICH_NODE_TYPES)[number];

export type RichMark =
  | { type: "bold" | "italic" | "strike" | "code" | "underline" }
  | { type: "link"; attrs: { href: string; target: "_blank" | null } };

type AttrValue = string | number | number[] | null;

/** One validated node; attrs hold only the attributes of the allowlist, normalised. */
export interface RichNode {
  type: RichNodeType;
  attrs?: Record<string, AttrValue>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}

export interface RichDoc extends RichNode {
  type: "doc";
  content: RichNode[];
}

export type ParseRichTextResult = { ok: true; doc: RichDoc } | { ok: false; error: string };

// C0 controls other than tab and newline, and unpaired surrogates (PostgreSQL refuses both in jsonb).
// eslint-disable-next-line no-control-regex
const BAD_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hasOnlyGoodCharacters = (s: string) => !BAD_CHARACTERS.test(s);

const safeString = (max: number, tooLong: string) =>
  z.string().max(max, { error: tooLong }).refine(hasOnlyGoodCharacters, { error: T.badCharacters });
const span = z.int({ error: T.tableCell }).min(1, { error: T.tableCell }).max(20, { error: T.tableCell });

const cellAttrs = z
  .strictObject({
    colspan: span.optional(),
    rowspan: span.optional(),
    colwidth: z.array(z.int().min(1).max(5000)).max(20).nullable().optional(),
    align: z.null().optional(), // tiptap's default, never set by our toolbar
  })
  .transform((a) => ({ colspan: a.colspan ?? 1, rowspan: a.rowspan ?? 1, colwidth: a.colwidth ?? null }));

const noAttrs = z.strictObject({}).transform(() => undefined);

/** Attribute schemas per node type; they output the normalised attrs (undefined: none). */
const NODE_ATTRS: Record<RichNodeType, z.ZodType<Record<string, AttrValue> | undefined> | null> = {
  doc: noAttrs,
  paragraph: noAttrs,
  heading: z.strictObject({ level: z.literal([2, 3, 4], { error: T.headingLevel }) }),
  bulletList: noAttrs,
  orderedList: z
    .strictObject({
      start: z.int({ error: T.listStart }).min(1, { error: T.listStart }).max(1_000_000, { error: T.listStart }).optional(),
      type: z.null().optional(),
    })
    .transform((a) => ({ start: a.start ?? 1 })),
  listItem: noAttrs,
  blockquote: noAttrs,
  codeBlock: z
    .strictObject({ language: z.string().regex(/^[a-z0-9+#-]{1,20}$/, { error: T.codeLanguage }).nullable().optional() })
    .transform((a) => ({ language: a.language ?? null })),
  hardBreak: noAttrs,
  horizontalRule: noAttrs,
  text: null,
  image: z
    .strictObject({
      src: z.string({ error: T.badImage }).refine((src) => isSafeUrl(src, "image"), { error: T.badImage }),
      alt: safeString(300, T.altTooLong).nullable().optional(),
      title: safeString(300, T.titleTooLong).nullable().optional(),
      width: z.null().optional(),
      height: z.null().optional(),
    })
    .transform((a) => ({ src: a.src, alt: a.alt ?? null, title: a.title ?? null })),
  table: noAttrs,
  tableRow: noAttrs,
  tableHeader: cellAttrs,
  tableCell: cellAttrs,
  mention: z
    .strictObject({
      id: z.uuid({ error: T.mention }),
      label: z.string({ error: T.mentionLabel }).min(1, { error: T.mentionLabel }).max(200, { error: T.mentionLabel }).refine(hasOnlyGoodCharacters, { error: T.badCharacters }),
      mentionSuggestionChar: z.literal("@").optional(),
    })
    .transform((a) => ({ id: a.id.toLowerCase(), label: a.label })),
};

const emptyMarkAttrs = z.strictObject({}).optional();
const MARKS = {
  bold: emptyMarkAttrs,
  italic: emptyMarkAttrs,
  strike: emptyMarkAttrs,
  code: emptyMarkAttrs,
  underline: emptyMarkAttrs,
  link: z.strictObject({
    href: z.string({ error: T.badLink }).refine((href) => isSafeUrl(href, "link"), { error: T.badLink }),
    target: z.literal("_blank").nullable().optional(),
    rel: z.string().max(200).nullable().optional(), // ignored: the renderer sets rel itself
    class: z.null().optional(),
    title: z.null().optional(),
  }),
} as const;
type MarkType = keyof typeof MARKS;

const BLOCK: readonly RichNodeType[] = ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "codeBlock", "horizontalRule", "image", "table"];
const INLINE: readonly RichNodeType[] = ["text", "hardBreak", "mention"];
const LEAF: readonly RichNodeType[] = [];

/** Which children a node may hold and how many at least (the tiptap schema, checked without it). */
const CONTENT: Record<RichNodeType, { children: readonly RichNodeType[]; min: number }> = {
  doc: { children: BLOCK, min: 1 },
  paragraph: { children: INLINE, min: 0 },
  heading: { children: INLINE, min: 0 },
  bulletList: { children: ["listItem"], min: 1 },
  orderedList: { children: ["listItem"], min: 1 },
  listItem: { children: BLOCK, min: 1 },
  blockquote: { children: BLOCK, min: 1 },
  codeBlock: { children: ["text"], min: 0 },
  hardBreak: { children: LEAF, min: 0 },
  horizontalRule: { children: LEAF, min: 0 },
  text: { children: LEAF, min: 0 },
  image: { children: LEAF, min: 0 },
  table: { children: ["tableRow"], min: 1 },
  tableRow: { children: ["tableCell", "tableHeader"], min: 1 },
  tableHeader: { children: BLOCK, min: 1 },
  tableCell: { children: BLOCK, min: 1 },
  mention: { children: LEAF, min: 0 },
};

const nodeShape = z.strictObject({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(z.unknown()).optional(),
  marks: z.array(z.unknown()).optional(),
  text: z.string().optional(),
});
const markShape = z.strictObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });

/** Thrown inside the walk; carries the message shown to the person. */
class Refusal extends Error {}

/** JSON.parse keeps "__proto__" as an own key, and zod drops it silently: refuse it instead. */
const hasProtoKey = (value: unknown) => typeof value === "object" && value !== null && Object.hasOwn(value, "__proto__");

const OUR_MESSAGES = new Set<string>(Object.values(T));

/** Our own message when the schema produced one, otherwise the generic one. */
function messageOf(error: z.ZodError, fallback: string): string {
  const own = error.issues.find((issue) => OUR_MESSAGES.has(issue.message));
  return own?.message ?? fallback;
}

const isNodeType = (type: string): type is RichNodeType => (RICH_NODE_TYPES as readonly string[]).includes(type);
const isMarkType = (type: string): type is MarkType => Object.hasOwn(MARKS, type);
const WHITESPACE_ONLY = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

class Walk {
  nodes = 0;
  textLength = 0;
  /** Something visible: non-blank text, a mention or an image. */
  hasContent = false;

  node(input: unknown, depth: number, parent: RichNodeType | null): RichNode {
    if (depth > RICH_TEXT_LIMITS.maxDepth) throw new Refusal(T.tooDeep);
    if (++this.nodes > RICH_TEXT_LIMITS.maxNodes) throw new Refusal(T.tooManyNodes);
    const shape = nodeShape.safeParse(input);
    if (!shape.success || hasProtoKey(input)) throw new Refusal(T.malformed);
    const { type, attrs, content, marks, text } = shape.data;
    if (!isNodeType(type)) throw new Refusal(M.unknownNode(type));
    if (parent === null ? type !== "doc" : !CONTENT[parent].children.includes(type)) {
      throw new Refusal(type === "doc" || parent === null ? T.malformed : M.misplaced(type, parent));
    }
    const out: RichNode = { type };

    const attrSchema = NODE_ATTRS[type];
    if (attrSchema === null) {
      if (attrs !== undefined) throw new Refusal(M.badAttrs(type));
    } else if (hasProtoKey((input as { attrs?: unknown }).attrs)) {
      throw new Refusal(M.badAttrs(type));
    } else {
      const parsed = attrSchema.safeParse(attrs ?? {});
      if (!parsed.success) throw new Refusal(messageOf(parsed.error, M.badAttrs(type)));
      if (parsed.data !== undefined) out.attrs = parsed.data;
    }

    if (type === "text") {
      if (text === undefined || text === "") throw new Refusal(T.emptyText);
      if (!hasOnlyGoodCharacters(text)) throw new Refusal(T.badCharacters);
      this.textLength += text.length;
      if (this.textLength > RICH_TEXT_LIMITS.maxTextLength) throw new Refusal(T.textTooLong);
      if (!WHITESPACE_ONLY.test(text)) this.hasContent = true;
      out.text = text;
    } else if (text !== undefined) {
      throw new Refusal(T.malformed);
    }
    if (type === "mention" || type === "image") this.hasContent = true;

    if (marks !== undefined && marks.length > 0) {
      if (!INLINE.includes(type) || parent === "codeBlock") throw new Refusal(M.unknownMark(type));
      out.marks = this.marks(marks);
    }

    const rule = CONTENT[type];
    const children = content ?? [];
    if (rule.children.length === 0 && content !== undefined && content.length > 0) throw new Refusal(T.malformed);
    if (children.length < rule.min) throw new Refusal(type === "doc" ? T.empty : M.needsContent(type));
    if (type === "listItem" && (children[0] as { type?: unknown } | undefined)?.type !== "paragraph") {
      throw new Refusal(M.needsContent(type));
    }
    if (children.length > 0) out.content = children.map((child) => this.node(child, depth + 1, type));
    return out;
  }

  marks(input: unknown[]): RichMark[] {
    const seen = new Set<string>();
    return input.map((raw) => {
      const shape = markShape.safeParse(raw);
      if (!shape.success || hasProtoKey(raw) || hasProtoKey((raw as { attrs?: unknown }).attrs)) throw new Refusal(T.malformed);
      const { type, attrs } = shape.data;
      if (!isMarkType(type)) throw new Refusal(M.unknownMark(type));
      if (seen.has(type)) throw new Refusal(T.malformed);
      seen.add(type);
      if (type === "link") {
        const parsed = MARKS.link.safeParse(attrs);
        if (!parsed.success) throw new Refusal(messageOf(parsed.error, T.badLink));
        return { type, attrs: { href: parsed.data.href, target: parsed.data.target ?? null } };
      }
      const parsed = MARKS[type].safeParse(attrs);
      if (!parsed.success) throw new Refusal(M.unknownMark(type));
      return { type };
    });
  }
}

/**
 * Checks untrusted ProseMirror JSON (an object, or its JSON text as posted by a form) against the
 * allowlist and limits. On success returns a normalised copy holding only allowlisted attributes;
 * on refusal a Russian message for the person.
 */
export function parseRichText(input: unknown): ParseRichTextResult {
  let value = input;
  if (typeof input === "string") {
    if (input.length > RICH_TEXT_LIMITS.maxSerializedLength) return { ok: false, error: T.tooLarge };
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, error: T.malformed };
    }
  }
  // The walk stops at the depth and node limits, so hostile input (cycles, huge nesting) stays cheap.
  const walk = new Walk();
  let doc: RichDoc;
  try {
    doc = walk.node(value, 0, null) as RichDoc;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
  if (!walk.hasContent) return { ok: false, error: T.empty };
  // Measured on what is stored: the normalised document.
  if (JSON.stringify(doc).length > RICH_TEXT_LIMITS.maxSerializedLength) return { ok: false, error: T.tooLarge };
  return { ok: true, doc };
}
