import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/organisations.$id";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { parseForm, failureResponse } from "~/features/accounts/actions.server";
import { OrganisationAction } from "~/features/directory/schemas";
import { loadOrganisationPage } from "~/features/directory/organisation-page.server";
import { decideMembership, requestMembership, requestSchoolAdmin } from "~/features/directory/staff.server";
import { POSITIONS } from "~/features/directory/strings";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";
import { countRu } from "~/utils/plural";
import { practiceLinksOfOrganisation } from "~/features/library/links.server";
import { PracticeLinks } from "~/features/library/components/practice-links";
import { OrganisationPartnerships } from "~/features/partnerships/components/organisation-block";
import { PlansBlock } from "~/features/plans/components/plans-block";
import { loadPlansBlock } from "~/features/plans/owner-block.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.org.shortName ?? "Организация"} — Мост` }];

const Params = z.object({ id: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Организация не найдена", { status: 404 });
  const done = new URL(request.url).searchParams.get("done");
  return { ...(await loadOrganisationPage(services(context), viewerOf(context), parsed.data.id)), practices: await practiceLinksOfOrganisation(services(context).db, parsed.data.id), plans: await loadPlansBlock(services(context).db, viewerOf(context), "organisation", parsed.data.id), done: done && DONE[done] ? DONE[done] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const { id } = Params.parse(params);
  const form = await parseForm(request, OrganisationAction, ["intent"]);
  if (!form.ok) return form.response;
  const s = services(context);
  const d = form.data;
  const result =
    d.intent === "join"
      ? await requestMembership(s, viewer, { organisationId: id, position: d.position })
      : d.intent === "decide"
        ? await decideMembership(s, viewer, { membershipId: d.membershipId, confirm: d.decision === "confirm", reason: d.reason })
        : await requestSchoolAdmin(s, viewer, { organisationId: id, reason: d.reason });
  if (!result.ok) return failureResponse({ ok: false, error: result.error, status: 400 }, form.values);
  return redirect(`/organisations/${id}?done=${d.intent}`);
}

const DONE: Record<string, string> = {
  join: "Заявка отправлена администратору организации.",
  decide: "Решение сохранено.",
  "request-admin": "Заявка отправлена координатору муниципалитета или региона.",
};

export default function OrganisationPage({ loaderData: p, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-4xl">
      <PageHeader title={p.org.shortName} lead={p.org.name} />
      <div className="flex flex-col gap-6">
        {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        <Card aria-labelledby="about">
          <h2 id="about" className="mb-2 text-lg font-semibold">Сведения</h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
            <dt className="text-muted">Тип</dt>
            <dd>{p.org.kind}{p.org.isSchool && p.org.rural !== null ? (p.org.rural ? ", сельская" : ", городская") : ""}</dd>
            <dt className="text-muted">Регион</dt>
            <dd>{p.region}{p.municipality ? `, ${p.municipality}` : ""}</dd>
            {p.org.address ? (<><dt className="text-muted">Адрес</dt><dd>{p.org.address}</dd></>) : null}
            {p.org.phone ? (<><dt className="text-muted">Телефон</dt><dd>{p.org.phone}</dd></>) : null}
            {p.org.email ? (<><dt className="text-muted">Почта</dt><dd>{p.org.email}</dd></>) : null}
            {p.org.inn ? (<><dt className="text-muted">ИНН</dt><dd>{p.org.inn}</dd></>) : null}
            {p.org.isSchool ? (
              <>
                <dt className="text-muted">{p.schoolYear} учебный год</dt>
                <dd>
                  {p.flags.length ? p.flags.join(", ") : "в списках программы не значится"}
                  {p.teacherCount !== null ? `; ${countRu(p.teacherCount, ["педагог", "педагога", "педагогов"])}` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card aria-labelledby="staff">
          <h2 id="staff" className="mb-2 text-lg font-semibold">Сотрудники на «Мосте»</h2>
          {p.staff ? (
            p.staff.length ? (
              <ul className="flex flex-col gap-1">
                {p.staff.map((m) => (<li key={m.name + m.position}>{m.name} — {m.position}</li>))}
              </ul>
            ) : (
              <p>Пока никто не подтверждён.</p>
            )
          ) : (
            <p>{p.staffCount ? `${countRu(p.staffCount, ["сотрудник", "сотрудника", "сотрудников"])} на платформе.` : "Сотрудников организации на платформе пока нет."}</p>
          )}
          {p.signedIn && !p.mine ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="join" />
              <div className="flex flex-col gap-1">
                <label htmlFor="position" className="font-medium">Моя должность</label>
                <select id="position" name="position" className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
                  {POSITIONS.map((pos) => (<option key={pos}>{pos}</option>))}
                </select>
              </div>
              <Button type="submit">Я работаю здесь</Button>
            </Form>
          ) : null}
          {p.mine ? <p className="mt-3 text-sm text-muted">{p.mine.status === "confirmed" ? `Вы в списке сотрудников (${p.mine.position}).` : "Ваша заявка ждёт подтверждения администратора."}</p> : null}
          {!p.signedIn ? <p className="mt-3 text-sm"><Link to="/login">Войдите</Link>, чтобы указать эту организацию местом работы.</p> : null}
        </Card>
        {p.requests.length ? (
          <Card aria-labelledby="requests">
            <h2 id="requests" className="mb-2 text-lg font-semibold">Заявки сотрудников</h2>
            <ul className="flex flex-col gap-3">
              {p.requests.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>{r.name} — {r.position}</span>
                  <span className="flex gap-2">
                    {(["confirm", "decline"] as const).map((decision) => (
                      <Form method="post" key={decision}>
                        <input type="hidden" name="intent" value="decide" />
                        <input type="hidden" name="membershipId" value={r.id} />
                        <input type="hidden" name="decision" value={decision} />
                        <Button type="submit" variant={decision === "confirm" ? "primary" : "secondary"} aria-label={`${decision === "confirm" ? "Подтвердить" : "Отклонить"}: ${r.name}`}>
                          {decision === "confirm" ? "Подтвердить" : "Отклонить"}
                        </Button>
                      </Form>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <OrganisationPartnerships orgId={p.org.id} data={p.partnerships} />
        <PlansBlock data={p.plans} />
        {p.signedIn && p.org.isSchool && !p.isAdmin ? (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">Я руковожу этой школой</summary>
            <Form method="post" className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="intent" value="request-admin" />
              <TextField name="reason" label="Основание" hint="Например: приказ о назначении директором № 12-к от 1 сентября 2026 г." error={actionData?.values.intent === "request-admin" ? actionData.errors.reason : undefined} />
              <div><Button type="submit" variant="secondary">Запросить права администратора ОО</Button></div>
            </Form>
          </details>
        ) : null}
      </div>
      <PracticeLinks items={p.practices} />
    </Container>
  );
}
