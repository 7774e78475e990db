import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events.$id.export";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { exportFileName, participantsCsv, participantsXlsx } from "~/features/events/export.server";
import { loadParticipants } from "~/features/events/page.server";
import { viewerFacts } from "~/features/events/queries.server";

/** The organiser's participant list as CSV or XLSX (a download). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const facts = await viewerFacts(db, viewer);
  const list = await loadParticipants(db, viewer, facts, { id: params.id, zone: await viewerZoneOf(request, context, clock.now()) });
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const headers = { "Content-Disposition": `attachment; filename="${exportFileName(list, format)}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "csv") return new Response(participantsCsv(list), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await participantsXlsx(list);
  return new Response(Buffer.from(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
}
