/**
 * The contract every search engine implements (PostgreSQL full-text search by default,
 * Meilisearch for large deployments). Browser-safe types only; the engines live in *.server.ts.
 */

/** What the search finds (the same list as db/schema/search.ts, which the browser may not import). */
export const SEARCH_KINDS = ["practice", "thread", "event", "person", "organisation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One findable thing as the sources build it. Texts are folded (ё → е) by the indexer. */
export interface SearchDocument {
  kind: SearchKind;
  refId: string;
  url: string;
  title: string;
  summary: string;
  body: string;
  attachmentsText: string;
  /** Grants any one of which lets a viewer find it: "public", "community:<id>", "partnership:<id>", "practice:<id>". */
  access: string[];
  subjects: string[];
  gradeBands: string[];
  themes: string[];
  docKind: string | null;
  regionId: string | null;
  publishedAt: Date;
  usefulness: number;
}

export interface DocRef {
  kind: SearchKind;
  refId: string;
}

export const SEARCH_SORTS = ["relevance", "date", "usefulness"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The viewer's grants: a list, or "all" for the platform administrator. */
export type ViewerGrants = readonly string[] | "all";

export interface SearchFilters {
  kind?: SearchKind;
  subject?: string;
  grade?: string;
  theme?: string;
  docKind?: string;
  region?: string;
}

export interface SearchOptions extends SearchFilters {
  sort?: SearchSort;
  /** 1-based page of the flat list (used when a kind is chosen). */
  page?: number;
  perPage?: number;
  /** When set (and no kind is chosen), up to this many best hits of every kind: the grouped page. */
  perKind?: number;
  /** The last word also matches as a prefix (the instant box, while typing). */
  prefix?: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  refId: string;
  url: string;
  /** Safe HTML: escaped text with <mark> around matches. */
  titleHtml: string;
  /** Safe HTML: escaped text with <mark> around matches. */
  snippetHtml: string;
  docKind: string | null;
  subjects: string[];
  gradeBands: string[];
  themes: string[];
  regionId: string | null;
  publishedAt: string;
  usefulness: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export type FacetName = "kind" | "subject" | "grade" | "theme" | "docKind" | "region";

export interface SearchResult {
  /** The query that ran (after a typo correction it differs from what was typed). */
  query: string;
  /** Set when no document matched as typed and the query was corrected. */
  correctedFrom: string | null;
  /** Matches of the whole filtered set (approximate when `approximate`). */
  total: number;
  /** Broad queries rank only a capped candidate set; totals and facets are then estimates. */
  approximate: boolean;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
}

/** A search engine behind the one contract; the shared contract tests run against each. */
export interface SearchProvider {
  readonly name: "postgres" | "meilisearch";
  /** Adds or replaces documents (by kind and refId). */
  index(docs: readonly SearchDocument[]): Promise<void>;
  /** Removes documents; unknown refs are ignored. */
  remove(refs: readonly DocRef[]): Promise<void>;
  /** Finds what the viewer may read. An empty or stop-word-only query finds nothing. */
  search(query: string, grants: ViewerGrants, options?: SearchOptions): Promise<SearchResult>;
  /** Removes everything (before a full rebuild). */
  reset(): Promise<void>;
}

export const emptyFacets = (): Record<FacetName, FacetCount[]> => ({ kind: [], subject: [], grade: [], theme: [], docKind: [], region: [] });
