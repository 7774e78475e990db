import { Form, Link } from "react-router";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events.my";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { feedAction } from "~/features/events/actions.server";
import { myEvents } from "~/features/events/catalogue.server";
import { calendarFeedOf } from "~/features/events/feeds.server";

import { DONE, REGISTRATION_LABELS, type DoneKey } from "~/features/events/strings";
import { EventCard } from "~/features/events/components/event-card";
import { ZoneLine } from "~/features/events/components/zone-line";
import { Alert, Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/utils/datetime";

export const meta: Route.MetaFunction = () => [{ title: "Мои мероприятия — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const [mine, feed] = await Promise.all([myEvents(db, viewer, zone, now), calendarFeedOf(db, viewer.id)]);
  const done = new URL(request.url).searchParams.get("done");
  return { ...mine, feed: feed ? { since: formatDateTime(feed.createdAt, zone) } : null, zone: { label: zone.label, source: zone.source }, origin: new URL(request.url).origin, done: done && done in DONE ? DONE[done as DoneKey] : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return feedAction(services(context), viewer, request);
}

export default function MyEvents({ loaderData: d, actionData }: Route.ComponentProps) {
  const token = actionData && "feedToken" in actionData ? actionData.feedToken : null;
  const list = (cards: typeof d.upcoming) => (
    <ul className="grid gap-3 md:grid-cols-2">
      {cards.map((c) => (
        <li key={c.id}><EventCard e={c} note={c.registration ? REGISTRATION_LABELS[c.registration] : null} /></li>
      ))}
    </ul>
  );
  return (
    <Container>
      <p className="mb-2 text-sm"><Link to="/events">← Все мероприятия</Link></p>
      <PageHeader title="Мои мероприятия" lead="Мероприятия, на которые вы записаны, и те, что вы организуете." />
      {d.done ? <div className="mb-4"><Alert tone="success">{d.done}</Alert></div> : null}
      <div className="mb-4"><ZoneLine zone={d.zone} /></div>
      <section aria-labelledby="upcoming-title" className="mb-8">
        <h2 id="upcoming-title" className="mb-3 text-xl font-semibold">Предстоящие</h2>
        {d.upcoming.length ? list(d.upcoming) : <EmptyState title="Вы пока никуда не записаны"><Link to="/events">Выберите мероприятие в каталоге</Link>.</EmptyState>}
      </section>
      {d.organised.length ? (
        <section aria-labelledby="organised-title" className="mb-8">
          <h2 id="organised-title" className="mb-3 text-xl font-semibold">Организую</h2>
          {list(d.organised.map((c) => ({ ...c, registration: null })))}
        </section>
      ) : null}
      {d.past.length ? (
        <section aria-labelledby="past-title" className="mb-8">
          <h2 id="past-title" className="mb-3 text-xl font-semibold">Прошедшие</h2>
          {list(d.past)}
        </section>
      ) : null}
      <Card aria-labelledby="feed-title">
        <h2 id="feed-title" className="mb-2 text-xl font-semibold">Календарь на телефоне и в почте</h2>
        <p className="mb-3 text-sm">Личная ссылка-подписка: календарь (Яндекс, Google, Outlook, iPhone) сам покажет ваши мероприятия и их изменения. Ссылка секретная — не публикуйте её.</p>
        {token ? (
          <div className="mb-3">
            <Alert tone="success">Ссылка создана. Скопируйте её сейчас — повторно мы её не покажем (можно создать новую).</Alert>
            <label htmlFor="feed-url" className="mt-2 block font-medium">Ссылка на календарь</label>
            <input id="feed-url" readOnly value={`${d.origin}/calendar/${token}.ics`} className="min-h-11 w-full rounded-md border border-slate-400 px-3" data-testid="feed-url" />
          </div>
        ) : d.feed ? (
          <p className="mb-3 text-sm">Ссылка создана {d.feed.since}. Если она попала к посторонним, отзовите её или создайте новую.</p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Form method="post"><input type="hidden" name="intent" value="feed-create" /><Button type="submit">{d.feed || token ? "Создать новую ссылку" : "Получить ссылку"}</Button></Form>
          {d.feed || token ? <Form method="post"><input type="hidden" name="intent" value="feed-revoke" /><Button type="submit" variant="secondary">Отозвать ссылку</Button></Form> : null}
        </div>
      </Card>
    </Container>
  );
}
