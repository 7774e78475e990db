/**
 * The one URL check of rich text, shared by the validator, the editor's Link extension and the
 * server sanitizer's expectations. Browser-safe.
 */

/** Longest URL accepted in a link or an image. */
export const MAX_URL_LENGTH = 2048;

/**
 * Whitespace, control and invisible characters anywhere in a URL, and the backslash (browsers read
 * `/\evil.example` as protocol-relative). Browsers strip some of these before reading the scheme,
 * which is how `java\tscript:` obfuscations work, so a URL containing any of them is refused
 * rather than cleaned.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\\]/;

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export type UrlKind = "link" | "image";

/**
 * True for `http:`/`https:` URLs with a host, `mailto:` (links only) and site-relative paths that
 * start with one `/`. Everything else is refused: other schemes (`javascript:`, `data:`,
 * `vbscript:`, `file:`), protocol-relative `//host`, entity-encoded or whitespace-split schemes.
 */
export function isSafeUrl(raw: unknown, kind: UrlKind): raw is string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_URL_LENGTH) return false;
  if (UNSAFE_CHARACTERS.test(raw)) return false;
  if (raw.startsWith("/")) return !raw.startsWith("//");
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === "mailto") return kind === "link" && raw.length > "mailto:".length;
  if (scheme !== "http" && scheme !== "https") return false;
  try {
    const url = new URL(raw);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

