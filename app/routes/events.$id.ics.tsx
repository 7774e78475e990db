import { data } from "react-router";
import type { Route } from "./+types/events.$id.ics";
import { services } from "~/services.server";
import { eventIcs } from "~/features/events/feeds.server";
import { EVENT_ERRORS } from "~/features/events/strings";

/** The event's calendar file: every session in UTC. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const ics = /^[0-9a-f-]{36}$/i.test(params.id) ? await eventIcs(services(context).db, params.id, new URL(request.url).origin) : null;
  if (!ics) throw data(EVENT_ERRORS.notFound, { status: 404 });
  return new Response(ics.text, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${ics.name}"` } });
}
