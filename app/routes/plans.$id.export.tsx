import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.export";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { loadPlanSheet } from "~/features/plans/page.server";
import { planFile } from "~/features/plans/spreadsheet.server";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { downloadHeaders } from "~/features/plans/download.server";

const Params = z.object({ id: z.string().uuid() });

/** The plan as XLSX or CSV (a download that imports back unchanged). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const { plan, items } = await loadPlanSheet(services(context).db, viewerOf(context), parsed.data.id);
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const body = await planFile(format, items);
  return new Response(Buffer.from(body), { headers: downloadHeaders(format, `План ${plan.schoolYear.replace("/", "-")}`) });
}
