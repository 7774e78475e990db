import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadPlanPage } from "~/features/plans/page.server";
import { planPageAction } from "~/features/plans/actions.server";
import { PLAN_DONE, PLAN_ERRORS, type PlanDoneKey } from "~/features/plans/strings";
import { ItemList } from "~/features/plans/components/item-list";
import { Legend, SectionChart, Timeline } from "~/features/plans/components/progress";
import { AddItemForms } from "~/features/plans/components/add-item";
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from "~/features/plans/vocabulary";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { StatList } from "~/components/ui/stat";
import { Button, ButtonLink } from "~/components/ui/button";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.plan.title ?? "План"} — Мост` }];

const Params = z.object({ id: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const page = await loadPlanPage(db, viewerOf(context), parsed.data.id, clock.now());
  const search = new URL(request.url).searchParams;
  const done = search.get("done");
  return { ...page, done: done && done in PLAN_DONE ? PLAN_DONE[done as PlanDoneKey] : null, unknownPeople: search.get("unknown"), types: ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  return planPageAction(services(context), viewer, request, parsed.data.id);
}

export default function PlanPage({ loaderData: p, actionData }: Route.ComponentProps) {
  const errors: Record<string, string> = actionData?.errors ?? {};
  const t = p.summary.totals.counts;
  return (
    <Container className="max-w-5xl">
      <PageHeader
        title={p.plan.title}
        lead={
          <>
            {p.plan.ownerKindLabel}: <Link to={p.owner.href}>{p.owner.name}</Link> · {p.plan.schoolYear} учебный год
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {p.unknownPeople ? <Alert tone="info">Не найдены среди участников и сотрудников, поэтому не назначены: {p.unknownPeople}.</Alert> : null}
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <nav aria-label="Действия с планом" className="flex flex-wrap gap-2">
          <ButtonLink variant="secondary" to={`/plans/${p.plan.id}/report`}>
            Квартальный отчёт
          </ButtonLink>
          <a className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 text-sm font-semibold text-brand-700 no-underline" href={`/plans/${p.plan.id}/export?format=xlsx`} download>
            Скачать XLSX
          </a>
          <a className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 text-sm font-semibold text-brand-700 no-underline" href={`/plans/${p.plan.id}/export?format=csv`} download>
            Скачать CSV
          </a>
          {p.canEdit ? (
            <ButtonLink variant="secondary" to={`/plans/${p.plan.id}/import`}>
              Загрузить из файла
            </ButtonLink>
          ) : null}
          {p.plan.published ? (
            <ButtonLink variant="ghost" to={`/plans/${p.plan.id}/public`}>
              Открытая страница
            </ButtonLink>
          ) : null}
        </nav>

        <Card aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="text-xl font-semibold">
            Ход выполнения
          </h2>
          <div className="mt-3" data-testid="plan-counts">
            <StatList
              items={[
                { label: "Мероприятий", value: p.summary.totals.total },
                { label: "Выполнено", value: t.on_time + t.late, hint: t.late ? `из них с опозданием: ${t.late}` : undefined },
                { label: "Просрочено", value: t.overdue },
                { label: "Выполняется", value: t.in_progress },
              ]}
            />
          </div>
          {p.summary.sections.length ? (
            <div className="mt-4 flex flex-col gap-3">
              <Legend />
              <h3 className="font-semibold">По разделам</h3>
              <SectionChart sections={p.summary.sections} />
              <h3 className="font-semibold">Шкала времени</h3>
              <Timeline items={p.items} schoolYear={p.plan.schoolYear} today={p.today} />
            </div>
          ) : null}
        </Card>

        <section aria-labelledby="items-heading">
          <h2 id="items-heading" className="mb-2 text-xl font-semibold">
            Разделы и мероприятия
          </h2>
          <ItemList items={p.items} linkBase={`/plans/${p.plan.id}`} />
        </section>

        {p.canEdit ? <AddItemForms errors={errors} values={actionData?.values ?? {}} types={p.types} /> : null}

        {p.canPublish ? (
          <Card aria-labelledby="publish-heading">
            <h2 id="publish-heading" className="text-xl font-semibold">
              Открытая страница
            </h2>
            <p className="mt-2 text-sm text-muted">{p.plan.published ? "План виден всем по ссылке — её можно разместить на официальном сайте школы." : "Опубликуйте план, чтобы разместить ссылку на него на официальном сайте школы."}</p>
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="published" value={p.plan.published ? "no" : "yes"} />
              <Button type="submit" variant="secondary">
                {p.plan.published ? "Снять с открытой страницы" : "Опубликовать"}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </Container>
  );
}
