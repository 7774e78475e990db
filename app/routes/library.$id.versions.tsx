import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.$id.versions";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadVersionsPage } from "~/features/library/author-page.server";
import { LIBRARY_ERRORS } from "~/features/library/strings";
import { RubricScores } from "~/features/library/components/rubric-form";
import { Container, PageHeader } from "~/components/ui/layout";

const Params = z.object({ id: z.uuid() });

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Версии: ${loaderData?.title ?? "практика"} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  return loadVersionsPage(db, viewerOf(context), parsed.data.id, await viewerZoneOf(request, context, clock.now()));
}

export default function Versions({ loaderData: d }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <nav aria-label="Навигационная цепочка" className="mb-2 text-sm">
        <Link to={`/library/${d.id}`}>{d.title}</Link>
      </nav>
      <PageHeader title="Версии практики" />
      <ol className="flex flex-col gap-3" aria-label="Версии">
        {d.versions.map((v) => (
          <li key={v.number} className="rounded-md border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">Версия {v.number}: {v.status}</h2>
            <p className="text-sm text-muted">
              «{v.title}», создана {v.created}
              {v.published ? `, опубликована ${v.published}` : ""}
            </p>
            {v.reviews.map((r, i) => (
              <div key={i} className="mt-3 border-l-4 border-slate-200 pl-3">
                <p>Экспертиза {r.at}: {r.outcome}</p>
                {r.comment ? <p className="whitespace-pre-line text-sm">{r.comment}</p> : null}
                <RubricScores scores={r.scores} />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </Container>
  );
}
