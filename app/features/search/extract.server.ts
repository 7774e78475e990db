/**
 * Text of attachments for the index: DOCX and ODT (zip + XML, read with jszip) and PDF (a small
 * reader of text operators with ToUnicode maps; `pdfjs-dist` would read more PDFs and can replace
 * it behind the same function). Old binary DOC files are read as their visible UTF-16 runs.
 */
import zlib from "node:zlib";
import JSZip from "jszip";

/** At most this much text is kept per attachment (the index is not a file store). */
export const MAX_EXTRACTED_CHARS = 200_000;

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export type Extracted = { status: "done"; text: string } | { status: "unsupported" | "failed"; text: "" };

/** Extracts the text of a file by its extension; never throws. */
export async function extractText(extension: string, bytes: Uint8Array): Promise<Extracted> {
  const ext = extension.toLowerCase().replace(/^\./, "");
  try {
    let text: string;
    if (ext === "pdf") text = pdfText(bytes);
    else if (ext === "docx") text = await zipXmlText(bytes, /^word\/(document|footnotes|endnotes)\.xml$/, "w:p");
    else if (ext === "odt") text = await zipXmlText(bytes, /^content\.xml$/, "text:p|text:h");
    else if (ext === "doc") text = legacyDocText(bytes);
    else return { status: "unsupported", text: "" };
    // Control characters go: PostgreSQL refuses a NUL in text, and a ToUnicode map or `&#0;` yields one easily.
    const clean = text.replace(CONTROL, " ").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
    return { status: "done", text: clean.slice(0, MAX_EXTRACTED_CHARS) };
  } catch {
    return { status: "failed", text: "" };
  }
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return XML_ENTITIES[e] ?? all;
  });
}

/** Text of the XML parts of a zip whose names match, one line per paragraph element. */
async function zipXmlText(bytes: Uint8Array, part: RegExp, paragraph: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => part.test(n)).sort();
  const out: string[] = [];
  const paragraphEnd = new RegExp(`</(?:${paragraph})>`, "g");
  for (const name of names) {
    const xml = await zip.files[name]!.async("string");
    out.push(
      decodeXml(
        xml
          .replace(paragraphEnd, "\n")
          .replace(/<(?:w:tab|text:tab|text:s)\b[^>]*\/>/g, " ")
          .replace(/<(?:w:br|text:line-break)\b[^>]*\/>/g, "\n")
          .replace(/<[^>]+>/g, ""),
      ),
    );
  }
  return out.join("\n");
}

/** Old Word files: runs of printable UTF-16LE characters (Cyrillic included) of 4+ letters. */
function legacyDocText(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-16le").decode(bytes);
  return (text.match(/[\p{L}\p{N}\p{P}\s]{4,}/gu) ?? []).filter((r) => /\p{L}{3,}/u.test(r)).join(" ");
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

/** The decoded streams of a PDF (FlateDecode inflated, others as stored). */
function pdfStreams(pdf: string): string[] {
  const out: string[] = [];
  const re = /<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) {
    const start = m.index + m[0].length;
    const end = pdf.indexOf("endstream", start);
    if (end < 0) break;
    const raw = Buffer.from(pdf.slice(start, end).replace(/\r?\n$/, ""), "latin1");
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        out.push(latin1(zlib.inflateSync(raw)));
      } catch {
        try {
          out.push(latin1(zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH })));
        } catch {
          // a stream we cannot read (images, other filters)
        }
      }
    } else if (!/\/Filter/.test(m[1]!)) out.push(raw.toString("latin1"));
    re.lastIndex = end;
  }
  return out;
}

const hexToCodes = (hex: string) => hex.replace(/\s+/g, "");
function utf16Hex(hex: string): string {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

/** All ToUnicode maps merged (codes as hex strings → text) and the code width in hex digits. */
function toUnicodeMaps(streams: string[]): { map: Map<string, string>; width: number } {
  const map = new Map<string, string>();
  let width = 2;
  for (const s of streams) {
    if (!s.includes("begincmap")) continue;
    for (const block of s.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const m of block.matchAll(/<([0-9a-fA-F\s]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
        const src = hexToCodes(m[1]!).toLowerCase();
        width = Math.max(width, src.length);
        map.set(src, utf16Hex(hexToCodes(m[2]!)));
      }
    }
    for (const block of s.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        const digits = m[1]!.length;
        width = Math.max(width, digits);
        if (hi - lo > 0xffff) continue;
        const targets = m[3]!.startsWith("[") ? [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1]!) : null;
        const base = targets ? 0 : parseInt(m[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) {
          const key = c.toString(16).padStart(digits, "0");
          map.set(key, targets ? utf16Hex(targets[c - lo] ?? "") : String.fromCharCode(base + c - lo));
        }
      }
    }
  }
  return { map, width };
}

function literalBytes(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_a, e: string) => {
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
    if (simple[e] !== undefined) return simple[e]!;
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return "";
  });
}

/** Decodes one string operand: through the ToUnicode map when there is one, else as Latin-1/UTF-16. */
function decodeOperand(bytes: string, cmap: { map: Map<string, string>; width: number }): string {
  if (bytes.startsWith("\u00fe\u00ff")) return new TextDecoder("utf-16be").decode(Buffer.from(bytes.slice(2), "latin1"));
  const hex = Buffer.from(bytes, "latin1").toString("hex");
  if (cmap.map.size === 0) return bytes;
  let out = "";
  for (let i = 0; i < hex.length; ) {
    const w = cmap.width;
    const hit = cmap.map.get(hex.slice(i, i + w)) ?? (w > 2 ? cmap.map.get(hex.slice(i, i + 2)) : undefined);
    if (hit !== undefined) {
      out += hit;
      i += cmap.map.has(hex.slice(i, i + w)) ? w : 2;
    } else {
      out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
      i += 2;
    }
  }
  return out;
}

/** Text shown by a content stream's text operators (Tj, TJ, ', "), lines broken at moves. */
function contentText(stream: string, cmap: { map: Map<string, string>; width: number }): string {
  const token = /\((?:\\[\s\S]|[^\\)])*\)|<[0-9a-fA-F\s]*>|\[|\]|-?\d*\.?\d+|\/[^\s/[\]()<>]+|[A-Za-z'"*]+/g;
  let out = "";
  const operands: Array<{ text: string } | { kern: number }> = [];
  for (const m of stream.matchAll(token)) {
    const t = m[0];
    if (t.startsWith("(")) operands.push({ text: decodeOperand(literalBytes(t.slice(1, -1)), cmap) });
    else if (t.startsWith("<")) operands.push({ text: decodeOperand(Buffer.from(hexToCodes(t.slice(1, -1)), "hex").toString("latin1"), cmap) });
    else if (/^-?\d*\.?\d+$/.test(t)) operands.push({ kern: Number(t) });
    else if (t === "[" || t === "]" || t.startsWith("/")) continue;
    else {
      if (t === "Tj" || t === "TJ" || t === "'" || t === '"') {
        if (t !== "Tj" && t !== "TJ") out += "\n";
        for (const o of operands) {
          if ("text" in o) out += o.text;
          else if (t === "TJ" && o.kern < -180) out += " ";
        }
      } else if (t === "Td" || t === "TD" || t === "T*" || t === "ET") out += "\n";
      else if (t === "Tm") out += " ";
      operands.length = 0;
    }
  }
  return out;
}

/** The text of a PDF (unencrypted, text drawn with Tj/TJ). */
function pdfText(bytes: Uint8Array): string {
  const pdf = latin1(bytes);
  if (!pdf.startsWith("%PDF-")) throw new Error("not a PDF");
  const streams = pdfStreams(pdf);
  const cmap = toUnicodeMaps(streams);
  return streams
    .filter((s) => !s.includes("begincmap") && /\bBT\b/.test(s))
    .map((s) => contentText(s, cmap))
    .join("\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n+ */g, "\n");
}
