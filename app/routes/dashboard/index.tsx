import type { Route } from "./+types/index";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadDashboard } from "~/features/dashboard/page.server";
import { SERIES } from "~/features/dashboard/tables";
import { DEFINITIONS, SCOPE_KIND_LABELS } from "~/features/dashboard/strings";
import { IndicatorCards } from "~/features/dashboard/components/indicator-cards";
import { Pickers } from "~/features/dashboard/components/pickers";
import { TrendChart } from "~/features/dashboard/components/trend-chart";
import { DataTableView, ExportLinks } from "~/features/dashboard/components/data-table";
import { Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Показатели программы${loaderData ? ` — ${loaderData.scope.name}` : ""} — Мост` }];

/** The programme dashboard of a scope the viewer may see, for a period (GET form). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const d = await loadDashboard(db, viewer, new URL(request.url), clock.now());
  return { scope: d.scope, period: d.period, indicators: d.figures.indicators, trend: d.trend.map((p) => ({ month: p.month, values: SERIES.map((s) => s.value(p.indicators)) })), tables: d.tables, options: d.options };
}

export default function Dashboard({ loaderData: d }: Route.ComponentProps) {
  const query = new URLSearchParams({ scope: d.scope.key, ...(d.period.key === "custom" ? { period: "custom", from: d.period.from, to: d.period.last } : { period: d.period.key }) }).toString();
  const table = (key: string) => d.tables.find((t) => t.key === key)!;
  return (
    <Container>
      <PageHeader
        title="Показатели программы"
        lead={
          <>
            {SCOPE_KIND_LABELS[d.scope.kind]}: <strong>{d.scope.name}</strong> · {d.period.label} · границы дней по времени {d.scope.zone}
          </>
        }
        actions={
          <a href={`/dashboard/export?${query}&table=all&format=xlsx`} download className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 text-sm font-semibold text-brand-700 no-underline hover:bg-brand-50">
            Все таблицы (XLSX)
          </a>
        }
      />
      <Pickers scopes={d.options.scopes} scope={d.scope.key} periods={d.options.periods} period={d.period.key} from={d.period.from} last={d.period.last} />
      <section aria-labelledby="cards-h" className="mb-8">
        <h2 id="cards-h" className="mb-3 text-xl font-semibold">
          Итоги периода
        </h2>
        <IndicatorCards i={d.indicators} />
      </section>
      <section aria-labelledby="trend-h" className="mb-8">
        <h2 id="trend-h" className="mb-3 text-xl font-semibold">
          По месяцам
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          {SERIES.map((s, n) => (
            <Card key={s.key} as="div">
              <TrendChart title={s.title} unit={s.unit} target={s.target} points={d.trend.map((p) => ({ month: p.month, value: p.values[n] ?? null }))} />
            </Card>
          ))}
        </div>
      </section>
      {(["indicators", "trend", "schools", "activities", "events"] as const).map((key) => {
        const t = table(key);
        return (
          <section key={key} aria-labelledby={`${key}-h`} className="mb-8">
            <h2 id={`${key}-h`} className="mb-2 text-xl font-semibold">
              {t.title}
            </h2>
            <ExportLinks query={query} table={key} label={t.title} />
            <DataTableView table={t} testId={`table-${key}`} />
          </section>
        );
      })}
      <section aria-labelledby="defs-h" className="mb-8">
        <h2 id="defs-h" className="mb-2 text-xl font-semibold">
          Как считаются показатели
        </h2>
        <dl className="grid gap-3">
          {DEFINITIONS.map((x) => (
            <div key={x.term}>
              <dt className="font-semibold">{x.term}</dt>
              <dd className="text-muted">{x.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Container>
  );
}
