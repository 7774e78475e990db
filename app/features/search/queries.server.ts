/**
 * The search as pages ask for it: the viewer's grants, the configured engine, and the labels of
 * facet values (regions by name).
 */
import { inArray } from "drizzle-orm";
import { regions } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { SUBJECTS, TOPICS, GRADE_BANDS } from "../vocabulary/index.ts";
import { searchProvider } from "./engine.server.ts";
import { viewerGrants } from "./grants.server.ts";
import type { FacetName, SearchHit, SearchKind, SearchResult } from "./provider.ts";
import type { SearchQuery } from "./schemas.ts";
import { DOC_KIND_LABELS, KIND_LABELS } from "./strings.ts";

/** Hits per kind on the grouped page, and per page of one kind. */
export const PER_KIND = 5;
export const PER_PAGE = 20;

export interface FacetView {
  name: FacetName;
  values: Array<{ value: string; label: string; count: number; selected: boolean }>;
}

export interface SearchPage {
  result: SearchResult | null;
  groups: Array<{ kind: SearchKind; label: string; total: number; hits: SearchHit[] }>;
  facets: FacetView[];
  pages: number;
}

const VOCABULARY: Partial<Record<FacetName, Map<string, string>>> = {
  kind: new Map(Object.entries(KIND_LABELS)),
  subject: new Map(SUBJECTS.map((s) => [s.code, s.label])),
  grade: new Map(GRADE_BANDS.map((g) => [g.code, g.label])),
  theme: new Map(TOPICS.map((t) => [t.code, t.label])),
  docKind: new Map(Object.entries(DOC_KIND_LABELS)),
};

type Services = Pick<AppServices, "db" | "config">;

/**
 * Runs the page's search: grouped by kind (the best few of each) when no kind is chosen, one
 * paginated kind otherwise. A viewer only ever gets what their grants allow.
 */
export async function searchPage(s: Services, viewer: Viewer, query: SearchQuery): Promise<SearchPage> {
  if (!query.q) return { result: null, groups: [], facets: [], pages: 0 };
  const grants = await viewerGrants(s.db, viewer);
  const result = await searchProvider(s).search(query.q, grants, {
    kind: query.kind,
    subject: query.subject,
    grade: query.grade,
    theme: query.theme,
    docKind: query.type,
    region: query.region,
    sort: query.sort,
    page: query.page,
    perPage: PER_PAGE,
    perKind: query.kind ? undefined : PER_KIND,
  });
  const kindCounts = new Map(result.facets.kind.map((f) => [f.value, f.count]));
  const order: SearchKind[] = ["practice", "thread", "event", "person", "organisation"];
  const groups = order
    .map((kind) => ({ kind, label: KIND_LABELS[kind], total: kindCounts.get(kind) ?? 0, hits: result.hits.filter((h) => h.kind === kind) }))
    .filter((g) => g.hits.length > 0);
  const regionIds = result.facets.region.map((f) => f.value);
  const regionNames = new Map(regionIds.length ? (await s.db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, regionIds))).map((r) => [r.id, r.name]) : []);
  const selected: Record<FacetName, string | undefined> = { kind: query.kind, subject: query.subject, grade: query.grade, theme: query.theme, docKind: query.type, region: query.region };
  const facets = (Object.keys(result.facets) as FacetName[])
    .map((name) => ({
      name,
      values: result.facets[name]
        .map((f) => ({ value: f.value, label: (name === "region" ? regionNames.get(f.value) : VOCABULARY[name]?.get(f.value)) ?? f.value, count: f.count, selected: selected[name] === f.value }))
        .slice(0, 12),
    }))
    .filter((f) => f.values.length > 0);
  return { result, groups, facets, pages: query.kind ? Math.max(1, Math.ceil(result.total / PER_PAGE)) : 1 };
}

/** The instant box: a few hits of every kind, the last word matched as a prefix. */
export async function suggest(s: Services, viewer: Viewer, q: string): Promise<Array<{ kind: SearchKind; url: string; titleHtml: string }>> {
  if (q.trim().length < 2) return [];
  const grants = await viewerGrants(s.db, viewer);
  const result = await searchProvider(s).search(q, grants, { perKind: 3, prefix: true });
  return result.hits.slice(0, 10).map((h) => ({ kind: h.kind, url: h.url, titleHtml: h.titleHtml }));
}
