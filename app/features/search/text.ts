/**
 * Text helpers of the search, shared by both providers and the pages. Browser-safe.
 */
import { foldYo } from "../../utils/text.ts";

/** Marks put around highlighted words by the engines; never present in stored text. */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

// Control characters (our marks among them) never reach the index.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as stored for display and highlighting: control characters (our marks among them) removed, spaces collapsed. */
export function cleanForIndex(text: string | null | undefined): string {
  return (text ?? "").normalize("NFC").replace(CONTROL, " ").replace(/[ \t]+/g, " ").trim();
}

/** Text as matched: cleaned, with ё folded to е (1:1, so positions carry over). */
export function foldForIndex(text: string | null | undefined): string {
  return foldYo(cleanForIndex(text));
}

/** A query as typed, folded the same way and cut to a sane length. */
export function foldQuery(q: string): string {
  return foldForIndex(q).replace(/\s+/g, " ").slice(0, 200);
}

/** Lower-case words of at least `min` letters (Cyrillic or Latin), as the typo dictionary keeps them. */
export function wordsOf(text: string, min = 4): string[] {
  const out = new Set<string>();
  for (const m of text.toLocaleLowerCase("ru").matchAll(/[\p{L}]+/gu)) {
    const w = m[0];
    if (w.length >= min && w.length <= 40) out.add(w);
  }
  return [...out];
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Turns engine output with MARK_START/MARK_END around matches into safe HTML: the whole string is
 * escaped first, and only then are the marks replaced by <mark> tags. Unbalanced marks are closed.
 */
export function highlightToHtml(marked: string): string {
  let open = false;
  let html = "";
  // eslint-disable-next-line no-control-regex -- the engines' highlight marks are control characters
  for (const part of escapeHtml(marked).split(/([\u0001\u0002])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += part.replace(CONTROL, "");
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Cuts a plain text to about `max` characters on a word boundary, escaped, without marks. */
export function plainSnippet(text: string, max = 220): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return escapeHtml(t);
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${escapeHtml(cut.slice(0, space > max / 2 ? space : max))} …`;
}

/**
 * How much of each text a document keeps in the index. PostgreSQL refuses a tsvector over 1 MB
 * ("string is too long for tsvector"): a practice with several long attachments, or a thread with
 * thousands of replies, would otherwise fail to index at all. Words past ~16 000 positions rank
 * alike anyway. The worst case (short words that are all different) stays under the limit.
 */
export const INDEX_TEXT_LIMITS = { title: 1_000, summary: 10_000, body: 100_000, attachmentsText: 100_000 } as const;

/** Cuts a text to `max` characters without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? "") ? max - 1 : max;
  return text.slice(0, end);
}
