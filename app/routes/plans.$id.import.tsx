import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.import";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { importAction } from "~/features/plans/actions.server";
import { loadPlanForPage } from "~/features/plans/page.server";
import { canEditPlan, ensurePlan } from "~/features/plans/policy.server";
import { PLAN_EXPORT_HEADERS, PLAN_FIELDS, PLAN_SYNONYMS } from "~/features/plans/columns";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";

export const meta: Route.MetaFunction = () => [{ title: "Загрузка плана из файла — Мост" }];

const Params = z.object({ id: z.string().uuid() });

export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const viewer = viewerOf(context);
  const { plan, owner } = await loadPlanForPage(services(context).db, viewer, parsed.data.id);
  ensurePlan(canEditPlan(viewer, owner.access));
  return { plan: { id: plan.id, title: plan.title, schoolYear: plan.schoolYear }, columns: PLAN_FIELDS.map((f) => ({ name: PLAN_EXPORT_HEADERS[f], synonyms: PLAN_SYNONYMS[f].filter((s) => s !== PLAN_EXPORT_HEADERS[f]).slice(0, 4) })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  return importAction(services(context), viewer, request, parsed.data.id);
}

export default function ImportPlan({ loaderData: p, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Загрузка плана из файла" lead={<Link to={`/plans/${p.plan.id}`}>{p.plan.title}</Link>} />
      <div className="flex flex-col gap-6">
        {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
        <Card>
          <p>Файл XLSX или CSV заменит все разделы и мероприятия плана. Строка раздела — номер и название без срока («1. Нормативно-правовое обеспечение»); мероприятия нумеруются внутри раздела (1.1, 1.2…). Сроки без года относятся к {p.plan.schoolYear} учебному году.</p>
          <Form method="post" encType="multipart/form-data" className="mt-4 flex flex-col gap-3">
            <label htmlFor="plan-file" className="font-medium">
              Файл плана
            </label>
            <input id="plan-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required className="min-h-11" />
            <div>
              <Button type="submit">Загрузить</Button>
            </div>
          </Form>
        </Card>
        <Card aria-labelledby="columns-heading">
          <h2 id="columns-heading" className="text-xl font-semibold">
            Столбцы
          </h2>
          <p className="mt-2 text-sm text-muted">Порядок столбцов любой; нужен только столбец мероприятия. Узнаются и другие названия:</p>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {p.columns.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>
                {c.synonyms.length ? ` — ${c.synonyms.map((s) => `«${s}»`).join(", ")}` : ""}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </Container>
  );
}
