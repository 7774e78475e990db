import type { Route } from "./+types/search.suggest";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { suggest } from "~/features/search/queries.server";
import { SuggestQuery } from "~/features/search/schemas";

/**
 * The instant box's JSON: a few hits of each kind the viewer may read. Titles are escaped HTML
 * with <mark> only; private to the viewer, never cached by shared caches.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { q } = SuggestQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const items = await suggest(services(context), viewerOf(context), q);
  return Response.json({ q, items }, { headers: { "Cache-Control": "private, no-store" } });
}
