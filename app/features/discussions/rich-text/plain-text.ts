/**
 * Plain text in and out of rich text: a no-JS textarea's post becomes a document; a document
 * becomes text for excerpts, e-mails and search. Browser-safe; re-exported by document.ts.
 */
import type { RichDoc, RichNode } from "./document.ts";

// Characters PostgreSQL or the validator refuse: C0 controls other than tab/newline, lone surrogates.
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A document from plain text: blank lines separate paragraphs, single newlines become hard
 * breaks. The result still has to pass `parseRichText` (limits, emptiness).
 */
export function plainTextToDoc(text: string): RichDoc {
  const clean = text.replace(/\r\n?/g, "\n").replace(STRIPPED, "");
  const paragraphs = clean
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim() !== "");
  return {
    type: "doc",
    content: paragraphs.map((paragraph): RichNode => {
      const content: RichNode[] = [];
      paragraph.split("\n").forEach((line, index) => {
        if (index > 0) content.push({ type: "hardBreak" });
        if (line !== "") content.push({ type: "text", text: line });
      });
      return { type: "paragraph", content };
    }),
  };
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

function inlineText(node: RichNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "mention") return `@${str(node.attrs?.label) || str(node.attrs?.id)}`;
  return (node.content ?? []).map(inlineText).join("");
}

const indent = (text: string, prefix: string, rest: string) =>
  text
    .split("\n")
    .map((line, i) => (i === 0 ? prefix : line === "" ? "" : rest) + line)
    .join("\n");

function blocksText(nodes: RichNode[] | undefined): string {
  return (nodes ?? [])
    .map(blockText)
    .filter((text) => text !== "")
    .join("\n\n");
}

function blockText(node: RichNode): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "codeBlock":
      return inlineText(node);
    case "bulletList":
      return (node.content ?? []).map((item) => indent(blocksText(item.content), "- ", "  ")).join("\n");
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return (node.content ?? [])
        .map((item, i) => {
          const marker = `${start + i}. `;
          return indent(blocksText(item.content), marker, " ".repeat(marker.length));
        })
        .join("\n");
    }
    case "blockquote":
      return indent(blocksText(node.content), "> ", "> ");
    case "table":
      return (node.content ?? [])
        .map((row) => (row.content ?? []).map((cell) => blocksText(cell.content).replace(/\s*\n\s*/g, " ")).join(" | "))
        .join("\n");
    case "image":
      return str(node.attrs?.alt);
    case "horizontalRule":
      return "";
    default:
      return blocksText(node.content);
  }
}

/** Text of a document: paragraphs separated by blank lines, lists with markers, quotes with "> ". */
export function docToPlainText(doc: RichDoc): string {
  return blockText(doc);
}

/** At most `max` characters of text on one line, cut at a word boundary with "…". */
export function excerpt(doc: RichDoc, max = 200): string {
  const flat = docToPlainText(doc).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.6) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Ids of the people mentioned, each once, in order of first mention. */
export function mentionedUserIds(doc: RichDoc): string[] {
  const ids = new Set<string>();
  const visit = (node: RichNode) => {
    if (node.type === "mention" && typeof node.attrs?.id === "string") ids.add(node.attrs.id);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...ids];
}
