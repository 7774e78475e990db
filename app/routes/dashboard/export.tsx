import type { Route } from "./+types/export";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadDashboard } from "~/features/dashboard/page.server";
import { ExportQuery } from "~/features/dashboard/schemas";
import { exportHeaders, tablesCsv, tablesXlsx } from "~/features/dashboard/export.server";

/** A dashboard table (or all of them, as a workbook) as CSV or XLSX, for the same scope and period as the page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const url = new URL(request.url);
  const page = await loadDashboard(db, viewer, url, clock.now());
  const { table, format } = ExportQuery.parse(Object.fromEntries(url.searchParams));
  const tables = table === "all" ? page.tables : page.tables.filter((t) => t.key === table);
  const caption = `${page.scope.name}: ${page.period.label}`;
  const name = `Показатели ${page.period.from}—${page.period.last}`;
  const named = table === "all" ? name : `${name} ${tables[0]!.title}`;
  if (format === "csv") return new Response(tablesCsv(tables, caption), { headers: exportHeaders("csv", named, table) });
  return new Response(Buffer.from(await tablesXlsx(tables, caption)), { headers: exportHeaders("xlsx", named, table) });
}
