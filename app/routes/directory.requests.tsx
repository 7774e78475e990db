import { Form, redirect } from "react-router";
import type { Route } from "./+types/directory.requests";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { RequestsAction } from "~/features/directory/schemas";
import { coordinatedScopes, listAreas, listRoleChangesInScope, listRoleHoldersInScope, listRoleRequestsInScope } from "~/features/directory/organisations.server";
import { assignRole, decideRoleRequest, withdrawRole } from "~/features/directory/staff.server";
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
  const zone = await viewerZoneOf(request, context, clock.now());
  const [requests, changes, areas, holders] = await Promise.all([listRoleRequestsInScope(db, viewer), listRoleChangesInScope(db, viewer), listAreas(db), listRoleHoldersInScope(db, viewer)]);
  const regions = areas.regions.filter((r) => !scope || scope.regionIds.includes(r.id));
  const targets = [
    ...regions.map((r) => ({ value: `expert|region|${r.id}`, label: `Эксперт — ${r.name}` })),
    ...(scope ? [] : regions.map((r) => ({ value: `coordinator|region|${r.id}`, label: `Координатор — ${r.name}` }))),
    ...areas.municipalities.filter((m) => regions.some((r) => r.id === m.regionId)).map((m) => ({ value: `coordinator|municipality|${m.id}`, label: `Координатор — ${m.name}` })),
  ];
  return {
    targets,
    holders: holders.map((h) => ({ ...h, role: ROLE_LABELS[h.role] ?? h.role })),
    requests: requests.map((r) => ({ ...r, role: ROLE_LABELS[r.role] ?? r.role, requestedAt: formatDateTime(r.requestedAt, zone) })),
    changes: changes.map((c) => ({ ...c, role: ROLE_LABELS[c.role] ?? c.role, at: formatDateTime(c.at, zone) })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { viewer } = requireCoordinator(request, context);
  const form = await parseForm(request, RequestsAction, ["intent", "email"]);
  if (!form.ok) return form.response;
  const s = services(context);
  const d = form.data;
  const result =
    d.intent === "decide"
      ? await decideRoleRequest(s, viewer, { requestId: d.requestId, confirm: d.decision === "confirm", reason: d.reason })
      : d.intent === "withdraw"
        ? await withdrawRole(s, viewer, d)
        : await assignRole(s, viewer, { email: d.email, role: d.target.split("|")[0]!, scopeType: d.target.split("|")[1] as "region" | "municipality", scopeId: d.target.split("|")[2]!, reason: d.reason });
  if (!result.ok) return failureResponse({ ok: false, error: result.error, status: 400 }, form.values);
  return redirect("/directory/requests");
}

export default function Requests({ loaderData: d, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  return (
    <Container className="max-w-4xl">
      <PageHeader title="Заявки и роли" lead="Подтверждение администраторов школ, назначение экспертов и координаторов в вашем регионе или муниципалитете. Каждое решение записывается в журнал." />
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
        <Card aria-labelledby="assign">
          <h2 id="assign" className="mb-3 text-lg font-semibold">Назначить роль</h2>
          <Form method="post" className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="assign" />
            <TextField id="assign-email" name="email" type="email" label="Электронная почта зарегистрированного человека" error={actionData?.values.intent === "assign" ? errors.email : undefined} defaultValue={actionData?.values.email} />
            <label className="flex flex-col gap-1 font-medium">Роль
              <select name="target" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                {d.targets.map((t) => (<option key={t.value} value={t.value}>{t.label}</option>))}
              </select>
            </label>
            <TextField id="assign-reason" name="reason" label="Основание" hint="Например: приказ ИРО № 45 от 2 ноября 2026 г." error={actionData?.values.intent === "assign" ? errors.reason : undefined} />
            <div><Button type="submit">Назначить</Button></div>
          </Form>
        </Card>
        <Card aria-labelledby="holders">
          <h2 id="holders" className="mb-3 text-lg font-semibold">Роли в вашей зоне</h2>
          {d.holders.length === 0 ? <p>Назначенных ролей пока нет.</p> : (
            <ul className="flex flex-col gap-3">
              {d.holders.map((h) => (
                <li key={h.id} className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-100 pb-2">
                  <span>{h.person} ({h.email}) — {h.role}{h.scopeName ? `, ${h.scopeName}` : ""}</span>
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="grantId" value={h.id} />
                    <TextField id={`withdraw-${h.id}`} name="reason" label="Основание снятия" />
                    <Button type="submit" variant="secondary" aria-label={`Снять роль: ${h.person}, ${h.role}`}>Снять</Button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
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
