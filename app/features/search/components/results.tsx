import { Link } from "react-router";
import { Alert, EmptyState } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";
import type { SearchHit } from "../provider";
import type { FacetView, SearchPage } from "../queries.server";
import { searchHref, type SearchQuery } from "../schemas";
import { DOC_KIND_LABELS, FACET_LABELS, KIND_LABELS, RESULTS, SEARCH_TEXT } from "../strings";

const FACET_PARAM = { kind: "kind", subject: "subject", grade: "grade", theme: "theme", docKind: "type", region: "region" } as const;

/**
 * Highlighted text from the search engine. The HTML is built on the server from escaped text with
 * only <mark> added (text.ts highlightToHtml), so it is safe to insert.
 */
function Marked({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Hit({ hit, date }: { hit: SearchHit; date?: string }) {
  return (
    <li className="border-b border-slate-200 py-3 last:border-b-0">
      <h3 className="text-lg font-semibold">
        <Link to={hit.url}>
          <Marked html={hit.titleHtml} />
        </Link>
      </h3>
      {hit.snippetHtml ? <Marked html={hit.snippetHtml} className="mt-1 block text-sm text-slate-700" /> : null}
      <p className="mt-1 text-xs text-muted">
        {[hit.docKind ? (DOC_KIND_LABELS[hit.docKind] ?? null) : null, hit.kind === "person" || hit.kind === "organisation" ? null : date].filter(Boolean).join(" · ")}
      </p>
    </li>
  );
}

function Facets({ query, facets }: { query: SearchQuery; facets: FacetView[] }) {
  return (
    <nav aria-labelledby="facets-title" className="flex flex-col gap-4">
      <h2 id="facets-title" className="text-base font-semibold">
        {SEARCH_TEXT.facetsTitle}
      </h2>
      {facets.map((f) => (
        <section key={f.name} aria-labelledby={`facet-${f.name}`}>
          <h3 id={`facet-${f.name}`} className="text-sm font-semibold text-muted">
            {FACET_LABELS[f.name]}
          </h3>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {f.values.map((v) => (
              <li key={v.value}>
                <Link
                  to={searchHref(query, { [FACET_PARAM[f.name]]: v.selected ? undefined : v.value })}
                  aria-current={v.selected ? "true" : undefined}
                  className={v.selected ? "font-semibold" : undefined}
                >
                  {v.selected ? "✓ " : ""}
                  {v.label}
                </Link>{" "}
                <span className="text-muted">{v.count}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** The results: a correction note, facets with counts, groups by kind (or one kind with pages). */
export function SearchResults({ query, page, dates }: { query: SearchQuery; page: SearchPage; dates: Record<string, string> }) {
  const r = page.result;
  if (!r) return <p className="text-muted">{SEARCH_TEXT.prompt}</p>;
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <div className="order-2 md:order-1">{page.facets.length ? <Facets query={query} facets={page.facets} /> : null}</div>
      <div className="order-1 flex flex-col gap-4 md:order-2">
        {r.correctedFrom ? <Alert>{SEARCH_TEXT.corrected(r.query)}</Alert> : null}
        <p className="text-sm text-muted" aria-live="polite">
          {r.approximate ? SEARCH_TEXT.approximate(countRu(r.total, RESULTS)) : `Найдено: ${countRu(r.total, RESULTS)}`}
        </p>
        {r.hits.length === 0 ? (
          <EmptyState title={SEARCH_TEXT.empty}>{SEARCH_TEXT.emptyHint}</EmptyState>
        ) : query.kind ? (
          <section aria-labelledby="group-one">
            <h2 id="group-one" className="text-xl font-semibold">
              {KIND_LABELS[query.kind]}
            </h2>
            <ul>
              {r.hits.map((h) => (
                <Hit key={h.refId} hit={h} date={dates[`${h.kind}:${h.refId}`]} />
              ))}
            </ul>
          </section>
        ) : (
          page.groups.map((g) => (
            <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
              <h2 id={`group-${g.kind}`} className="text-xl font-semibold">
                {g.label} <span className="text-base font-normal text-muted">{g.total}</span>
              </h2>
              <ul>
                {g.hits.map((h) => (
                  <Hit key={h.refId} hit={h} date={dates[`${h.kind}:${h.refId}`]} />
                ))}
              </ul>
              {g.total > g.hits.length ? (
                <p className="mt-1">
                  <Link to={searchHref(query, { kind: g.kind })}>{SEARCH_TEXT.more(g.label)}</Link>
                </p>
              ) : null}
            </section>
          ))
        )}
        {query.kind && page.pages > 1 ? (
          <nav aria-label={SEARCH_TEXT.pages} className="flex items-center gap-4">
            {query.page > 1 ? <Link to={searchHref(query, { page: query.page - 1 })}>{SEARCH_TEXT.prev}</Link> : null}
            <span>{SEARCH_TEXT.page(query.page, page.pages)}</span>
            {query.page < page.pages ? <Link to={searchHref(query, { page: query.page + 1 })}>{SEARCH_TEXT.next}</Link> : null}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
