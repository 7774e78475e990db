import { Form, redirect } from "react-router";
import type { Route } from "./+types/directory.requests";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { getViewerZone } from "~/features/accounts/viewer-zone.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { RequestsAction } from "~/features/directory/schemas";
import { coordinatedScopes, listAreas, listRoleChangesInScope, listRoleRequestsInScope } from "~/features/directory/organisations.server";
import { appointExpert, decideRoleRequest } from "~/features/directory/staff.server";
import { ensure } from "~/features/directory/policy.server";
import { Alert, Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";
import { formatDateTime } from "~/utils/datetime";

export const meta: Route.MetaFunction = () => [{ title: "Заявки и роли — Мост" }];

const ROLE_LABELS: Record<string, string> = { school_admin: "администратор ОО", coordinator: "координатор", expert: "эксперт", admin: "администратор платформы", moderator: "модератор", curator: "куратор" };

function requireCoordinator(request: Request, context: Route.LoaderArgs["context"]) {
  const viewer = requireUser(request, context);
  const scope = coordinatedScopes(viewer);
  ensure(!scope || scope.regionIds.length + scope.municipalityIds.length > 0, "Эта страница — для координаторов программы.");
  return { viewer, scope };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { viewer, scope } = requireCoordinator(request, context);
  const { db, clock } = services(context);
  const zone = await getViewerZone(request, clock.now());
  const [requests, changes, areas] = await Promise.all([listRoleRequestsInScope(db, viewer), listRoleChangesInScope(db, viewer), listAreas(db)]);
  return {
    requests: requests.map((r) => ({ ...r, role: ROLE_LABELS[r.role] ?? r.role, requestedAt: formatDateTime(r.requestedAt, zone) })),
    changes: changes.map((c) => ({ ...c, role: ROLE_LABELS[c.role] ?? c.role, at: formatDateTime(c.at, zone) })),
    regions: areas.regions.filter((r) => !scope || scope.regionIds.includes(r.id)),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { viewer } = requireCoordinator(request, context);
  const form = await parseForm(request, RequestsAction, ["intent", "email"]);
  if (!form.ok) return form.response;
  const s = services(context);
  const d = form.data;
  const result = d.intent === "decide" ? await decideRoleRequest(s, viewer, { requestId: d.requestId, confirm: d.decision === "confirm", reason: d.reason }) : await appointExpert(s, viewer, d);
  if (!result.ok) return failureResponse({ ok: false, error: result.error, status: 400 }, form.values);
  return redirect("/directory/requests");
}

export default function Requests({ loaderData: d, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  return (
    <Container className="max-w-4xl">
      <PageHeader title="Заявки и роли" lead="Подтверждение администраторов школ и назначение экспертов в вашем регионе или муниципалитете. Каждое решение записывается в журнал." />
      <div className="flex flex-col gap-6">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <Card aria-labelledby="admin-requests">
          <h2 id="admin-requests" className="mb-3 text-lg font-semibold">Заявки администраторов ОО</h2>
          {d.requests.length === 0 ? (
            <EmptyState title="Новых заявок нет" />
          ) : (
            <ul className="flex flex-col gap-4">
              {d.requests.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-semibold">{r.person} ({r.email}) — {r.role}, {r.organisation}</p>
                  <p className="text-sm text-muted">{r.requestedAt}. Основание: {r.reason}</p>
                  <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <TextField id={`reason-${r.id}`} name="reason" label="Основание решения" className="min-w-64 flex-1" error={errors.reason} />
                    <Button type="submit" name="decision" value="confirm">Подтвердить</Button>
                    <Button type="submit" name="decision" value="decline" variant="secondary">Отклонить</Button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="experts">
          <h2 id="experts" className="mb-3 text-lg font-semibold">Назначить эксперта</h2>
          <Form method="post" className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="appoint-expert" />
            <TextField id="expert-email" name="email" type="email" label="Электронная почта зарегистрированного педагога" error={errors.email} defaultValue={actionData?.values.email} />
            <label className="flex flex-col gap-1 font-medium">Регион
              <select name="regionId" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                {d.regions.map((r) => (<option key={r.id} value={r.id}>{r.name}</option>))}
              </select>
            </label>
            <TextField id="expert-reason" name="reason" label="Основание" hint="Например: приказ ИРО № 45 от 2 ноября 2026 г." error={actionData?.values.intent === "appoint-expert" ? errors.reason : undefined} />
            <div><Button type="submit">Назначить экспертом</Button></div>
          </Form>
        </Card>
        <Card aria-labelledby="log">
          <h2 id="log" className="mb-3 text-lg font-semibold">Журнал изменений ролей</h2>
          {d.changes.length === 0 ? <p>Изменений пока не было.</p> : (
            <ul className="flex flex-col gap-2 text-sm">
              {d.changes.map((c) => (
                <li key={c.id}>{c.at}: {c.person} — {c.action === "granted" ? "назначен(а)" : "снят(а)"} {c.role}{c.scopeName ? ` (${c.scopeName})` : ""}; {c.actor ? `решение: ${c.actor}` : ""}. Основание: {c.reason}</li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </Container>
  );
}
