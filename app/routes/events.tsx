import { Pagination } from "~/components/ui/pagination";
import { Form, Link } from "react-router";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { listAreas } from "~/features/directory/organisations.server";
import { listEventCards, monthCalendar } from "~/features/events/catalogue.server";

import { mayOrganiseEvents } from "~/features/events/policy.server";
import { formChoices, viewerFacts } from "~/features/events/queries.server";
import { CatalogueQuery } from "~/features/events/schemas";
import { EVENTS, FORMAT_LABELS, TYPE_LABELS } from "~/features/events/strings";
import { EventCard } from "~/features/events/components/event-card";
import { MonthCalendar } from "~/features/events/components/month-calendar";
import { ZoneLine } from "~/features/events/components/zone-line";
import { SelectField } from "~/components/ui/form";
import { Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Мероприятия — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const viewer = viewerOf(context);
  const url = new URL(request.url);
  const query = CatalogueQuery.parse(Object.fromEntries(url.searchParams));
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const [areas, choices, facts] = await Promise.all([listAreas(db), formChoices(db), viewerFacts(db, viewer)]);
  const list = query.view === "list" ? await listEventCards(db, query, zone, now) : null;
  const month = query.view === "month" ? await monthCalendar(db, query, zone, now) : null;
  return { query, regions: areas.regions, communities: choices.communities, list, month, zone: { label: zone.label, source: zone.source }, signedIn: Boolean(viewer.id), canCreate: mayOrganiseEvents(viewer, facts), search: url.search };
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function Events({ loaderData: d }: Route.ComponentProps) {
  const link = (over: Record<string, string | null>) => {
    const params = new URLSearchParams(d.search);
    for (const [k, v] of Object.entries(over)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    return `/events?${params}`;
  };
  const tab = (active: boolean) => `inline-flex min-h-11 items-center rounded-md px-3 ${active ? "bg-brand-700 text-white no-underline" : "text-brand-700"}`;
  return (
    <Container>
      <PageHeader
        title="Мероприятия"
        lead="Вебинары, семинары, конференции и мастер-классы программы: межрегиональные и региональные, онлайн и очно. Регистрируйтесь — напомним за день и за час до начала."
        actions={
          <>
            {d.signedIn ? <ButtonLink to="/events/my" variant="secondary">Мои мероприятия</ButtonLink> : null}
            {d.canCreate ? <ButtonLink to="/events/new">Создать мероприятие</ButtonLink> : null}
          </>
        }
      />
      <nav aria-label="Вид каталога" className="mb-4 flex flex-wrap gap-2">
        <Link to={link({ view: "list", when: "upcoming", page: null, month: null })} className={tab(d.query.view === "list" && d.query.when === "upcoming")} aria-current={d.query.view === "list" && d.query.when === "upcoming" ? "page" : undefined}>Предстоящие</Link>
        <Link to={link({ view: "list", when: "past", page: null, month: null })} className={tab(d.query.view === "list" && d.query.when === "past")} aria-current={d.query.view === "list" && d.query.when === "past" ? "page" : undefined}>Прошедшие</Link>
        <Link to={link({ view: "month", page: null })} className={tab(d.query.view === "month")} aria-current={d.query.view === "month" ? "page" : undefined}>Календарь на месяц</Link>
      </nav>
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Фильтры мероприятий">
        <input type="hidden" name="view" value={d.query.view} />
        <input type="hidden" name="when" value={d.query.when} />
        {d.query.month ? <input type="hidden" name="month" value={d.query.month} /> : null}
        <SelectField name="type" label="Вид" empty="Все виды" value={d.query.type ?? ""} options={options(TYPE_LABELS)} />
        <SelectField name="format" label="Формат" empty="Любой" value={d.query.format ?? ""} options={options(FORMAT_LABELS)} />
        <SelectField name="region" label="Регион" empty="Все регионы" value={d.query.region ?? ""} options={d.regions.map((r) => ({ value: r.id, label: r.name }))} />
        <SelectField name="community" label="Сообщество" empty="Любое" value={d.query.community ?? ""} options={d.communities} />
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit">Показать</Button>
        </div>
      </Form>
      <div className="mb-3">
        <ZoneLine zone={d.zone} />
      </div>
      {d.list ? (
        <>
          <p className="mb-3 text-sm text-muted" aria-live="polite">Найдено: {countRu(d.list.total, EVENTS)}</p>
          {d.list.cards.length === 0 ? (
            <EmptyState title={d.query.when === "upcoming" ? "Предстоящих мероприятий не найдено" : "Прошедших мероприятий не найдено"}>Измените фильтры или посмотрите календарь на месяц.</EmptyState>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {d.list.cards.map((c) => (
                <li key={c.id}>
                  <EventCard e={c} />
                </li>
              ))}
            </ul>
          )}
          <Pagination page={d.query.page} pages={d.list.pages} search={d.search} />
        </>
      ) : null}
      {d.month ? (
        <>
          <MonthCalendar year={d.month.year} month={d.month.month} weeks={d.month.weeks} prevHref={link({ month: d.month.prev })} nextHref={link({ month: d.month.next })} />
          {d.month.count === 0 ? <p className="mt-3 text-sm text-muted">В этом месяце мероприятий нет.</p> : null}
        </>
      ) : null}
    </Container>
  );
}
