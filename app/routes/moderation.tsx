import { Form, redirect } from "react-router";
import { postPath } from "~/features/discussions/paths";
import type { Route } from "./+types/moderation";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { parseForm } from "~/features/accounts/actions.server";
import { decideReport } from "~/features/discussions/moderation.server";
import { listModerationQueue } from "~/features/discussions/queries.server";
import { refusalResponse } from "~/features/discussions/forms.server";
import { ModerationAction } from "~/features/discussions/schemas";
import { PersonLine } from "~/features/discussions/components/person-line";
import { RichTextView } from "~/features/discussions/rich-text/editor";
import { Button } from "~/components/ui/button";
import { Alert, Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";
import { formatDateTime } from "~/utils/datetime";

export const meta: Route.MetaFunction = () => [{ title: "Модерация — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const zone = await viewerZoneOf(request, context, clock.now());
  const reports = await listModerationQueue(db, viewer);
  const done = new URL(request.url).searchParams.get("done");
  return { done: done === "1", reports: reports.map((r) => ({ ...r, createdAt: formatDateTime(r.createdAt, zone) })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await parseForm(request, ModerationAction, ["reportId", "reason"]);
  if (!form.ok) return form.response;
  const result = await decideReport(services(context), viewer, form.data);
  if (!result.ok) return refusalResponse(result, form.values);
  return redirect("/moderation?done=1");
}

const REPORTS = ["жалоба", "жалобы", "жалоб"] as const;
const DECISIONS = [
  { value: "hide", label: "Скрыть сообщение" },
  { value: "restore", label: "Вернуть (если скрыто)" },
  { value: "dismiss", label: "Оставить как есть" },
] as const;

export default function Moderation({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-4xl">
      <PageHeader title="Модерация" lead={d.reports.length ? `Открыто: ${countRu(d.reports.length, REPORTS)}. Решение и его причину увидят автор сообщения и автор жалобы.` : "Жалобы на сообщения в сообществах, которые вы модерируете."} />
      <div className="flex flex-col gap-4">
        {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        {d.done ? <Alert tone="success">Решение сохранено.</Alert> : null}
        {d.reports.length === 0 ? (
          <EmptyState title="Открытых жалоб нет" />
        ) : (
          d.reports.map((r) => (
            <Card key={r.id} as="article" aria-labelledby={`report-${r.id}`}>
              <h2 id={`report-${r.id}`} className="text-lg font-semibold">
                <a href={postPath(r.thread.id, r.post.id)}>{r.thread.title}</a>
              </h2>
              <p className="text-sm text-muted">
                {r.place ? `${r.place.title} · ` : ""}жалоба от {r.reporter.name}, {r.createdAt}
              </p>
              <p className="mt-2">
                <span className="font-medium">Причина жалобы:</span> {r.reason}
              </p>
              <div className="mt-3 rounded-md border border-slate-200 p-3">
                <PersonLine person={r.author} />
                {r.post.deleted ? <p className="italic text-muted">Автор удалил сообщение.</p> : null}
                {r.post.hidden ? <p className="text-sm font-medium text-amber-800">Сейчас скрыто.</p> : null}
                <RichTextView html={r.post.html} />
              </div>
              <Form method="post" className="mt-3 flex flex-col gap-2">
                <input type="hidden" name="reportId" value={r.id} />
                <fieldset className="flex flex-wrap gap-4">
                  <legend className="mb-1 font-medium">Решение</legend>
                  {DECISIONS.map((o, i) => (
                    <label key={o.value} className="flex min-h-11 items-center gap-2">
                      <input type="radio" name="decision" value={o.value} defaultChecked={i === 0} required /> {o.label}
                    </label>
                  ))}
                </fieldset>
                <label htmlFor={`reason-${r.id}`} className="font-medium">
                  Причина решения
                </label>
                <textarea id={`reason-${r.id}`} name="reason" required minLength={3} maxLength={500} rows={2} className="rounded-md border border-slate-400 p-2" />
                <div>
                  <Button type="submit">Сохранить решение</Button>
                </div>
              </Form>
            </Card>
          ))
        )}
      </div>
    </Container>
  );
}
