import { Form, Link } from "react-router";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events.$id";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { eventPageAction } from "~/features/events/actions.server";
import { loadEventPage } from "~/features/events/page.server";
import { viewerFacts } from "~/features/events/queries.server";
import { DONE, EVENT_ERRORS, REGISTRATION_LABELS, type DoneKey } from "~/features/events/strings";
import { ZoneLine } from "~/features/events/components/zone-line";
import { RichTextView } from "~/features/discussions/rich-text/editor";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.page.event.title ?? "Мероприятие"} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const viewer = viewerOf(context);
  const now = clock.now();
  const [facts, zone] = await Promise.all([viewerFacts(db, viewer), viewerZoneOf(request, context, now)]);
  const page = await loadEventPage(db, viewer, facts, { id: params.id, zone, now });
  const done = new URL(request.url).searchParams.get("done");
  return { page, done: done && done in DONE ? DONE[done as DoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return eventPageAction(services(context), viewer, request, params.id);
}

const REFUSAL_TEXT = { guest: null, cancelled: EVENT_ERRORS.cancelled, finished: EVENT_ERRORS.finished, audience: EVENT_ERRORS.notInAudience } as const;

export default function EventPage({ loaderData: { page: d, done }, actionData }: Route.ComponentProps) {
  const e = d.event;
  const errors = actionData?.errors ?? {};
  return (
    <Container className="max-w-4xl">
      <p className="mb-2 text-sm"><Link to="/events">← Все мероприятия</Link></p>
      <PageHeader
        title={e.title}
        lead={`${e.type} · ${e.format} · ${e.audience}`}
        actions={d.can.manage ? (<>
          <ButtonLink to={`/events/${e.id}/room`} variant="secondary">Комната</ButtonLink>
          <ButtonLink to={`/events/${e.id}/participants`} variant="secondary">Участники</ButtonLink>
          <ButtonLink to={`/events/${e.id}/edit`} variant="secondary">Изменить</ButtonLink>
        </>) : null}
      />
      {done ? <div className="mb-4"><Alert tone="success">{done}</Alert></div> : null}
      {errors.form ? <div className="mb-4"><Alert tone="error">{errors.form}</Alert></div> : null}
      {e.cancelled ? <div className="mb-4"><Alert tone="error">Мероприятие отменено организатором.</Alert></div> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card aria-labelledby="when-title">
            <h2 id="when-title" className="mb-2 text-lg font-semibold">Когда</h2>
            <ul className="flex flex-col gap-1" data-testid="event-sessions">
              {e.sessions.map((x) => (
                <li key={x.id}><span className="font-medium">{x.label}:</span> {x.when}</li>
              ))}
            </ul>
            <div className="mt-2"><ZoneLine zone={d.zone} /></div>
            <p className="mt-2 text-sm"><a href={`/events/${e.id}/ics`} download>Добавить в календарь (.ics)</a></p>
          </Card>
          <Card aria-labelledby="about-title">
            <h2 id="about-title" className="mb-2 text-lg font-semibold">О мероприятии</h2>
            <p className="mb-4">{e.summary}</p>
            <h3 className="mb-1 font-semibold">Программа</h3>
            <RichTextView html={e.programmeHtml} />
            {e.speakers.length ? (
              <>
                <h3 className="mb-1 mt-4 font-semibold">Спикеры</h3>
                <ul className="list-disc pl-5">
                  {e.speakers.map((s, i) => (<li key={i}>{s.name}{s.about ? ` — ${s.about}` : ""}</li>))}
                </ul>
              </>
            ) : null}
            {d.links.practices.length ? (
              <>
                <h3 className="mb-1 mt-4 font-semibold">Практики из библиотеки</h3>
                <ul className="list-disc pl-5">{d.links.practices.map((p) => (<li key={p.id}><Link to={`/library/${p.id}`}>{p.title}</Link></li>))}</ul>
              </>
            ) : null}
            {d.links.invited.length ? (
              <>
                <h3 className="mb-1 mt-4 font-semibold">Приглашённые сообщества</h3>
                <ul className="list-disc pl-5">{d.links.invited.map((c) => (<li key={c.id}><Link to={`/communities/${c.slug}`}>{c.name}</Link></li>))}</ul>
              </>
            ) : null}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card aria-labelledby="registration-title">
            <h2 id="registration-title" className="mb-2 text-lg font-semibold">Регистрация</h2>
            <p className="text-sm">Организатор: <Link to={`/organisations/${e.organisation.id}`}>{e.organisation.name}</Link> ({e.organiserZone})</p>
            {e.venue ? <p className="mt-1 text-sm">Место: {e.venue}</p> : null}
            <p className="mt-2 text-sm" data-testid="event-seats">{e.seats}. Зарегистрировано: {e.registered}.</p>
            {e.waiting ? <p className="text-sm text-muted">{e.waiting}</p> : null}
            {d.me.status ? (
              <div className="mt-3 flex flex-col gap-2">
                <p className="font-semibold" data-testid="my-registration">
                  {REGISTRATION_LABELS[d.me.status]}
                  {d.me.waitPosition ? ` (место в очереди: ${d.me.waitPosition})` : ""}
                </p>
                {e.onlineUrl ? <p className="text-sm">Трансляция: <a href={e.onlineUrl} rel="noopener noreferrer nofollow" target="_blank">{e.onlineUrl}</a></p> : null}
                {d.me.status === "registered" && !e.cancelled ? <p><Link to={`/events/${e.id}/room`}>Комната мероприятия</Link>: вопросы, отметка о посещении, материалы{e.past ? " и сертификат" : ""}</p> : null}
                {!e.past && !e.cancelled ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unregister" />
                    <Button type="submit" variant="secondary">{d.me.status === "waitlisted" ? "Выйти из листа ожидания" : "Отменить регистрацию"}</Button>
                  </Form>
                ) : null}
              </div>
            ) : d.can.register ? (
              <Form method="post" className="mt-3 flex flex-col gap-3">
                <input type="hidden" name="intent" value="register" />
                {d.questions.map((q) =>
                  q.kind === "choice" ? (
                    <SelectField key={q.id} name={`answer_${q.id}`} label={`${q.label}${q.required ? " (обязательно)" : ""}`} value={actionData?.values?.[`answer_${q.id}`] ?? ""} empty="—" options={q.options.map((o) => ({ value: o, label: o }))} error={errors[`answer_${q.id}`]} />
                  ) : (
                    <TextField key={q.id} name={`answer_${q.id}`} label={`${q.label}${q.required ? " (обязательно)" : ""}`} defaultValue={actionData?.values?.[`answer_${q.id}`]} error={errors[`answer_${q.id}`]} maxLength={1000} />
                  ),
                )}
                <Button type="submit">{e.full ? "Записаться в лист ожидания" : "Зарегистрироваться"}</Button>
                {e.hasOnline ? <p className="text-sm text-muted">Ссылка на трансляцию появится здесь после регистрации.</p> : null}
              </Form>
            ) : d.can.refusal === "guest" ? (
              <p className="mt-3"><Link to={`/login?returnTo=/events/${e.id}`}>Войдите</Link>, чтобы зарегистрироваться.</p>
            ) : d.can.refusal ? (
              <p className="mt-3 text-sm">{REFUSAL_TEXT[d.can.refusal]}</p>
            ) : null}
          </Card>
          {d.can.manage && !e.cancelled && !e.past ? (
            <Card aria-labelledby="organiser-title">
              <h2 id="organiser-title" className="mb-2 text-lg font-semibold">Для организатора</h2>
              <Form method="post" onSubmit={(ev) => { if (!confirm("Отменить мероприятие? Все участники получат уведомление.")) ev.preventDefault(); }}>
                <input type="hidden" name="intent" value="cancel-event" />
                <Button type="submit" variant="secondary">Отменить мероприятие</Button>
              </Form>
            </Card>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
