/**
 * The Meilisearch provider: the same contract as PostgreSQL for large deployments. Texts are
 * folded (ё → е) by us before indexing and in queries; visibility is a filter on `access`; facet
 * counts leave out their own filter (one query per facet in a multi-search).
 */
import { Meilisearch, type Index, type SearchParams } from "meilisearch";
import { emptyFacets, type FacetName, type SearchDocument, type SearchHit, type SearchOptions, type SearchProvider, type SearchResult, type ViewerGrants } from "./provider.ts";
import { foldForIndex, foldQuery, highlightToHtml, MARK_END, MARK_START } from "./text.ts";

interface MeiliDoc {
  id: string;
  kind: SearchDocument["kind"];
  ref_id: string;
  url: string;
  title: string;
  summary: string;
  body: string;
  attachments_text: string;
  access: string[];
  subjects: string[];
  grade_bands: string[];
  themes: string[];
  doc_kind: string | null;
  region_id: string | null;
  published_at: number;
  usefulness: number;
}

/** Words teachers use interchangeably (folded). */
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  огэ: ["гиа"],
  гиа: ["огэ", "егэ"],
  впр: ["всероссийские проверочные работы"],
  овз: ["ограниченными возможностями здоровья"],
  шнор: ["низкими результатами"],
  рмо: ["районное методическое объединение"],
  математика: ["алгебра", "геометрия"],
  урок: ["занятие"],
  ученик: ["обучающийся", "школьник"],
  учитель: ["педагог"],
  педагог: ["учитель"],
};

const FACET_ATTRIBUTES: Record<FacetName, keyof MeiliDoc> = { kind: "kind", subject: "subjects", grade: "grade_bands", theme: "themes", docKind: "doc_kind", region: "region_id" };
const docId = (kind: string, refId: string) => `${kind}-${refId}`;
const quote = (v: string) => JSON.stringify(v);

function filters(grants: ViewerGrants, o: SearchOptions, except?: FacetName): string[] {
  const f: string[] = [];
  if (grants !== "all") f.push(`access IN [${grants.map(quote).join(", ")}]`);
  const value: Record<FacetName, string | undefined> = { kind: o.kind, subject: o.subject, grade: o.grade, theme: o.theme, docKind: o.docKind, region: o.region };
  for (const [name, v] of Object.entries(value) as Array<[FacetName, string | undefined]>) if (v && name !== except) f.push(`${FACET_ATTRIBUTES[name]} = ${quote(v)}`);
  return f;
}

function sortOf(o: SearchOptions): string[] | undefined {
  if (o.sort === "date") return ["published_at:desc"];
  if (o.sort === "usefulness") return ["usefulness:desc"];
  return undefined;
}

/** Creates the provider on an index (created and configured on first use). */
export function createMeiliProvider(options: { host: string; apiKey?: string; index?: string }): SearchProvider {
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
  const uid = options.index ?? "most_search";
  let ready: Promise<Index<MeiliDoc>> | undefined;

  function index(): Promise<Index<MeiliDoc>> {
    ready ??= (async () => {
      await client.createIndex(uid, { primaryKey: "id" }).waitTask().catch(() => undefined);
      const idx = client.index<MeiliDoc>(uid);
      await idx
        .updateSettings({
          searchableAttributes: ["title", "summary", "body", "attachments_text"],
          filterableAttributes: ["access", "kind", "subjects", "grade_bands", "themes", "doc_kind", "region_id"],
          sortableAttributes: ["published_at", "usefulness"],
          synonyms: SEARCH_SYNONYMS,
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
          pagination: { maxTotalHits: 10_000 },
          faceting: { maxValuesPerFacet: 100 },
        })
        .waitTask();
      return idx;
    })();
    return ready;
  }

  const toHit = (h: MeiliDoc & { _formatted?: Partial<Record<keyof MeiliDoc, unknown>> }): SearchHit => {
    const f = h._formatted ?? {};
    const cropped = (["summary", "body", "attachments_text"] as const).map((k) => String(f[k] ?? "")).filter(Boolean);
    const snippet = cropped.find((c) => c.includes(MARK_START)) ?? cropped[0] ?? "";
    return {
      kind: h.kind,
      refId: h.ref_id,
      url: h.url,
      titleHtml: highlightToHtml(String(f.title ?? h.title)),
      snippetHtml: highlightToHtml(snippet),
      docKind: h.doc_kind,
      subjects: h.subjects,
      gradeBands: h.grade_bands,
      themes: h.themes,
      regionId: h.region_id,
      publishedAt: new Date(h.published_at).toISOString(),
      usefulness: h.usefulness,
    };
  };

  const display: SearchParams = {
    attributesToHighlight: ["title"],
    attributesToCrop: ["summary", "body", "attachments_text"],
    cropLength: 30,
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
  };

  return {
    name: "meilisearch",
    async index(docs) {
      if (docs.length === 0) return;
      const idx = await index();
      const rows: MeiliDoc[] = docs.map((d) => ({
        id: docId(d.kind, d.refId),
        kind: d.kind,
        ref_id: d.refId,
        url: d.url,
        title: foldForIndex(d.title),
        summary: foldForIndex(d.summary),
        body: foldForIndex(d.body),
        attachments_text: foldForIndex(d.attachmentsText),
        access: [...new Set(d.access)],
        subjects: d.subjects,
        grade_bands: d.gradeBands,
        themes: d.themes,
        doc_kind: d.docKind,
        region_id: d.regionId,
        published_at: d.publishedAt.getTime(),
        usefulness: d.usefulness,
      }));
      await idx.addDocuments(rows).waitTask();
    },
    async remove(refs) {
      if (refs.length === 0) return;
      await (await index()).deleteDocuments(refs.map((r) => docId(r.kind, r.refId))).waitTask();
    },
    async search(query, grants, o = {}): Promise<SearchResult> {
      const q = foldQuery(query);
      const empty: SearchResult = { query: q, correctedFrom: null, total: 0, approximate: false, hits: [], facets: emptyFacets() };
      // Meilisearch would return everything for an empty query; a query of only stop words finds nothing here as in PostgreSQL.
      if (!/[\p{L}\p{N}]{2,}/u.test(q)) return empty;
      await index();
      const perPage = o.perPage ?? 20;
      const page = Math.max(1, o.page ?? 1);
      const grouped = !o.kind && o.perKind ? o.perKind : 0;
      const facetNames = Object.keys(FACET_ATTRIBUTES) as FacetName[];
      const queries = [
        { indexUid: uid, q, filter: filters(grants, o), sort: sortOf(o), hitsPerPage: grouped ? 0 : perPage, page, ...display },
        ...facetNames.map((name) => ({ indexUid: uid, q, filter: filters(grants, o, name), facets: [FACET_ATTRIBUTES[name]], limit: 0 })),
      ];
      const kinds = ["practice", "thread", "event", "person", "organisation"] as const;
      if (grouped) for (const kind of kinds) queries.push({ indexUid: uid, q, filter: [...filters(grants, o), `kind = ${quote(kind)}`], sort: sortOf(o), hitsPerPage: grouped, page: 1, ...display });
      const { results } = await client.multiSearch<{ queries: typeof queries }, MeiliDoc>({ queries });
      const main = results[0]!;
      const facets = emptyFacets();
      facetNames.forEach((name, i) => {
        const dist = results[i + 1]?.facetDistribution?.[FACET_ATTRIBUTES[name]] ?? {};
        facets[name] = Object.entries(dist)
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      });
      const hitRows = grouped ? results.slice(1 + facetNames.length).flatMap((r) => r.hits) : main.hits;
      const total = (main as { totalHits?: number }).totalHits ?? main.estimatedTotalHits ?? 0;
      return { query: q, correctedFrom: null, total, approximate: false, hits: hitRows.map((h) => toHit(h as MeiliDoc & { _formatted?: Partial<Record<keyof MeiliDoc, unknown>> })), facets };
    },
    async reset() {
      await (await index()).deleteAllDocuments().waitTask();
    },
  };
}
