import type { Route } from "./+types/account.data.export";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { collectPersonalData, renderPersonalDataHtml } from "~/features/profiles/export.server";
import { personTimeZone } from "~/features/profiles/queries.server";
import { MOSCOW_TIME_ZONE } from "~/utils/timezones";

/** The person's own data as a download: JSON (complete) or a readable HTML summary. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const personal = await collectPersonalData(db, viewer.id);
  if (!personal) return new Response("Не найдено", { status: 404 });
  const now = clock.now();
  const stamp = now.toISOString().slice(0, 10);
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (new URL(request.url).searchParams.get("format") === "html") {
    const zone = (await personTimeZone(db, viewer.id)) ?? MOSCOW_TIME_ZONE;
    return new Response(renderPersonalDataHtml(personal, zone, now), {
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Disposition": `attachment; filename="most-my-data-${stamp}.html"` },
    });
  }
  return new Response(JSON.stringify({ exportedAt: now, ...personal }, null, 2), {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="most-my-data-${stamp}.json"` },
  });
}
