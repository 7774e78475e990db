import { Form, Link } from "react-router";
import { Pagination } from "~/components/ui/pagination";
import type { Route } from "./+types/people";
import { services } from "~/services.server";
import { PeopleQuery } from "~/features/profiles/schemas";
import { listPeople, organisationChoices, PEOPLE_PAGE_SIZE } from "~/features/profiles/queries.server";
import { listAreas } from "~/features/directory/organisations.server";
import { Avatar } from "~/features/profiles/components/avatar";
import { POSITIONS, SUBJECTS, subjectLabel, TOPICS, topicLabel } from "~/features/vocabulary";
import { Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Педагоги — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = services(context);
  const url = new URL(request.url);
  const query = PeopleQuery.parse(Object.fromEntries(url.searchParams));
  const [areas, orgs, list] = await Promise.all([listAreas(db), organisationChoices(db), listPeople(db, query)]);
  return {
    query,
    areas: { regions: areas.regions, municipalities: areas.municipalities.filter((m) => !query.region || m.regionId === query.region) },
    orgs,
    total: list.total,
    pages: Math.max(1, Math.ceil(list.total / PEOPLE_PAGE_SIZE)),
    rows: list.rows,
    search: url.search,
  };
}

const select = "min-h-11 rounded-md border border-slate-400 bg-white px-3";

function Filter({ label, name, value, options, all = "Все" }: { label: string; name: string; value?: string; options: { value: string; label: string }[]; all?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={select}>
        <option value="">{all}</option>
        {options.map((o) => (<option key={o.value} value={o.value}>{o.label}</option>))}
      </select>
    </label>
  );
}

export default function People({ loaderData: d }: Route.ComponentProps) {
  const q = d.query;
  const topics = TOPICS.map((t) => ({ value: t.code, label: t.label }));
  return (
    <Container>
      <PageHeader title="Педагоги" lead="Учителя, методисты, руководители и специалисты, открывшие свой профиль. Найдите коллегу, который поможет с вашей задачей." />
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Фильтры">
        <Filter label="Регион" name="region" value={q.region} options={d.areas.regions.map((r) => ({ value: r.id, label: r.name }))} all="Все регионы" />
        <Filter label="Муниципалитет" name="municipality" value={q.municipality} options={d.areas.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
        <label className="flex flex-col gap-1 text-sm font-medium">Организация
          <select name="organisation" defaultValue={q.organisation ?? ""} className={select}>
            <option value="">Все</option>
            {d.orgs.map((g) => (
              <optgroup key={g.region} label={g.region}>
                {g.options.map((o) => (<option key={o.id} value={o.id}>{o.name}</option>))}
              </optgroup>
            ))}
          </select>
        </label>
        <Filter label="Должность" name="position" value={q.position} options={POSITIONS.map((p) => ({ value: p, label: p }))} all="Любая" />
        <Filter label="Предмет" name="subject" value={q.subject} options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} all="Любой" />
        <Filter label="Может помочь с" name="canHelp" value={q.canHelp} options={topics} all="Любая тема" />
        <Filter label="Нужна помощь с" name="needsHelp" value={q.needsHelp} options={topics} all="Любая тема" />
        <label className="flex flex-col gap-1 text-sm font-medium">Имя
          <input type="search" name="q" defaultValue={q.q ?? ""} className={select} />
        </label>
        <div className="sm:col-span-2 lg:col-span-4"><Button type="submit">Показать</Button></div>
      </Form>
      <p className="mb-3 text-sm text-muted" aria-live="polite">Найдено: {countRu(d.total, ["педагог", "педагога", "педагогов"])}</p>
      {d.rows.length === 0 ? (
        <EmptyState title="Никого не нашлось">Измените фильтры: поиск идёт только по сведениям, которые люди открыли сами.</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Педагоги">
          {d.rows.map((r) => (
            <li key={r.id}>
              <Card as="article" className="flex gap-3">
                <Avatar name={r.name} photoUrl={r.photoUrl} />
                <div className="min-w-0">
                  <h2 className="font-semibold"><Link to={`/people/${r.id}`}>{r.name}</Link></h2>
                  {r.position || r.organisation ? (
                    <p className="text-sm text-muted">{[r.position, r.organisation ? `${r.organisation.name}, ${r.organisation.region}` : null].filter(Boolean).join(" · ")}</p>
                  ) : null}
                  {r.subjects.length ? <p className="text-sm">{r.subjects.map(subjectLabel).join(", ")}</p> : null}
                  {r.canHelp.length ? <p className="mt-1 text-sm"><span className="font-medium">Может помочь: </span>{r.canHelp.map(topicLabel).join(", ")}</p> : null}
                  {r.needsHelp.length ? <p className="text-sm"><span className="font-medium">Ищет помощь: </span>{r.needsHelp.map(topicLabel).join(", ")}</p> : null}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={q.page} pages={d.pages} search={d.search} />
    </Container>
  );
}
