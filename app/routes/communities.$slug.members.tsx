import { data, Form, Link, useLocation } from "react-router";
import { Pagination } from "~/components/ui/pagination";
import { z } from "zod";
import type { Route } from "./+types/communities.$slug.members";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadMembersPage } from "~/features/communities/page.server";
import { membersPageAction } from "~/features/communities/actions.server";
import { COMMUNITY_DONE, MEMBERS, REQUESTS, ROLE_LABELS, VISIBILITY_LABELS, type DoneKey } from "~/features/communities/strings";
import { SLUG_PATTERN } from "~/features/communities/slug";
import { CommunityHeader } from "~/features/communities/components/community-header";
import { Alert, Card, Container } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Участники: ${loaderData?.community.name ?? "сообщество"} — Мост` }];

const Params = z.object({ slug: z.string().max(80).regex(SLUG_PATTERN) });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Сообщество не найдено", { status: 404 });
  const { db, clock } = services(context);
  const url = new URL(request.url);
  const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1).parse(url.searchParams.get("page") ?? 1);
  const page = await loadMembersPage(db, viewerOf(context), { slug: parsed.data.slug, zone: await viewerZoneOf(request, context, clock.now()), page: pageNumber });
  const done = url.searchParams.get("done");
  return { ...page, done: done && done in COMMUNITY_DONE ? COMMUNITY_DONE[done as DoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Сообщество не найдено", { status: 404 });
  return membersPageAction(services(context), viewer, request, parsed.data.slug);
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

export default function MembersPage({ loaderData: p, actionData }: Route.ComponentProps) {
  const error = actionData ? (actionData.errors.form ?? Object.values(actionData.errors)[0]) : undefined;
  const failedFor = actionData?.values.userId;
  const location = useLocation();
  return (
    <Container className="max-w-5xl">
      <CommunityHeader c={p.community} current="members" pendingRequests={p.requests.length} />
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {p.can.moderate ? (
          <Card aria-labelledby="requests-heading">
            <h2 id="requests-heading" className="mb-3 text-lg font-semibold">
              Заявки на вступление{p.requests.length ? `: ${countRu(p.requests.length, REQUESTS)}` : ""}
            </h2>
            {p.requests.length === 0 ? (
              <p className="text-muted">Новых заявок нет.</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {p.requests.map((r) => (
                  <li key={r.person.id} className="flex flex-col gap-2 border-b border-slate-200 pb-4 last:border-0">
                    <p>
                      <span className="font-semibold">{r.person.href ? <Link to={r.person.href}>{r.person.name}</Link> : r.person.name}</span>
                      {r.person.position ? ` · ${r.person.position}` : ""}
                      {r.person.organisation ? ` · ${r.person.organisation.name}` : ""}
                    </p>
                    <p className="text-sm text-muted">Заявка от {r.requestedAt}</p>
                    {r.note ? <blockquote className="border-l-4 border-slate-300 pl-3 text-sm">{r.note}</blockquote> : null}
                    <div className="flex flex-wrap items-end gap-3">
                      <Form method="post">
                        <Hidden fields={{ intent: "decide", userId: r.person.id, decision: "accept" }} />
                        <Button type="submit" aria-label={`Принять: ${r.person.name}`}>Принять</Button>
                      </Form>
                      <Form method="post" className="flex flex-wrap items-end gap-2">
                        <Hidden fields={{ intent: "decide", userId: r.person.id, decision: "decline" }} />
                        <label className="flex flex-col gap-1 text-sm font-medium">
                          Причина отказа
                          <input name="reason" maxLength={500} defaultValue={failedFor === r.person.id ? actionData?.values.reason : undefined} className="min-h-11 rounded-md border border-slate-400 bg-white px-3" aria-label={`Причина отказа: ${r.person.name}`} />
                        </label>
                        <Button type="submit" variant="secondary" aria-label={`Отклонить: ${r.person.name}`}>Отклонить</Button>
                      </Form>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        {p.settings ? (
          <Card aria-labelledby="settings-heading">
            <h2 id="settings-heading" className="mb-3 text-lg font-semibold">Описание и доступ</h2>
            <Form method="post" className="flex flex-col gap-4">
              <input type="hidden" name="intent" value="settings" />
              <label className="flex flex-col gap-1 font-medium">
                Описание сообщества
                <textarea name="description" required minLength={20} maxLength={2000} rows={4} defaultValue={actionData?.values.intent === "settings" ? actionData.values.description : p.settings.description} className="rounded-md border border-slate-400 bg-white p-3 font-normal" />
              </label>
              <fieldset className="flex flex-col gap-2" disabled={!p.can.appoint}>
                <legend className="font-medium">Доступ</legend>
                {(["open", "closed"] as const).map((v) => (
                  <label key={v} className="flex min-h-11 items-center gap-2">
                    <input type="radio" name="visibility" value={v} defaultChecked={p.settings!.visibility === v} />
                    {VISIBILITY_LABELS[v]}
                  </label>
                ))}
                {p.can.appoint ? (
                  <p className="text-sm text-muted">Если открыть сообщество, все ожидающие заявки будут приняты.</p>
                ) : (
                  <p className="text-sm text-muted">Открыть или закрыть сообщество может его руководитель.</p>
                )}
              </fieldset>
              {!p.can.appoint ? <input type="hidden" name="visibility" value={p.settings.visibility} /> : null}
              <div>
                <Button type="submit">Сохранить</Button>
              </div>
            </Form>
          </Card>
        ) : null}
        <Card aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 text-lg font-semibold">{countRu(p.community.memberCount, MEMBERS)}</h2>
          <ul className="flex flex-col divide-y divide-slate-200">
            {p.members.map((m) => (
              <li key={m.person.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p>
                    <span className="font-semibold">{m.person.href ? <Link to={m.person.href}>{m.person.name}</Link> : m.person.name}</span>
                    {m.role !== "member" ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{ROLE_LABELS[m.role]}</span> : null}
                  </p>
                  <p className="text-sm text-muted">
                    {[m.person.position, m.person.organisation?.name].filter(Boolean).join(" · ")}
                    {m.since ? `${m.person.position || m.person.organisation ? " · " : ""}в сообществе с ${m.since}` : ""}
                  </p>
                </div>
                {m.role !== "owner" && m.person.id !== p.viewerId && (p.can.appoint || (p.can.moderate && m.role === "member")) ? (
                  <div className="flex flex-wrap gap-2">
                    {p.can.appoint ? (
                      <Form method="post">
                        <Hidden fields={{ intent: "role", userId: m.person.id, role: m.role === "moderator" ? "member" : "moderator" }} />
                        <Button type="submit" variant="ghost">{m.role === "moderator" ? "Снять модератора" : "Сделать модератором"}</Button>
                      </Form>
                    ) : null}
                    <details>
                      <summary className="cursor-pointer py-2 text-sm text-brand-700">Исключить</summary>
                      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                        <Hidden fields={{ intent: "remove", userId: m.person.id }} />
                        <label className="flex flex-col gap-1 text-sm font-medium">
                          Причина
                          <input name="reason" required minLength={3} maxLength={500} className="min-h-11 rounded-md border border-slate-400 bg-white px-3" />
                        </label>
                        <Button type="submit" variant="secondary">Исключить</Button>
                      </Form>
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={p.page} pages={p.pages} search={location.search} label="Страницы участников" />
        </Card>
      </div>
    </Container>
  );
}
