/**
 * Rich text to HTML on the server, without a DOM: tiptap's static renderer over the same
 * extensions as the editor, then sanitize-html with an explicit allowlist as a second layer.
 */
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { parseRichText, type RichDoc } from "./document.ts";
import { LINK_REL, richTextExtensions } from "./extensions.ts";

const extensions = richTextExtensions();

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "code", "br", "hr",
    "strong", "em", "s", "u", "a", "img", "table", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "target", "rel", "class", "data-mention"],
    img: ["src", "alt", "title", "loading"],
    ol: ["start"],
    code: ["class"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { a: ["mention"], code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const mention = attribs["data-mention"];
      if (mention !== undefined && attribs.class === "mention") {
        return { tagName, attribs: { href: attribs.href ?? "", class: "mention", "data-mention": mention } };
      }
      const link: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined) link.href = attribs.href;
      if (attribs.target === "_blank") link.target = "_blank";
      link.rel = LINK_REL;
      return { tagName, attribs: link };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
  },
};

/**
 * The second layer on its own: strips everything outside the rich-text tag and attribute
 * allowlist from HTML. `renderRichText` applies it to the static renderer's output.
 */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/**
 * HTML of a rich-text document, safe to insert as is. The document is validated again here, so a
 * document that bypassed the edge (old rows, imports) can never render.
 * @throws Error when the document is refused by `parseRichText`.
 */
export function renderRichText(doc: RichDoc): string {
  const checked = parseRichText(doc);
  if (!checked.ok) throw new Error(`renderRichText: refused document: ${checked.error}`);
  const html = renderToHTMLString({ content: checked.doc, extensions });
  return sanitizeRichHtml(html);
}
