/**
 * The morning digest as a mail: sections by kind (in the catalogue's order), inside each the
 * places (a thread, a community, an event…) with their counts, Russian plurals, a text and an
 * HTML part through the one mail layout.
 */
import { layoutMail, type MailBlock, type RenderedMail } from "../../../server/mail/templates.ts";
import { countRu, type PluralForms } from "../../utils/plural.ts";
import { NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type NotificationKind } from "./catalogue.ts";
import { describeNotification, NOTIFICATION_FORMS, NOTIFICATION_MAIL_TEXT as M } from "./strings.ts";

export interface DigestItem {
  kind: NotificationKind;
  payload: Record<string, unknown>;
  href: string;
  createdAt: Date;
  actorName: string | null;
}

/** At most this many lines in one mail; the rest is counted and left to the notifications page. */
export const DIGEST_MAX_LINES = 40;
const LINES_PER_PLACE = 3;

const PLACE_FORMS: Partial<Record<NotificationKind, PluralForms>> = {
  reply: ["ответ", "ответа", "ответов"],
  mention: ["упоминание", "упоминания", "упоминаний"],
  community_thread: ["новое обсуждение", "новых обсуждения", "новых обсуждений"],
  community_request: ["заявка", "заявки", "заявок"],
};

const placeOf = (p: Record<string, unknown>): string | null => (typeof p.threadTitle === "string" ? p.threadTitle : typeof p.title === "string" ? p.title : null);

/** Groups items by kind, then by place, newest first inside a place. */
export function groupDigest(items: readonly DigestItem[]): { kind: NotificationKind; total: number; places: { place: string | null; items: DigestItem[] }[] }[] {
  return NOTIFICATION_KIND_LIST.flatMap((kind) => {
    const ofKind = items.filter((i) => i.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    if (!ofKind.length) return [];
    const places = new Map<string, { place: string | null; items: DigestItem[] }>();
    for (const item of ofKind) {
      const place = placeOf(item.payload);
      const key = place ?? "";
      if (!places.has(key)) places.set(key, { place, items: [] });
      places.get(key)!.items.push(item);
    }
    return [{ kind, total: ofKind.length, places: [...places.values()] }];
  });
}

/** Renders the digest of one person's morning. `date` is the local date as the formatter writes it. */
export function renderDigest(d: { name: string; date: string; items: readonly DigestItem[]; origin: string; footer: MailBlock[] }): RenderedMail {
  const total = countRu(d.items.length, NOTIFICATION_FORMS);
  const blocks: MailBlock[] = [{ kind: "p", text: M.digestLead(d.date, total) }];
  let lines = 0;
  let shown = 0;
  for (const section of groupDigest(d.items)) {
    if (lines >= DIGEST_MAX_LINES) break;
    blocks.push({ kind: "heading", text: `${NOTIFICATION_KINDS[section.kind].digestHeading}: ${countRu(section.total, PLACE_FORMS[section.kind] ?? NOTIFICATION_FORMS)}` });
    for (const { place, items } of section.places) {
      if (lines >= DIGEST_MAX_LINES) break;
      if (items.length > 1 && place) blocks.push({ kind: "p", text: `«${place}» — ${countRu(items.length, PLACE_FORMS[section.kind] ?? NOTIFICATION_FORMS)}` });
      for (const item of items.slice(0, LINES_PER_PLACE)) {
        if (lines >= DIGEST_MAX_LINES) break;
        const excerpt = typeof item.payload.excerpt === "string" && item.payload.excerpt ? ` — «${item.payload.excerpt}»` : "";
        blocks.push({ kind: "link", text: `${describeNotification(item.kind, item.payload, item.actorName)}${excerpt}`, href: `${d.origin}${item.href}` });
        lines++;
        shown++;
      }
      // The place's older items beyond the first few are counted in its line, not listed.
      shown += Math.max(0, items.length - LINES_PER_PLACE);
    }
  }
  const left = d.items.length - shown;
  if (left > 0) blocks.push({ kind: "p", text: M.digestMore(countRu(left, NOTIFICATION_FORMS)) });
  blocks.push({ kind: "link", text: M.digestOpen, href: `${d.origin}/notifications` });
  return layoutMail(M.digestSubject(total), `Здравствуйте, ${d.name}!`, blocks, d.footer);
}
