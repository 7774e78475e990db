import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/partnerships.$id.visits.$visitId";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadVisitPage } from "~/features/partnerships/page.server";
import { PersonName } from "~/features/partnerships/components/fields";
import { Alert, Container } from "~/components/ui/layout";
import { PARTNERSHIP_DONE } from "~/features/partnerships/strings";
import printCss from "~/features/partnerships/components/protocol-print.css?url";

/** The print stylesheet: on paper only the protocol remains. */
export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: printCss, media: "print" }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Протокол посещения урока${loaderData ? `: ${loaderData.visit.className}, ${loaderData.visit.subject}` : ""} — Мост` }];

const Params = z.object({ id: z.string().uuid(), visitId: z.string().uuid() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Протокол не найден", { status: 404 });
  const { db, clock } = services(context);
  const zone = await viewerZoneOf(request, context, clock.now());
  const page = await loadVisitPage(db, viewerOf(context), { id: parsed.data.id, visitId: parsed.data.visitId, zone });
  return { ...page, done: new URL(request.url).searchParams.get("done") === "visit" ? PARTNERSHIP_DONE.visit : null, zone: zone.label };
}

const ROWS = [
  ["focus", "Фокус наблюдения"],
  ["strengths", "Сильные стороны урока"],
  ["recommendations", "Рекомендации"],
  ["nextSteps", "Договорённости о следующих шагах"],
] as const;

/** The observation protocol, laid out for print (the site's header and links are hidden on paper). */
export default function VisitProtocol({ loaderData: p }: Route.ComponentProps) {
  const v = p.visit;
  return (
    <Container className="protocol max-w-3xl">
      <nav className="print-hidden print:hidden mb-4 flex flex-wrap gap-4" aria-label="Действия с протоколом">
        <Link to={`/partnerships/${p.partnership.id}`}>← К партнёрству</Link>
        {v.threadId ? <Link to={`/threads/${v.threadId}`}>Обсудить протокол в рабочем пространстве</Link> : null}
      </nav>
      {p.done ? <div className="print-hidden print:hidden mb-4"><Alert tone="success">{p.done}</Alert></div> : null}
      <article aria-labelledby="protocol-title" className="rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0">
        <h1 id="protocol-title" className="text-2xl font-bold">Протокол посещения урока</h1>
        <p className="mt-1 text-muted">Партнёрство: {p.partnership.title}{p.partnership.agreement ? `, соглашение ${p.partnership.agreement}` : ""}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr] print:grid-cols-[14rem_1fr]">
          <dt className="font-medium">Дата посещения</dt><dd>{v.visitedOn}</dd>
          <dt className="font-medium">Класс</dt><dd>{v.className}</dd>
          <dt className="font-medium">Предмет</dt><dd>{v.subject}</dd>
          <dt className="font-medium">Тема урока</dt><dd>{v.topic}</dd>
          <dt className="font-medium">Урок провёл(а)</dt><dd><PersonName person={v.observed} /></dd>
          <dt className="font-medium">Посетил(а)</dt><dd><PersonName person={v.visitor} /></dd>
        </dl>
        {ROWS.map(([key, label]) => (
          <section key={key} className="mt-4 break-inside-avoid">
            <h2 className="text-lg font-semibold">{label}</h2>
            <p className="whitespace-pre-line">{v[key]}</p>
          </section>
        ))}
        <p className="mt-6 text-sm text-muted">Протокол заполнен: {v.filedAt}.</p>
        <div className="print-signatures mt-10 hidden grid-cols-2 gap-8 print:grid">
          <p>Посетивший педагог: ____________________</p>
          <p>Педагог, проводивший урок: ____________________</p>
        </div>
      </article>
      <p className="print-hidden print:hidden mt-4"><button type="button" className="underline" onClick={() => window.print()}>Распечатать</button></p>
    </Container>
  );
}
