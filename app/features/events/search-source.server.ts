/**
 * Events for the search: every event is public (the catalogue is open to guests); a cancelled
 * event stays findable with its status in the summary. The online link is never indexed.
 */
import { asc, eq, gt, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { organisations, programmeEvents } from "../../../db/schema/index.ts";
import { docToPlainText } from "../discussions/rich-text/plain-text.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";
import type { SearchDocument } from "../search/provider.ts";
import { FORMAT_LABELS, TYPE_LABELS } from "./strings.ts";

const plain = (doc: unknown) => {
  try {
    return docToPlainText(doc as RichDoc);
  } catch {
    return "";
  }
};

/** The search source of events (kind "event", stream "event:<id>"). */
export const eventSearchSource = {
  kind: "event" as const,
  async load(ex: Executor, ids: readonly string[]): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const rows = await ex
      .select({ e: programmeEvents, organisation: organisations.shortName })
      .from(programmeEvents)
      .innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId))
      .where(inArray(programmeEvents.id, [...ids]));
    return rows.map(({ e, organisation }) => ({
      kind: "event" as const,
      refId: e.id,
      url: `/events/${e.id}`,
      title: e.title,
      summary: [TYPE_LABELS[e.type], FORMAT_LABELS[e.format], organisation, e.status === "cancelled" ? "отменено" : null].filter(Boolean).join(" · "),
      body: [e.summary, plain(e.programme), e.speakers.map((s) => [s.name, s.about].filter(Boolean).join(" — ")).join("\n"), e.venue ?? ""].join("\n"),
      attachmentsText: "",
      access: ["public"],
      subjects: [],
      gradeBands: [],
      themes: [],
      docKind: e.type,
      regionId: e.regionId,
      publishedAt: e.startsAt,
      usefulness: e.registeredCount,
    }));
  },
  async ids(ex: Executor, after: string | null, limit: number): Promise<string[]> {
    const rows = await ex.select({ id: programmeEvents.id }).from(programmeEvents).where(after ? gt(programmeEvents.id, after) : undefined).orderBy(asc(programmeEvents.id)).limit(limit);
    return rows.map((r) => r.id);
  },
};
