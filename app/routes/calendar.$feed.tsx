import { data } from "react-router";
import type { Route } from "./+types/calendar.$feed";
import { services } from "~/services.server";
import { personalFeedIcs } from "~/features/events/feeds.server";
import { EVENT_ERRORS } from "~/features/events/strings";

/** A person's private calendar feed (/calendar/<token>.ics): subscribable, revocable. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const token = params.feed.replace(/\.ics$/, "");
  const text = await personalFeedIcs(services(context).db, token, new URL(request.url).origin);
  if (text === null) throw data(EVENT_ERRORS.feedNotFound, { status: 404 });
  return new Response(text, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300", "Referrer-Policy": "no-referrer" } });
}
