import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.report";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { loadQuarterReport } from "~/features/plans/page.server";
import { quarterKey, quarterLabel, shiftQuarter } from "~/features/plans/report";
import { ReportQuery } from "~/features/plans/schemas";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { EvidenceList } from "~/features/plans/components/activity";
import { SummaryTable } from "~/features/plans/components/summary";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Квартальный отчёт${loaderData ? ` — ${loaderData.plan.title}` : ""} — Мост` }];

const Params = z.object({ id: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const query = ReportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const r = await loadQuarterReport(db, viewerOf(context), parsed.data.id, clock.now(), query.quarter);
  return { ...r, label: quarterLabel(r.quarter), key: quarterKey(r.quarter), prev: quarterKey(shiftQuarter(r.quarter, -1)), next: quarterKey(shiftQuarter(r.quarter, 1)) };
}

export default function QuarterReport({ loaderData: r }: Route.ComponentProps) {
  const base = `/plans/${r.plan.id}/report`;
  return (
    <Container className="max-w-6xl">
      <PageHeader title={`Отчёт за ${r.label}`} lead={<><Link to={`/plans/${r.plan.id}`}>{r.plan.title}</Link> · {r.owner.name}</>} />
      <nav aria-label="Квартал и файлы отчёта" className="mb-4 flex flex-wrap gap-3">
        <Link to={`${base}?quarter=${r.prev}`}>← Предыдущий квартал</Link>
        <Link to={`${base}?quarter=${r.next}`}>Следующий квартал →</Link>
        <a href={`${base}/file?format=pdf&quarter=${r.key}`} download>
          Скачать PDF
        </a>
        <a href={`${base}/file?format=xlsx&quarter=${r.key}`} download>
          Скачать XLSX
        </a>
      </nav>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Таблица отчёта">
        <table className="w-full min-w-[900px] border-collapse text-sm" data-testid="report-table">
          <caption className="sr-only">Мероприятия плана за {r.label}</caption>
          <thead>
            <tr className="bg-slate-100 text-left">
              {["№ п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат", "Фактический результат (отметка о выполнении)", "Подтверждающие материалы", "Статус"].map((h) => (
                <th key={h} scope="col" className="border border-slate-300 p-2 align-top">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.items.map((i) =>
              i.kind === "section" ? (
                <tr key={i.id} className="bg-slate-50">
                  <th scope="rowgroup" colSpan={8} className="border border-slate-300 p-2 text-left">
                    {i.number} {i.title}
                  </th>
                </tr>
              ) : (
                <tr key={i.id}>
                  <td className="border border-slate-300 p-2 align-top">{i.number}</td>
                  <td className="border border-slate-300 p-2 align-top">{i.title}</td>
                  <td className="border border-slate-300 p-2 align-top">{i.term}</td>
                  <td className="border border-slate-300 p-2 align-top">{[i.responsible, ...i.people.map((p) => p.name)].filter(Boolean).join(", ")}</td>
                  <td className="border border-slate-300 p-2 align-top">{i.expected}</td>
                  <td className="whitespace-pre-line border border-slate-300 p-2 align-top">{i.actual}</td>
                  <td className="border border-slate-300 p-2 align-top">{i.evidence.length ? <EvidenceList evidence={i.evidence} /> : null}</td>
                  <td className="border border-slate-300 p-2 align-top">{i.reportStatusLabel}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {r.items.length ? null : <p className="mt-4 text-muted">В этом квартале у плана нет мероприятий.</p>}
      <h2 className="mt-6 text-xl font-semibold">Сводка по разделам</h2>
      <SummaryTable summary={r.summary} />
    </Container>
  );
}
