/**
 * The one list of tiptap extensions, shared by the editor (loaded lazily in the browser) and the
 * server renderer, so both build the same schema. Browser-safe; keep it out of route modules'
 * static imports, or tiptap lands in the initial bundle.
 */
import type { Extensions } from "@tiptap/core";
import { Image } from "@tiptap/extension-image";
import { Mention, type MentionOptions } from "@tiptap/extension-mention";
import { TableKit } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { isSafeUrl } from "./url.ts";

/** rel of every user link; the sanitizer sets it again on the server. */
export const LINK_REL = "nofollow noopener noreferrer ugc";

/** Where a mention points; the server renderer and the editor both use it. */
export const mentionHref = (id: string) => `/people/${encodeURIComponent(id)}`;

/** Image that refuses to parse pasted <img> with a src the validator would refuse anyway. */
const SafeImage = Image.extend({
  parseHTML() {
    return [{ tag: "img[src]", getAttrs: (element) => (isSafeUrl(element.getAttribute("src"), "image") ? null : false) }];
  },
});

export interface RichTextExtensionOptions {
  /** The mention picker (people search) of the editor; the server renderer needs none. */
  mentionSuggestion?: MentionOptions["suggestion"];
}

/** Extensions of the rich-text schema: exactly the nodes and marks `parseRichText` allows. */
export function richTextExtensions(options: RichTextExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      link: {
        // http, https and mailto are linkify's defaults; `protocols` is only for extra schemes.
        // isAllowedUri is our own check, so the editor refuses what the validator refuses.
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isSafeUrl(url, "link"),
        shouldAutoLink: (url) => isSafeUrl(url, "link"),
        HTMLAttributes: { target: null, rel: LINK_REL, class: null },
      },
    }),
    SafeImage.configure({ inline: false, allowBase64: false }),
    TableKit.configure({ table: { resizable: false, renderWrapper: false } }),
    Mention.configure({
      ...(options.mentionSuggestion ? { suggestion: options.mentionSuggestion } : {}),
      renderText: ({ node }) => `@${String(node.attrs.label ?? node.attrs.id)}`,
      renderHTML: ({ node }) => {
        const id = String(node.attrs.id);
        return ["a", { href: mentionHref(id), class: "mention", "data-mention": id }, `@${String(node.attrs.label ?? id)}`];
      },
    }),
  ];
}
