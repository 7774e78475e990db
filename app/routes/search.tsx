import { Form, Link } from "react-router";
import type { Route } from "./+types/search";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { searchPage } from "~/features/search/queries.server";
import { SearchQuery, searchHref } from "~/features/search/schemas";
import { SearchResults } from "~/features/search/components/results";
import { SEARCH_TEXT, SORT_LABELS } from "~/features/search/strings";
import { SEARCH_SORTS } from "~/features/search/provider";
import { Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { formatDate } from "~/utils/datetime";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.query.q ? `«${loaderData.query.q}» — поиск — Мост` : "Поиск — Мост" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const s = services(context);
  const query = SearchQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, zone] = await Promise.all([searchPage(s, viewerOf(context), query), viewerZoneOf(request, context, s.clock.now())]);
  const dates = Object.fromEntries((page.result?.hits ?? []).map((h) => [`${h.kind}:${h.refId}`, formatDate(h.publishedAt, zone.timeZone)]));
  return { query, page, dates };
}

export default function Search({ loaderData: { query, page, dates } }: Route.ComponentProps) {
  return (
    <Container>
      <PageHeader title={SEARCH_TEXT.title} lead={SEARCH_TEXT.lead} />
      <Form method="get" action="/search" role="search" className="mb-6 flex flex-col gap-3" aria-label={SEARCH_TEXT.title}>
        <label htmlFor="search-q" className="font-medium">
          {SEARCH_TEXT.queryLabel}
        </label>
        <div className="flex flex-wrap gap-2">
          <input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={200} aria-describedby="search-q-hint" className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-400 px-3 text-base" />
          <Button type="submit">{SEARCH_TEXT.submit}</Button>
        </div>
        <p id="search-q-hint" className="text-sm text-muted">
          {SEARCH_TEXT.queryHint}
        </p>
        {query.kind ? <input type="hidden" name="kind" value={query.kind} /> : null}
        {query.subject ? <input type="hidden" name="subject" value={query.subject} /> : null}
        {query.grade ? <input type="hidden" name="grade" value={query.grade} /> : null}
        {query.theme ? <input type="hidden" name="theme" value={query.theme} /> : null}
        {query.type ? <input type="hidden" name="type" value={query.type} /> : null}
        {query.region ? <input type="hidden" name="region" value={query.region} /> : null}
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor="search-sort" className="text-sm font-medium">
            {SEARCH_TEXT.sort}
          </label>
          <select id="search-sort" name="sort" defaultValue={query.sort} className="min-h-11 rounded-md border border-slate-400 px-2">
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
          {query.kind || query.subject || query.grade || query.theme || query.type || query.region ? (
            <Link to={searchHref({ q: query.q, sort: query.sort }, {})} className="min-h-11 px-2 py-2 text-sm">
              {SEARCH_TEXT.reset}
            </Link>
          ) : null}
        </div>
      </Form>
      <SearchResults query={query} page={page} dates={dates} />
    </Container>
  );
}
