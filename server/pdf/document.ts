/**
 * PDF documents with Cyrillic text, shared by every capability that prints (event certificates,
 * plan reports): pdf-lib with fontkit and DejaVu Sans read from the `dejavu-fonts-ttf` package at
 * run time (the font is not copied into the repository). Fonts are embedded as subsets, with the
 * ToUnicode map pdf-lib writes, so the text can be extracted and searched. The bold face is
 * embedded only when asked for: the project's own extractor (app/features/search/extract.server.ts)
 * merges the ToUnicode maps of all fonts, so a document whose text must be extracted uses one font.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/** A4 portrait and landscape, in PDF points. */
export const A4 = { portrait: [595.28, 841.89] as [number, number], landscape: [841.89, 595.28] as [number, number] };
export const INK = rgb(0.1, 0.12, 0.16);
export const MUTED = rgb(0.35, 0.38, 0.43);

const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/** DejaVu Sans (regular and bold), read once from node_modules. */
function fontBytes() {
  fonts ??= Promise.all([readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"))]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

export interface PdfDocument {
  doc: PDFDocument;
  regular: PDFFont;
  /** DejaVu Sans Bold when `withBold` was asked for, else null. */
  bold: PDFFont | null;
  /** Adds a page of the given size (A4 portrait by default). */
  addPage(size?: [number, number]): PDFPage;
  /** The finished file. */
  save(): Promise<Uint8Array>;
}

/** A new document with the Cyrillic fonts embedded and its metadata set. */
export async function createPdfDocument(meta: { title: string; author?: string; subject?: string; withBold?: boolean }): Promise<PdfDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), meta.withBold ? doc.embedFont(bytes.bold, { subset: true }) : null]);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author ?? "Мост");
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setProducer("Мост");
  doc.setCreator("Мост");
  doc.setLanguage("ru-RU");
  return {
    doc,
    regular,
    bold,
    addPage: (size = A4.portrait) => doc.addPage(size),
    save: () => doc.save({ useObjectStreams: false }),
  };
}

/**
 * Splits text into lines no wider than `width` at the font size, by words; a word longer than a
 * line is cut into pieces that fit.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (font.widthOfTextAtSize(w, size) > width) {
        let n = w.length - 1;
        while (n > 1 && font.widthOfTextAtSize(w.slice(0, n), size) > width) n--;
        if (line) lines.push(line);
        lines.push(w.slice(0, n));
        line = "";
        w = w.slice(n);
      }
      const next = line ? `${line} ${w}` : w;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws text centred on the page at `y`, wrapped to `width`; returns the y below the last line. */
export function drawCentred(page: PDFPage, text: string, o: { y: number; font: PDFFont; size: number; width?: number; color?: ReturnType<typeof rgb> }): number {
  const width = o.width ?? page.getWidth() - 120;
  let y = o.y;
  for (const line of wrapText(text, o.font, o.size, width)) {
    const w = o.font.widthOfTextAtSize(line, o.size);
    page.drawText(line, { x: (page.getWidth() - w) / 2, y, size: o.size, font: o.font, color: o.color ?? INK });
    y -= o.size * 1.35;
  }
  return y;
}
