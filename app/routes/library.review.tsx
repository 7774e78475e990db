import { Link } from "react-router";
import type { Route } from "./+types/library.review";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { requireReviewQueue } from "~/features/library/policy.server";
import { loadReviewQueue } from "~/features/library/author-page.server";
import { LIBRARY_DONE, PRACTICES, type LibraryDoneKey } from "~/features/library/strings";
import { Alert, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Экспертиза практик — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  requireReviewQueue(viewer);
  const { db, clock } = services(context);
  const done = new URL(request.url).searchParams.get("done");
  return { ...(await loadReviewQueue(db, viewer, await viewerZoneOf(request, context, clock.now()))), done: done && done in LIBRARY_DONE ? LIBRARY_DONE[done as LibraryDoneKey] : null };
}

export default function ReviewQueue({ loaderData: d }: Route.ComponentProps) {
  const mine = d.items.filter((i) => i.mine);
  const waiting = d.items.filter((i) => !i.mine);
  return (
    <Container className="max-w-4xl">
      <PageHeader title="Экспертиза практик" lead="Практики вашего региона, отправленные авторами. Практики своей организации эксперт не оценивает." />
      <div className="flex flex-col gap-6">
        {d.done ? <Alert tone="success">{d.done}</Alert> : null}
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="mb-2 text-xl font-semibold">У меня на экспертизе</h2>
          {mine.length ? (
            <ul className="flex flex-col gap-2">
              {mine.map((i) => (
                <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3">
                  <Link to={`/library/${i.id}/review`} className="font-medium">{i.title}</Link>
                  <span className="block text-sm text-muted">{i.kind} · {i.organisation}, {i.region} · отправлена {i.submitted}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">Нет практик на экспертизе.</p>
          )}
        </section>
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading" className="mb-2 text-xl font-semibold">Ждут эксперта <span className="text-base font-normal text-muted">({countRu(waiting.length, PRACTICES)})</span></h2>
          {waiting.length ? (
            <ul className="flex flex-col gap-2">
              {waiting.map((i) => (
                <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3">
                  {i.canTake ? <Link to={`/library/${i.id}/review`} className="font-medium">{i.title}</Link> : <span className="font-medium">{i.title}</span>}
                  <span className="block text-sm text-muted">
                    {i.kind}{i.isUpdate ? ", новая версия" : ""} · {i.organisation}, {i.region} · отправлена {i.submitted}
                  </span>
                  {i.refusal ? <span className="block text-sm text-amber-800">{i.refusal}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Очередь пуста">Новые практики появятся здесь, и вы получите уведомление.</EmptyState>
          )}
        </section>
      </div>
    </Container>
  );
}
