import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/partnerships.new";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { proposeAction } from "~/features/partnerships/actions.server";
import { loadProposePage } from "~/features/partnerships/propose-page.server";
import { Alert, Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { countRu } from "~/utils/plural";
import { TEACHERS } from "~/features/partnerships/strings";

export const meta: Route.MetaFunction = () => [{ title: "Предложить партнёрство — Мост" }];

const Query = z.object({ school: z.string().uuid().optional().catch(undefined) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { school } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadProposePage(services(context), viewer, school);
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return proposeAction(services(context), viewer, request);
}

export default function ProposePartnership({ loaderData: p, actionData }: Route.ComponentProps) {
  if (!p.school) {
    return (
      <Container className="max-w-4xl">
        <PageHeader title="Предложить партнёрство" />
        {actionData?.errors.form ? <div className="mb-4"><Alert tone="error">{actionData.errors.form}</Alert></div> : null}
        {p.asLeader.map((leader) => (
          <Card key={leader.id} aria-labelledby={`leader-${leader.id}`} className="mb-6">
            <h2 id={`leader-${leader.id}`} className="mb-3 text-lg font-semibold">{leader.shortName}: предложить партнёрство школе-партнёру</h2>
            {leader.partners.length ? (
              <Form method="post" className="flex flex-col gap-3">
                <input type="hidden" name="leaderOrgId" value={leader.id} />
                <div className="flex flex-col gap-1">
                  <label htmlFor={`partner-${leader.id}`} className="font-medium">Школа-партнёр (ШНОР или ШНСУ региона)</label>
                  <select id={`partner-${leader.id}`} name="partnerOrgId" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                    {leader.partners.map((o) => (<option key={o.id} value={o.id}>{o.shortName}</option>))}
                  </select>
                </div>
                <label htmlFor={`goals-leader-${leader.id}`} className="font-medium">Цели партнёрства (можно уточнить позже)</label>
                <textarea id={`goals-leader-${leader.id}`} name="goals" rows={2} maxLength={2000} className="rounded-md border border-slate-400 bg-white p-2" />
                <div><Button type="submit">Предложить партнёрство</Button></div>
              </Form>
            ) : (
              <p>В регионе нет школ-партнёров без партнёрства с вашей школой.</p>
            )}
          </Card>
        ))}
        {p.options.length ? (
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="school" className="font-medium">Школа-партнёр</label>
              <select id="school" name="school" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                {p.options.map((o) => (<option key={o.id} value={o.id}>{o.shortName}</option>))}
              </select>
            </div>
            <Button type="submit">Подобрать школы-лидеры</Button>
          </Form>
        ) : p.asLeader.length ? null : (
          <EmptyState title="Нет школ, для которых вы можете предложить партнёрство">Предлагают администраторы школ и координаторы.</EmptyState>
        )}
      </Container>
    );
  }
  return (
    <Container className="max-w-4xl">
      <PageHeader title="Предложить партнёрство" lead={`Школа-партнёр: ${p.school.shortName}. Подбор учитывает сильные стороны школ, экспертизу их педагогов, расстояние и нагрузку.`} />
      <div className="flex flex-col gap-6">
        {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        <Card aria-labelledby="needs-heading">
          <h2 id="needs-heading" className="mb-2 text-lg font-semibold">С чем нужна помощь педагогам школы</h2>
          {p.needs.length ? (
            <ul className="flex flex-col gap-1">
              {p.needs.map((n) => (<li key={n.topic}>{n.label} — {countRu(n.count, TEACHERS)}</li>))}
            </ul>
          ) : (
            <p>Педагоги школы ещё не указали в профилях, с чем им нужна помощь: подбор учитывает только расстояние и нагрузку.</p>
          )}
        </Card>
        <section aria-labelledby="suggestions-heading" className="flex flex-col gap-3">
          <h2 id="suggestions-heading" className="text-xl font-semibold">Предлагаемые школы-лидеры и стажировочные площадки</h2>
          {p.suggestions.length ? (
            <ol className="flex flex-col gap-3" aria-label="Предлагаемые школы">
              {p.suggestions.map((s) => (
                <li key={s.organisationId}>
                  <Card as="article" aria-labelledby={`s-${s.organisationId}`}>
                    <h3 id={`s-${s.organisationId}`} className="font-semibold"><Link to={`/organisations/${s.organisationId}`}>{s.shortName}</Link></h3>
                    <p className="text-sm text-muted">{s.kinds.join(", ")} · {s.place}</p>
                    <h4 className="mt-2 text-sm font-medium">Почему эта школа</h4>
                    <ul className="list-disc pl-5 text-sm" aria-label={`Причины: ${s.shortName}`}>
                      {s.reasons.map((r) => (<li key={r}>{r}</li>))}
                    </ul>
                    <Form method="post" className="mt-3 flex flex-col gap-2">
                      <input type="hidden" name="leaderOrgId" value={s.organisationId} />
                      <input type="hidden" name="partnerOrgId" value={p.school!.id} />
                      <label htmlFor={`goals-${s.organisationId}`} className="text-sm font-medium">Цели партнёрства (можно уточнить позже)</label>
                      <textarea id={`goals-${s.organisationId}`} name="goals" rows={2} maxLength={2000} className="rounded-md border border-slate-400 bg-white p-2" />
                      <div><Button type="submit" aria-label={`Предложить партнёрство: ${s.shortName}`}>Предложить партнёрство</Button></div>
                    </Form>
                  </Card>
                </li>
              ))}
            </ol>
          ) : (
            <EmptyState title="Подходящих школ не нашлось">В этом учебном году нет школ-лидеров и стажировочных площадок без партнёрства с вашей школой.</EmptyState>
          )}
        </section>
      </div>
    </Container>
  );
}
