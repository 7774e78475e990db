import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.items.$itemId";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadItemPage } from "~/features/plans/page.server";
import { itemPageAction } from "~/features/plans/actions.server";
import { PLAN_DONE, PLAN_ERRORS, type PlanDoneKey } from "~/features/plans/strings";
import { ACTIVITY_STATUSES, STATUS_LABELS } from "~/features/plans/vocabulary";
import { ReportBadge } from "~/features/plans/components/badges";
import { ActivityDetails, EvidenceList } from "~/features/plans/components/activity";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/utils/datetime";
import { ACCEPT_ATTRIBUTE } from "~/features/library/file-types";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.item.title ?? "Мероприятие"} — Мост` }];

const Params = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.itemNotFound, { status: 404 });
  const { db, clock } = services(context);
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const page = await loadItemPage(db, viewerOf(context), parsed.data.id, parsed.data.itemId, now);
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, history: page.history.map((h) => ({ ...h, at: formatDateTime(h.at, zone) })), done: done && done in PLAN_DONE ? PLAN_DONE[done as PlanDoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.itemNotFound, { status: 404 });
  return itemPageAction(services(context), viewer, request, parsed.data.id, parsed.data.itemId);
}

export default function ActivityPage({ loaderData: p, actionData }: Route.ComponentProps) {
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const i = p.item;
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={`${i.number ? `${i.number} ` : ""}${i.title}`}
        lead={
          <>
            <Link to={`/plans/${p.plan.id}`}>{p.plan.title}</Link> · <ReportBadge status={i.reportStatus} label={i.overdue ? "Просрочено" : i.reportStatusLabel} />
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-xl font-semibold">
            Мероприятие
          </h2>
          <ActivityDetails item={i} />
        </Card>

        <Card aria-labelledby="people-heading">
          <h2 id="people-heading" className="text-xl font-semibold">
            Ответственные участники
          </h2>
          {i.people.length ? (
            <ul className="mt-2 flex flex-col gap-2">
              {i.people.map((person) => (
                <li key={person.id} className="flex flex-wrap items-center gap-3">
                  <span>{person.name}</span>
                  {p.canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-person" />
                      <input type="hidden" name="userId" value={person.id} />
                      <Button type="submit" variant="ghost" aria-label={`Снять ответственного: ${person.name}`}>
                        Снять
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted">Никто не назначен. Назначенные получат напоминание за неделю до окончания срока и в последний день.</p>
          )}
          {p.canEdit && p.candidates.length ? (
            <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
              <input type="hidden" name="intent" value="person" />
              <SelectField name="userId" label="Назначить ответственного" value="" options={p.candidates.map((c) => ({ value: c.id, label: c.name }))} error={errors.userId} />
              <Button type="submit">Назначить</Button>
            </Form>
          ) : null}
        </Card>

        {p.canEdit ? (
          <Card aria-labelledby="status-heading">
            <h2 id="status-heading" className="text-xl font-semibold">
              Статус
            </h2>
            <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
              <input type="hidden" name="intent" value="status" />
              <SelectField name="status" label="Новый статус" value={i.status} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} error={errors.status} />
              <Button type="submit" variant="secondary">
                Изменить статус
              </Button>
            </Form>
          </Card>
        ) : null}

        <Card aria-labelledby="report-heading">
          <h2 id="report-heading" className="text-xl font-semibold">
            Отчёт о выполнении
          </h2>
          {i.actual ? <p className="mt-2 whitespace-pre-line" data-testid="actual-result">{i.actual}</p> : <p className="mt-2 text-muted">Отчёта пока нет.</p>}
          <h3 className="mt-4 font-semibold">Подтверждающие материалы</h3>
          <EvidenceList evidence={i.evidence} />
          {p.canEdit ? (
            <>
              <Form method="post" className="mt-4 flex flex-col gap-3">
                <input type="hidden" name="intent" value="report" />
                <TextAreaField name="actualResult" label="Фактический результат (отметка о выполнении)" value={values.actualResult ?? i.actual} maxLength={5000} rows={4} error={errors.actualResult} />
                <CheckboxField name="markDone" label="Отметить мероприятие выполненным" defaultChecked={i.status !== "done"} />
                <div>
                  <Button type="submit">Сохранить отчёт</Button>
                </div>
              </Form>
              <Form method="post" className="mt-4 flex flex-col gap-3">
                <input type="hidden" name="intent" value="evidence" />
                <TextField name="url" label="Ссылка на материал" defaultValue={values.url ?? ""} maxLength={2000} hint="Страница на сайте школы (https://…), мероприятие (/events/…) или практика (/library/…) платформы." error={errors.url} />
                <TextField name="label" label="Название материала" defaultValue={values.label ?? ""} maxLength={300} error={errors.label} />
                <div>
                  <Button type="submit" variant="secondary">
                    Добавить материал
                  </Button>
                </div>
              </Form>
              <Form method="post" action={`/plans/${p.plan.id}/items/${i.id}/files`} encType="multipart/form-data" className="mt-4 flex flex-col gap-3">
                <label htmlFor="evidence-file" className="font-medium">
                  Файл (PDF, документ, таблица, фотография; до 10 МБ)
                </label>
                <input id="evidence-file" name="file" type="file" accept={ACCEPT_ATTRIBUTE} required className="min-h-11" />
                <div>
                  <Button type="submit" variant="secondary">
                    Добавить файл
                  </Button>
                </div>
              </Form>
            </>
          ) : null}
        </Card>

        <Card aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-xl font-semibold">
            История статуса
          </h2>
          {p.history.length ? (
            <ol className="mt-2 flex flex-col gap-1 text-sm">
              {p.history.map((h, n) => (
                <li key={n}>
                  {h.at}: {h.from ? `${h.from} → ` : ""}
                  {h.to}
                  {h.by ? ` (${h.by})` : ""}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-muted">Статус не менялся: запланировано.</p>
          )}
        </Card>
      </div>
    </Container>
  );
}
