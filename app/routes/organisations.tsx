import { Form, Link } from "react-router";
import { Pagination } from "~/components/ui/pagination";
import type { Route } from "./+types/organisations";
import { services } from "~/services.server";
import { OrganisationsQuery } from "~/features/directory/schemas";
import { listAreas, listOrganisations, ORG_PAGE_SIZE } from "~/features/directory/organisations.server";
import { FLAG_LABELS } from "~/features/directory/strings";
import { Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { schoolYearOf } from "~/utils/datetime";
import { countRu } from "~/utils/plural";
import { viewerOf } from "~/features/accounts/viewer.server";
import { PlansBlock } from "~/features/plans/components/plans-block";
import { loadPlansBlock } from "~/features/plans/owner-block.server";

export const meta: Route.MetaFunction = () => [{ title: "Организации — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const url = new URL(request.url);
  const query = OrganisationsQuery.parse(Object.fromEntries(url.searchParams));
  const schoolYear = schoolYearOf(clock.now(), "Europe/Moscow");
  const [areas, list] = await Promise.all([listAreas(db), listOrganisations(db, { ...query, regionId: query.region, municipalityId: query.municipality, schoolYear })]);
  const flagsOf = (y: (typeof list.rows)[number]["year"]) => (y ? (Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[]).filter((f) => y[f]).map((f) => FLAG_LABELS[f]) : []);
  return {
    query,
    schoolYear,
    areas: { regions: areas.regions, municipalities: areas.municipalities.filter((m) => !query.region || m.regionId === query.region) },
    total: list.total,
    pages: Math.max(1, Math.ceil(list.total / ORG_PAGE_SIZE)),
    rows: list.rows.map((r) => ({ id: r.id, name: r.shortName, place: [r.municipality, r.region].filter(Boolean).join(", "), flags: flagsOf(r.year), rural: r.kind === "school" ? r.rural : null })),
    search: url.search,
    // The plans of the municipality (or region) the list is filtered by: the area's own page.
    plans: query.municipality ? await loadPlansBlock(db, viewerOf(context), "municipality", query.municipality) : query.region ? await loadPlansBlock(db, viewerOf(context), "region", query.region) : null,
  };
}

export default function Organisations({ loaderData: d }: Route.ComponentProps) {
  const select = "min-h-11 rounded-md border border-slate-400 bg-white px-3";
  return (
    <Container>
      <PageHeader title="Организации" lead={`Школы и органы управления образованием регионов программы. Отметки ШНОР, ШНСУ и другие — на ${d.schoolYear} учебный год.`} />
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Фильтры">
        <label className="flex flex-col gap-1 text-sm font-medium">Регион
          <select name="region" defaultValue={d.query.region ?? ""} className={select}>
            <option value="">Все регионы</option>
            {d.areas.regions.map((r) => (<option key={r.id} value={r.id}>{r.name}</option>))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Муниципалитет
          <select name="municipality" defaultValue={d.query.municipality ?? ""} className={select}>
            <option value="">Все</option>
            {d.areas.municipalities.map((m) => (<option key={m.id} value={m.id}>{m.name}</option>))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Тип
          <select name="kind" defaultValue={d.query.kind ?? ""} className={select}>
            <option value="">Все</option>
            <option value="school">Школы</option>
            <option value="body">Органы и институты</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Отметка
          <select name="flag" defaultValue={d.query.flag ?? ""} className={select}>
            <option value="">Любая</option>
            {Object.entries(FLAG_LABELS).map(([k, v]) => (<option key={k} value={k}>{v}</option>))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Название или ИНН
          <input type="search" name="q" defaultValue={d.query.q ?? ""} className={select} />
        </label>
        <div className="sm:col-span-2 lg:col-span-5"><Button type="submit">Показать</Button></div>
      </Form>
      {d.plans ? (
        <div className="mb-6">
          <PlansBlock data={d.plans} />
        </div>
      ) : null}
      <p className="mb-3 text-sm text-muted" aria-live="polite">Найдено: {countRu(d.total, ["организация", "организации", "организаций"])}</p>
      {d.rows.length === 0 ? (
        <EmptyState title="Ничего не найдено">Измените фильтры или поищите по части названия.</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {d.rows.map((r) => (
            <li key={r.id}>
              <Card as="article">
                <h2 className="font-semibold"><Link to={`/organisations/${r.id}`}>{r.name}</Link></h2>
                <p className="text-sm text-muted">{r.place}{r.rural === null ? "" : r.rural ? " · сельская" : " · городская"}</p>
                {r.flags.length ? <p className="mt-1 text-sm">{r.flags.join(" · ")}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={d.query.page} pages={d.pages} search={d.search} />
    </Container>
  );
}
