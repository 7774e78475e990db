import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/organisations.$id.strengths";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { strengthsAction } from "~/features/partnerships/actions.server";
import { canEditStrengths, ensurePartnership } from "~/features/partnerships/policy.server";
import { orgScope, strengthsOf } from "~/features/partnerships/queries.server";
import { PARTNERSHIP_DONE, PARTNERSHIP_ERRORS } from "~/features/partnerships/strings";
import { TOPICS } from "~/features/vocabulary";
import { Alert, Container, PageHeader } from "~/components/ui/layout";
import { CheckboxGroup } from "~/components/ui/form";
import { Button } from "~/components/ui/button";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Сильные стороны: ${loaderData?.org.shortName ?? "школа"} — Мост` }];

const Params = z.object({ id: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  const { db } = services(context);
  const org = parsed.success ? await orgScope(db, parsed.data.id) : null;
  if (!org) throw data(PARTNERSHIP_ERRORS.schoolNotFound, { status: 404 });
  ensurePartnership(canEditStrengths(viewer, org));
  const done = new URL(request.url).searchParams.get("done") === "1" ? PARTNERSHIP_DONE.strengths : null;
  return { org: { id: org.id, shortName: org.shortName }, topics: await strengthsOf(db, org.id), done };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PARTNERSHIP_ERRORS.schoolNotFound, { status: 404 });
  return strengthsAction(services(context), viewer, request, parsed.data.id);
}

export default function Strengths({ loaderData: p, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Сильные стороны школы" lead={`${p.org.shortName}: в чём школа может помочь другим. Подбор партнёрств сопоставляет их с тем, с чем нужна помощь педагогам школ-партнёров.`} />
      <div className="flex flex-col gap-4">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        <Form method="post" className="flex flex-col gap-4">
          <CheckboxGroup name="topics" legend="Темы" options={TOPICS.map((t) => ({ value: t.code, label: t.label }))} selected={p.topics} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit">Сохранить</Button>
            <Link to={`/organisations/${p.org.id}`} className="self-center">Вернуться к школе</Link>
          </div>
        </Form>
      </div>
    </Container>
  );
}
