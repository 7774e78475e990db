/**
 * The PostgreSQL search provider (the default, also on PGlite): the `russian` text-search
 * configuration over the stored weighted tsvector of `search_documents`, `websearch_to_tsquery`
 * syntax, a pg_trgm typo fallback, snippets from `ts_headline` escaped in JS, facet counts.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { searchDocuments, searchTerms } from "../../../db/schema/index.ts";
import { emptyFacets, type DocRef, type FacetName, type SearchDocument, type SearchHit, type SearchOptions, type SearchProvider, type SearchResult, type ViewerGrants } from "./provider.ts";
import { cleanForIndex, foldForIndex, foldQuery, highlightToHtml, MARK_END, MARK_START, wordsOf } from "./text.ts";

/**
 * Broad queries (the planner expects more than BROAD_ROWS matches) never rank every match: the
 * candidates are the newest BROAD_CANDIDATES matches, found in a date window read from the
 * published_at index (so only that window's rows are fetched), then ranked. Totals and facet counts
 * are estimates then. Narrow queries rank all their matches exactly.
 * See docs/decisions (search) for the measurements behind the numbers.
 */
export const BROAD_ROWS = 3000;
export const BROAD_CANDIDATES = 300;
/** The least trigram similarity at which a misspelt word is replaced by a known one. */
export const TYPO_SIMILARITY = 0.4;
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/** Text handed to ts_headline is cut to this length (its cost grows with the text). */
const HEADLINE_TEXT_LIMIT = 30_000;

const textArray = (values: readonly string[]) => (values.length ? sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);

/**
 * The document as stored: texts as written (pages show «ё»; the stored tsvector folds ё to е and
 * queries are folded alike), the column names of search_documents.
 */
export function storedDocument(d: SearchDocument): typeof searchDocuments.$inferInsert {
  return {
    kind: d.kind,
    refId: d.refId,
    url: d.url,
    title: cleanForIndex(d.title),
    summary: cleanForIndex(d.summary),
    body: cleanForIndex(d.body),
    attachmentsText: cleanForIndex(d.attachmentsText),
    access: [...new Set(d.access)],
    subjects: d.subjects,
    gradeBands: d.gradeBands,
    themes: d.themes,
    docKind: d.docKind,
    regionId: d.regionId,
    publishedAt: d.publishedAt,
    usefulness: d.usefulness,
  };
}

/** The conditions of the filters on alias `m`, leaving out one facet's own filter (its counts show the alternatives). */
function filterConditions(o: SearchOptions, except?: FacetName): SQL {
  const parts: SQL[] = [sql`true`];
  if (o.kind && except !== "kind") parts.push(sql`m.kind = ${o.kind}`);
  if (o.subject && except !== "subject") parts.push(sql`m.subjects @> ${textArray([o.subject])}`);
  if (o.grade && except !== "grade") parts.push(sql`m.grade_bands @> ${textArray([o.grade])}`);
  if (o.theme && except !== "theme") parts.push(sql`m.themes @> ${textArray([o.theme])}`);
  if (o.docKind && except !== "docKind") parts.push(sql`m.doc_kind = ${o.docKind}`);
  if (o.region && except !== "region") parts.push(sql`m.region_id::text = ${o.region}`);
  return sql.join(parts, sql` and `);
}

/** The filters as conditions on alias `d` (broad queries apply them inside the candidate window). */
function candidateFilters(o: SearchOptions): SQL[] {
  const parts: SQL[] = [];
  if (o.kind) parts.push(sql`d.kind = ${o.kind}`);
  if (o.subject) parts.push(sql`d.subjects @> ${textArray([o.subject])}`);
  if (o.grade) parts.push(sql`d.grade_bands @> ${textArray([o.grade])}`);
  if (o.theme) parts.push(sql`d.themes @> ${textArray([o.theme])}`);
  if (o.docKind) parts.push(sql`d.doc_kind = ${o.docKind}`);
  if (o.region) parts.push(sql`d.region_id::text = ${o.region}`);
  return parts;
}

function orderBy(sort: SearchOptions["sort"]): SQL {
  if (sort === "date") return sql`published_at desc, rank desc, ref_id`;
  if (sort === "usefulness") return sql`usefulness desc, rank desc, published_at desc, ref_id`;
  return sql`rank desc, published_at desc, ref_id`;
}

/** The tsquery of a folded query; with `prefix`, the last word also matches as a prefix (the instant box). */
function tsquery(q: string, prefix: boolean): SQL {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.at(-1);
  if (!prefix || !last || /["\s-]$/.test(q) || last.length < 3) return sql`websearch_to_tsquery('russian', ${q})`;
  const rest = q.slice(0, q.lastIndexOf(last));
  return sql`(websearch_to_tsquery('russian', ${rest}) && to_tsquery('russian', ${`${last}:*`}))`;
}

interface Row extends Record<string, unknown> {
  kind: SearchHit["kind"];
  ref_id: string;
  url: string;
  title: string;
  doc_kind: string | null;
  subjects: string[];
  grade_bands: string[];
  themes: string[];
  region_id: string | null;
  published_at: string | Date;
  usefulness: number;
}

/**
 * Creates the provider over an executor (the app's db). Every query filters `access && grants`
 * (the administrator passes "all"), so a viewer never finds what they may not read.
 */
export function createPostgresProvider(ex: Executor, tuning: { broadRows?: number; broadCandidates?: number } = {}): SearchProvider {
  const broadRows = tuning.broadRows ?? BROAD_ROWS;
  const broadCandidates = tuning.broadCandidates ?? BROAD_CANDIDATES;
  async function run(q: string, grants: ViewerGrants, o: SearchOptions): Promise<Omit<SearchResult, "correctedFrom">> {
    const empty = { query: q, total: 0, approximate: false, hits: [], facets: emptyFacets() };
    const query = tsquery(q, o.prefix === true);
    const [probe] = await queryRows<{ nodes: number }>(ex, sql`select numnode(${query})::int as nodes`);
    if (!probe || probe.nodes === 0) return empty;
    // The access test is written so the planner never picks the access index: "public" is on most rows.
    const access = grants === "all" ? sql`true` : sql`(d.access || '{}'::text[]) && ${textArray(grants)}`;
    const base = sql`from search_documents d, q where d.tsv @@ q.q and ${access}`;
    const estimate = await estimateMatches(query);
    const broad = estimate.matches > broadRows;
    let candidates = sql`select d.*, ts_rank(d.tsv, q.q) as rank ${base}`;
    if (broad) {
      // A window holding about twice the rows needed at this selectivity; the filters apply inside it.
      const window = Math.ceil((broadCandidates * 2 * Math.max(1, estimate.rows)) / Math.max(1, estimate.matches));
      const inside = sql.join([sql`true`, ...candidateFilters(o)], sql` and `);
      candidates = sql`select d.*, ts_rank(d.tsv, q.q) as rank from (select d.* ${base} and ${inside}
          and d.published_at >= coalesce((select published_at from search_documents order by published_at desc offset ${window} limit 1), '-infinity'::timestamptz)
          order by d.published_at desc limit ${broadCandidates}) d, q`;
    }
    const perKind = !o.kind && o.perKind ? o.perKind : 0;
    const perPage = o.perPage ?? 20;
    const offset = (Math.max(1, o.page ?? 1) - 1) * perPage;
    const facet = (name: FacetName, column: SQL, array: boolean) =>
      array
        ? sql`select ${name}::text as f, v::text as v, count(*)::int as n from m, unnest(${column}) v where ${filterConditions(o, name)} group by v`
        : sql`select ${name}::text as f, ${column}::text as v, count(*)::int as n from m where ${column} is not null and ${filterConditions(o, name)} group by ${column}`;
    const hitColumns = sql`m.kind, m.ref_id, m.url, m.title, m.doc_kind, m.subjects, m.grade_bands, m.themes, m.region_id, m.published_at, m.usefulness, m.rank`;
    const hits = perKind
      ? sql`select * from (select ${hitColumns}, row_number() over (partition by m.kind order by ${orderBy(o.sort)}) as rn from m where ${filterConditions(o)}) h where rn <= ${perKind} order by ${orderBy(o.sort)}`
      : sql`select ${hitColumns} from m where ${filterConditions(o)} order by ${orderBy(o.sort)} limit ${perPage} offset ${offset}`;
    const [result] = await queryRows<{ total: number; facets: Array<{ f: FacetName; v: string; n: number }> | null; hits: Row[] | null }>(
      ex,
      sql`with q as (select ${query} as q), m as materialized (${candidates})
        select (select count(*)::int from m where ${filterConditions(o)}) as total,
          (select json_agg(x) from (${facet("kind", sql`m.kind`, false)} union all ${facet("subject", sql`m.subjects`, true)} union all ${facet("grade", sql`m.grade_bands`, true)}
            union all ${facet("theme", sql`m.themes`, true)} union all ${facet("docKind", sql`m.doc_kind`, false)} union all ${facet("region", sql`m.region_id`, false)}) x) as facets,
          (select json_agg(h) from (${hits}) h) as hits`,
    );
    const facets = emptyFacets();
    for (const f of result?.facets ?? []) facets[f.f].push({ value: f.v, count: f.n });
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const rows = result?.hits ?? [];
    return { query: q, total: broad ? Math.max(result?.total ?? 0, Math.round(estimate.matches)) : (result?.total ?? 0), approximate: broad, hits: await highlight(rows, query), facets };
  }

  /** The planner's estimate of the matches and of the table's rows (no query runs). */
  async function estimateMatches(query: SQL): Promise<{ matches: number; rows: number }> {
    const plan = async (q: SQL) => {
      const [row] = await queryRows<Record<string, unknown>>(ex, sql`explain (format json) ${q}`);
      const raw = row ? Object.values(row)[0] : null;
      const json = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: { "Plan Rows": number } }> | null;
      return Number(json?.[0]?.Plan["Plan Rows"] ?? 0);
    };
    const [matches, rows] = await Promise.all([plan(sql`select 1 from search_documents d where d.tsv @@ ${query}`), plan(sql`select 1 from search_documents`)]);
    return { matches, rows };
  }

  async function highlight(rows: Row[], query: SQL): Promise<SearchHit[]> {
    if (rows.length === 0) return [];
    const keys = sql.join(rows.map((r) => sql`(${r.kind}, ${r.ref_id}::uuid)`), sql`, `);
    const marked = await queryRows<{ kind: string; ref_id: string; title: string; snippet: string }>(
      ex,
      sql`with q as (select ${query} as q)
        select d.kind, d.ref_id, ts_headline('russian', d.title, q.q, ${TITLE_OPTIONS}) as title,
          ts_headline('russian', left(concat_ws(' … ', nullif(d.summary, ''), nullif(d.body, ''), nullif(d.attachments_text, '')), ${HEADLINE_TEXT_LIMIT}), q.q, ${HEADLINE_OPTIONS}) as snippet
        from search_documents d, q where (d.kind, d.ref_id) in (${keys})`,
    );
    const byKey = new Map(marked.map((m) => [`${m.kind}:${m.ref_id}`, m]));
    return rows.map((r) => {
      const m = byKey.get(`${r.kind}:${r.ref_id}`);
      return {
        kind: r.kind,
        refId: r.ref_id,
        url: r.url,
        titleHtml: highlightToHtml(m?.title ?? r.title),
        snippetHtml: highlightToHtml(m?.snippet ?? ""),
        docKind: r.doc_kind,
        subjects: r.subjects,
        gradeBands: r.grade_bands,
        themes: r.themes,
        regionId: r.region_id,
        publishedAt: new Date(r.published_at).toISOString(),
        usefulness: Number(r.usefulness),
      };
    });
  }

  /**
   * Replaces each query word missing from the dictionary by a known word of similar trigrams: of the
   * few nearest, the first with which the query finds something. Null when nothing changes.
   */
  async function correct(q: string, grants: ViewerGrants): Promise<string | null> {
    let corrected = q;
    const access = grants === "all" ? sql`true` : sql`(d.access || '{}'::text[]) && ${textArray(grants)}`;
    for (const word of wordsOf(q, 4)) {
      const [known] = await queryRows<{ term: string }>(ex, sql`select term from search_terms where term = ${word}`);
      if (known) continue;
      const near = await queryRows<{ term: string; sim: number }>(
        ex,
        sql`select term, similarity(term, ${word})::float8 as sim from search_terms where term % ${word} order by sim desc, term limit 4`,
      );
      const swap = (text: string, term: string) => text.replace(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "giu"), term);
      for (const candidate of near.filter((n) => n.sim >= TYPO_SIMILARITY)) {
        const attempt = swap(corrected, candidate.term);
        const [hit] = await queryRows<{ one: number }>(ex, sql`select 1 as one from search_documents d where d.tsv @@ websearch_to_tsquery('russian', ${attempt}) and ${access} limit 1`);
        if (hit) {
          corrected = attempt;
          break;
        }
      }
    }
    return corrected === q ? null : corrected;
  }

  return {
    name: "postgres",
    async index(docs) {
      if (docs.length === 0) return;
      for (let i = 0; i < docs.length; i += 200) {
        const rows = docs.slice(i, i + 200).map(storedDocument);
        await ex
          .insert(searchDocuments)
          .values(rows)
          .onConflictDoUpdate({
            target: [searchDocuments.kind, searchDocuments.refId],
            set: Object.fromEntries(
              ["url", "title", "summary", "body", "attachments_text", "access", "subjects", "grade_bands", "themes", "doc_kind", "region_id", "published_at", "usefulness"].map((c) => [
                c.replace(/_(\w)/g, (_m, ch: string) => ch.toUpperCase()),
                sql.raw(`excluded.${c}`),
              ]),
            ),
          });
        // Only words anyone may read feed the typo dictionary: a correction must not reveal a private text.
        const terms = new Set<string>();
        for (const r of rows) if (r.access.includes("public")) for (const w of wordsOf(foldForIndex(`${r.title} ${r.summary} ${r.body}`))) terms.add(w);
        const list = [...terms];
        for (let j = 0; j < list.length; j += 1000) {
          await ex
            .insert(searchTerms)
            .values(list.slice(j, j + 1000).map((term) => ({ term })))
            .onConflictDoNothing();
        }
      }
    },
    async remove(refs: readonly DocRef[]) {
      if (refs.length === 0) return;
      const keys = sql.join(refs.map((r) => sql`(${r.kind}, ${r.refId}::uuid)`), sql`, `);
      await ex.execute(sql`delete from search_documents where (kind, ref_id) in (${keys})`);
    },
    async search(query, grants, options = {}) {
      const q = foldQuery(query);
      if (!q) return { query: q, correctedFrom: null, total: 0, approximate: false, hits: [], facets: emptyFacets() };
      const first = await run(q, grants, options);
      if (first.total > 0 || options.prefix) return { ...first, correctedFrom: null };
      const corrected = await correct(q, grants);
      if (!corrected) return { ...first, correctedFrom: null };
      return { ...(await run(corrected, grants, options)), correctedFrom: q };
    },
    async reset() {
      await ex.execute(sql`delete from search_documents`);
      await ex.execute(sql`delete from search_terms`);
    },
  };
}
