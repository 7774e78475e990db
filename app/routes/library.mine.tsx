import { Link } from "react-router";
import type { Route } from "./+types/library.mine";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadMyLibrary } from "~/features/library/page.server";
import { PracticeGrid } from "~/features/library/components/practice-card";
import { Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { ButtonLink } from "~/components/ui/button";

export const meta: Route.MetaFunction = () => [{ title: "Мои практики — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  return loadMyLibrary(db, viewer, await viewerZoneOf(request, context, clock.now()));
}

export default function MyLibrary({ loaderData: d }: Route.ComponentProps) {
  return (
    <Container>
      <PageHeader title="Мои практики и закладки" actions={<ButtonLink to="/library/new">Предложить практику</ButtonLink>} />
      <section aria-labelledby="mine-heading" className="mb-8">
        <h2 id="mine-heading" className="mb-3 text-xl font-semibold">Мои практики</h2>
        {d.mine.length === 0 ? (
          <EmptyState title="Вы пока не предлагали практик">Расскажите коллегам, что у вас получилось: эксперт проверит материал, и он появится в библиотеке.</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {d.mine.map((p) => (
              <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 rounded-md border border-slate-200 bg-white p-3">
                <Link to={`/library/${p.id}`} className="font-medium">{p.title}</Link>
                <span className="text-sm text-muted">
                  версия {p.version}: {p.status}, {p.updated}
                  {(p.statusCode === "draft" || p.statusCode === "returned" || p.statusCode === "published") ? <> · <Link to={`/library/${p.id}/edit`}>изменить</Link></> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="bookmarks-heading">
        <h2 id="bookmarks-heading" className="mb-3 text-xl font-semibold">Закладки</h2>
        {d.bookmarks.length === 0 ? <EmptyState title="Закладок нет">Нажмите «В закладки» на странице практики, чтобы вернуться к ней позже.</EmptyState> : <PracticeGrid items={d.bookmarks} label="Закладки" />}
      </section>
    </Container>
  );
}
