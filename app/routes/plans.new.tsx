import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.new";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { newPlanAction } from "~/features/plans/actions.server";
import { loadOwner } from "~/features/plans/queries.server";
import { canEditPlan, ensurePlan } from "~/features/plans/policy.server";
import { PLAN_TEMPLATES } from "~/features/plans/templates";
import { OWNER_KIND_LABELS, PLAN_OWNER_KINDS } from "~/features/plans/vocabulary";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { SelectField, TextField } from "~/components/ui/form";
import { Button } from "~/components/ui/button";
import { schoolYearOf } from "~/utils/datetime";

export const meta: Route.MetaFunction = () => [{ title: "Новый план — Мост" }];

const Query = z.object({ ownerKind: z.enum(PLAN_OWNER_KINDS), ownerId: z.string().uuid() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(PLAN_ERRORS.ownerNotFound, { status: 404 });
  const { db, clock } = services(context);
  const owner = await loadOwner(db, viewer, parsed.data.ownerKind, parsed.data.ownerId);
  if (!owner) throw data(PLAN_ERRORS.ownerNotFound, { status: 404 });
  ensurePlan(canEditPlan(viewer, owner.access));
  const templates = [...PLAN_TEMPLATES].sort((a, b) => Number(b.owners.includes(owner.kind)) - Number(a.owners.includes(owner.kind)));
  return {
    owner: { kind: owner.kind, id: owner.id, name: owner.name, href: owner.href, label: OWNER_KIND_LABELS[owner.kind] },
    schoolYear: schoolYearOf(clock.now(), owner.timeZone),
    templates: templates.map((t) => ({ id: t.id, name: t.name, title: t.title })),
    defaultTitle: templates[0]?.owners.includes(owner.kind) ? templates[0].title : "",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  return newPlanAction(services(context), requireUser(request, context), request);
}

export default function NewPlan({ loaderData: d, actionData }: Route.ComponentProps) {
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Новый план" lead={`${d.owner.label}: ${d.owner.name}`} />
      <Card>
        <Form method="post" className="flex flex-col gap-4">
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <input type="hidden" name="ownerKind" value={d.owner.kind} />
          <input type="hidden" name="ownerId" value={d.owner.id} />
          <SelectField name="templateId" label="Шаблон" value={values.templateId ?? d.templates[0]?.id ?? ""} empty="Пустой план" options={d.templates.map((t) => ({ value: t.id, label: t.name }))} hint="Разделы и мероприятия шаблона можно потом дополнить или загрузить план из файла." error={errors.templateId} />
          <TextField name="title" label="Название плана" defaultValue={values.title ?? d.defaultTitle} required maxLength={300} error={errors.title} />
          <TextField name="schoolYear" label="Учебный год" defaultValue={values.schoolYear ?? d.schoolYear} required hint="Например, 2026/2027: к нему относятся сроки вида «декабрь» или «1–4 кв.»." error={errors.schoolYear} />
          <div>
            <Button type="submit">Создать план</Button>
          </div>
        </Form>
      </Card>
    </Container>
  );
}
