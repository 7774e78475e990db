import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.report.file";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { loadQuarterReport } from "~/features/plans/page.server";
import { reportPdf, reportXlsx } from "~/features/plans/report-files.server";
import { ReportQuery } from "~/features/plans/schemas";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { downloadHeaders } from "~/features/plans/download.server";

const Params = z.object({ id: z.string().uuid() });

/** The quarterly report as a PDF or an XLSX download. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const { db, clock, config } = services(context);
  const url = new URL(request.url);
  const query = ReportQuery.parse(Object.fromEntries(url.searchParams));
  const r = await loadQuarterReport(db, viewerOf(context), parsed.data.id, clock.now(), query.quarter);
  const origin = config.allowedOrigins[0] ?? url.origin;
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "pdf";
  const body = format === "xlsx" ? await reportXlsx(r, origin) : await reportPdf(r, origin);
  return new Response(Buffer.from(body), { headers: downloadHeaders(format, `Отчёт ${r.quarter.q} кв. ${r.quarter.year}`) });
}
