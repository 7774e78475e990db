import { Link } from "react-router";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events.$id.participants";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadParticipants } from "~/features/events/page.server";
import { viewerFacts } from "~/features/events/queries.server";
import { PARTICIPANTS, PEOPLE_WAITING } from "~/features/events/strings";
import { Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Участники: ${loaderData?.event.title ?? ""} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const facts = await viewerFacts(db, viewer);
  return loadParticipants(db, viewer, facts, { id: params.id, zone: await viewerZoneOf(request, context, clock.now()) });
}

export default function Participants({ loaderData: d }: Route.ComponentProps) {
  const registered = d.participants.filter((p) => p.status === "registered");
  const waiting = d.participants.filter((p) => p.status === "waitlisted");
  const table = (rows: typeof d.participants, caption: string) => (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">№</th>
            <th scope="col" className="p-2">Участник</th>
            <th scope="col" className="p-2">Эл. почта</th>
            <th scope="col" className="p-2">Записан</th>
            {d.questions.map((q) => (<th key={q} scope="col" className="p-2">{q}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={p.userId} className="border-b border-slate-200 align-top">
              <td className="p-2">{i + 1}</td>
              <td className="p-2">
                {p.href ? <Link to={p.href}>{p.name}</Link> : p.name}
                {p.organisation ? <span className="block text-muted">{p.organisation}</span> : null}
              </td>
              <td className="p-2">{p.email ?? "—"}</td>
              <td className="p-2">{p.at}{p.promoted ? <span className="block text-muted">из листа ожидания</span> : null}</td>
              {p.answers.map((a, j) => (<td key={j} className="p-2">{a || "—"}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Container>
      <p className="mb-2 text-sm"><Link to={`/events/${d.event.id}`}>← {d.event.title}</Link></p>
      <PageHeader
        title="Участники"
        lead={`Зарегистрировано: ${countRu(registered.length, PARTICIPANTS)}; в листе ожидания: ${countRu(waiting.length, PEOPLE_WAITING)}.`}
        actions={<>
          <ButtonLink to={`/events/${d.event.id}/export?format=csv`} reloadDocument variant="secondary">Скачать CSV</ButtonLink>
          <ButtonLink to={`/events/${d.event.id}/export?format=xlsx`} reloadDocument variant="secondary">Скачать XLSX</ButtonLink>
        </>}
      />
      {d.participants.length === 0 ? (
        <EmptyState title="Пока никто не зарегистрировался">Поделитесь ссылкой на страницу мероприятия с педагогами.</EmptyState>
      ) : (
        <div className="flex flex-col gap-8">
          {registered.length ? table(registered, "Зарегистрированы") : null}
          {waiting.length ? table(waiting, "Лист ожидания (по очереди)") : null}
        </div>
      )}
    </Container>
  );
}
