/**
 * Sources of the search: per kind, how to build documents from the capabilities' tables (read
 * only) and which refs exist (for a rebuild). A source returns nothing for an id that must not be
 * findable (deleted, hidden, a person whose name is private): the indexer then removes it.
 */
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import {
  communities,
  municipalities,
  organisations,
  posts,
  practiceAttachments,
  practices,
  practiceVersions,
  profiles,
  regions,
  searchAttachmentTexts,
  threads,
  users,
} from "../../../db/schema/index.ts";
import { docToPlainText } from "../discussions/rich-text/plain-text.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";
import { SUBJECTS, TOPICS } from "../vocabulary/index.ts";
import type { PublicField } from "../profiles/fields.ts";
import type { SearchDocument, SearchKind } from "./provider.ts";
import { eventSearchSource } from "../events/search-source.server.ts";

export interface SearchSource {
  kind: SearchKind;
  /** Documents of the given ids that may be found; ids missing from the answer are to be removed. */
  load(ex: Executor, ids: readonly string[]): Promise<SearchDocument[]>;
  /** A page of ids in id order after `after` (the rebuild walks them). */
  ids(ex: Executor, after: string | null, limit: number): Promise<string[]>;
}

const SUBJECT_LABEL = new Map<string, string>(SUBJECTS.map((s) => [s.code, s.label]));
const TOPIC_LABEL = new Map<string, string>(TOPICS.map((t) => [t.code, t.label]));
const labels = (codes: readonly string[], map: Map<string, string>) => codes.map((c) => map.get(c) ?? c).join(", ");
const plain = (body: unknown) => {
  try {
    return docToPlainText(body as RichDoc);
  } catch {
    return "";
  }
};
const EPOCH = new Date("2000-01-01T00:00:00Z");


/**
 * Who may find a thread, by its owner: an open community's threads are public, a closed one's
 * need `community:<id>`, a partnership workspace's `partnership:<id>`, a practice's comments follow
 * the practice. Owners unknown here are never indexed.
 */
async function threadAccess(ex: Executor, rows: Array<{ ownerKind: string; ownerId: string }>) {
  const out = new Map<string, { access: string[]; subjects: string[]; themes: string[]; regionId: string | null; docKind: string | null; place: string }>();
  const communityIds = rows.filter((r) => r.ownerKind === "community").map((r) => r.ownerId);
  if (communityIds.length) {
    const cs = await ex.select().from(communities).where(inArray(communities.id, communityIds));
    for (const c of cs)
      out.set(`community:${c.id}`, {
        access: [c.visibility === "open" ? "public" : `community:${c.id}`],
        subjects: c.subjectCode ? [c.subjectCode] : [],
        themes: c.topicCode ? [c.topicCode] : [],
        regionId: c.regionId,
        docKind: "community",
        place: c.name,
      });
  }
  for (const r of rows) if (r.ownerKind === "partnership") out.set(`partnership:${r.ownerId}`, { access: [`partnership:${r.ownerId}`], subjects: [], themes: [], regionId: null, docKind: "partnership", place: "" });
  const practiceIds = rows.filter((r) => r.ownerKind === "practice").map((r) => r.ownerId);
  if (practiceIds.length) {
    const ps = await ex.select({ id: practices.id, published: practices.publishedVersionId, title: practices.title, subjects: practices.subjects, themes: practices.themes, regionId: practices.regionId }).from(practices).where(inArray(practices.id, practiceIds));
    for (const p of ps) out.set(`practice:${p.id}`, { access: [p.published ? "public" : `practice:${p.id}`], subjects: p.subjects, themes: p.themes, regionId: p.regionId, docKind: "practice", place: p.title ?? "" });
  }
  return out;
}

const threadSource: SearchSource = {
  kind: "thread",
  async load(ex, ids) {
    if (ids.length === 0) return [];
    const ts = await ex.select().from(threads).where(inArray(threads.id, [...ids]));
    const owners = await threadAccess(ex, ts);
    const ps = await ex
      .select({ threadId: posts.threadId, seq: posts.seq, body: posts.body })
      .from(posts)
      .where(and(inArray(posts.threadId, [...ids]), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
      .orderBy(asc(posts.threadId), asc(posts.seq));
    const texts = new Map<string, { first: string; rest: string[] }>();
    for (const p of ps) {
      const t = texts.get(p.threadId) ?? { first: "", rest: [] };
      if (p.seq === 1) t.first = plain(p.body);
      else t.rest.push(plain(p.body));
      texts.set(p.threadId, t);
    }
    const docs: SearchDocument[] = [];
    for (const t of ts) {
      const owner = owners.get(`${t.ownerKind}:${t.ownerId}`);
      if (!owner) continue;
      const text = texts.get(t.id) ?? { first: "", rest: [] };
      docs.push({
        kind: "thread",
        refId: t.id,
        url: `/threads/${t.id}`,
        title: t.title,
        summary: text.first,
        body: text.rest.join("\n"),
        attachmentsText: "",
        access: owner.access,
        subjects: owner.subjects,
        gradeBands: [],
        themes: owner.themes,
        docKind: owner.docKind,
        regionId: owner.regionId,
        publishedAt: t.createdAt,
        usefulness: Math.max(0, t.postCount - 1),
      });
    }
    return docs;
  },
  async ids(ex, after, limit) {
    const rows = await ex.select({ id: threads.id }).from(threads).where(after ? gt(threads.id, after) : undefined).orderBy(asc(threads.id)).limit(limit);
    return rows.map((r) => r.id);
  },
};

/** People whose name is public, with only the fields they made public. */
const personSource: SearchSource = {
  kind: "person",
  async load(ex, ids) {
    if (ids.length === 0) return [];
    const rows = await ex
      .select({ id: users.id, name: users.name, status: users.status, createdAt: users.createdAt, p: profiles, orgName: organisations.name, orgRegion: organisations.regionId })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(inArray(users.id, [...ids]));
    const docs: SearchDocument[] = [];
    for (const r of rows) {
      const shown = new Set(r.p.publicFields as PublicField[]);
      if (r.status === "deleted" || !shown.has("name")) continue;
      const summary = [shown.has("position") ? r.p.position : null, shown.has("organisation") ? r.orgName : null].filter(Boolean).join(", ");
      const body = [
        shown.has("subjects") ? labels(r.p.subjects, SUBJECT_LABEL) : "",
        shown.has("canHelp") && r.p.canHelp.length ? `Могу помочь: ${labels(r.p.canHelp, TOPIC_LABEL)}` : "",
        shown.has("needsHelp") && r.p.needsHelp.length ? `Нужна помощь: ${labels(r.p.needsHelp, TOPIC_LABEL)}` : "",
        shown.has("bio") ? (r.p.bio ?? "") : "",
      ]
        .filter(Boolean)
        .join("\n");
      docs.push({
        kind: "person",
        refId: r.id,
        url: `/people/${r.id}`,
        title: r.name,
        summary,
        body,
        attachmentsText: "",
        access: ["public"],
        subjects: shown.has("subjects") ? r.p.subjects : [],
        gradeBands: [],
        themes: shown.has("canHelp") ? r.p.canHelp : [],
        docKind: null,
        regionId: shown.has("organisation") ? (r.orgRegion ?? null) : null,
        publishedAt: r.createdAt ?? EPOCH,
        usefulness: 0,
      });
    }
    return docs;
  },
  async ids(ex, after, limit) {
    const rows = await ex.select({ id: profiles.userId }).from(profiles).where(after ? gt(profiles.userId, after) : undefined).orderBy(asc(profiles.userId)).limit(limit);
    return rows.map((r) => r.id);
  },
};

const organisationSource: SearchSource = {
  kind: "organisation",
  async load(ex, ids) {
    if (ids.length === 0) return [];
    const rows = await ex
      .select({ o: organisations, municipality: municipalities.name, region: regions.name })
      .from(organisations)
      .innerJoin(regions, eq(regions.id, organisations.regionId))
      .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(inArray(organisations.id, [...ids]));
    return rows.map(({ o, municipality, region }) => ({
      kind: "organisation" as const,
      refId: o.id,
      url: `/organisations/${o.id}`,
      title: o.name,
      summary: [o.shortName, municipality, region].filter(Boolean).join(", "),
      body: o.address ?? "",
      attachmentsText: "",
      access: ["public"],
      subjects: [],
      gradeBands: [],
      themes: [],
      docKind: o.kind,
      regionId: o.regionId,
      publishedAt: o.createdAt,
      usefulness: 0,
    }));
  },
  async ids(ex, after, limit) {
    const rows = await ex.select({ id: organisations.id }).from(organisations).where(after ? gt(organisations.id, after) : undefined).orderBy(asc(organisations.id)).limit(limit);
    return rows.map((r) => r.id);
  },
};

/**
 * Practices: the published version for everybody; a practice never published is indexed from its
 * current version for its authors and reviewers only (`practice:<id>`). Attachment texts come from
 * the extraction job (search_attachment_texts).
 */
const practiceSource: SearchSource = {
  kind: "practice",
  async load(ex, ids) {
    if (ids.length === 0) return [];
    const ps = await ex.select().from(practices).where(inArray(practices.id, [...ids]));
    const versionIds = ps.map((p) => p.publishedVersionId ?? p.currentVersionId).filter((v): v is string => Boolean(v));
    if (versionIds.length === 0) return [];
    const versions = new Map((await ex.select().from(practiceVersions).where(inArray(practiceVersions.id, versionIds))).map((v) => [v.id, v]));
    const files = await ex
      .select({ versionId: practiceAttachments.versionId, name: practiceAttachments.originalName, text: searchAttachmentTexts.text })
      .from(practiceAttachments)
      .leftJoin(searchAttachmentTexts, eq(searchAttachmentTexts.attachmentId, practiceAttachments.id))
      .where(inArray(practiceAttachments.versionId, versionIds));
    const docs: SearchDocument[] = [];
    for (const p of ps) {
      const v = versions.get(p.publishedVersionId ?? p.currentVersionId ?? "");
      if (!v) continue;
      const published = Boolean(p.publishedVersionId);
      docs.push({
        kind: "practice",
        refId: p.id,
        url: `/library/${p.id}`,
        title: v.title,
        summary: v.summary,
        body: plain(v.body),
        attachmentsText: files
          .filter((f) => f.versionId === v.id)
          .map((f) => `${f.name}\n${f.text ?? ""}`)
          .join("\n"),
        access: [published ? "public" : `practice:${p.id}`],
        subjects: v.subjects,
        gradeBands: v.gradeBands,
        themes: v.themes,
        docKind: v.kind,
        regionId: p.regionId,
        publishedAt: p.updatedAt ?? p.publishedAt ?? v.updatedAt,
        usefulness: p.usefulCount,
      });
    }
    return docs;
  },
  async ids(ex, after, limit) {
    const rows = await ex.select({ id: practices.id }).from(practices).where(after ? gt(practices.id, after) : undefined).orderBy(asc(practices.id)).limit(limit);
    return rows.map((r) => r.id);
  },
};

/** Every source by kind (events join when that capability lands). */
export const SOURCES: Partial<Record<SearchKind, SearchSource>> = {
  practice: practiceSource,
  thread: threadSource,
  person: personSource,
  organisation: organisationSource,
  event: eventSearchSource,
};

/** The threads of an owner (a community's visibility change re-indexes them). */
export async function threadIdsOfOwner(ex: Executor, ownerKind: string, ownerId: string): Promise<string[]> {
  const rows = await ex.select({ id: threads.id }).from(threads).where(and(eq(threads.ownerKind, ownerKind), eq(threads.ownerId, ownerId)));
  return rows.map((r) => r.id);
}
