import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.$id";
import { requestContext, services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { siteOrigin } from "~/features/accounts/request.server";
import { loadPracticePage } from "~/features/library/page.server";
import { recordView } from "~/features/library/reader.server";
import { practicePageAction } from "~/features/library/actions.server";
import { LIBRARY_DONE, LIBRARY_ERRORS, USEFUL, VIEWS, type LibraryDoneKey } from "~/features/library/strings";
import { AttachmentList } from "~/features/library/components/attachment-list";
import { PracticeComments } from "~/features/library/components/practice-comments";
import { PracticeGrid } from "~/features/library/components/practice-card";
import { RubricScores } from "~/features/library/components/rubric-form";
import { PersonLine } from "~/features/discussions/components/person-line";
import { RichTextView } from "~/features/discussions/rich-text/editor";
import { Alert, Card, Container } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

const Params = z.object({ id: z.uuid() });

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.version.title ?? "Практика"} — Библиотека — Мост` }, ...(loaderData?.status ? [{ name: "robots", content: "noindex" }] : [])];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const viewer = viewerOf(context);
  const url = new URL(request.url);
  const { page, access } = await loadPracticePage(db, viewer, parsed.data.id, await viewerZoneOf(request, context, clock.now()), url.searchParams);
  await recordView({ db, clock }, viewer, access, context.get(requestContext).ip);
  const done = url.searchParams.get("done");
  return { ...page, done: done && done in LIBRARY_DONE ? LIBRARY_DONE[done as LibraryDoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  return practicePageAction(services(context), viewer, request, parsed.data.id, siteOrigin(request, context));
}

function Chips({ items, label }: { items: string[]; label: string }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {items.map((i) => (
        <li key={i} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">{i}</li>
      ))}
    </ul>
  );
}

function ReaderTools({ p }: { p: Route.ComponentProps["loaderData"] }) {
  if (!p.can.bookmark && !p.can.vote) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {p.can.vote ? (
        <Form method="post">
          <input type="hidden" name="intent" value={p.marks.useful ? "not-useful" : "useful"} />
          <Button type="submit" variant={p.marks.useful ? "primary" : "secondary"} aria-pressed={p.marks.useful}>
            {p.marks.useful ? "✓ Полезно" : "Полезно"}
          </Button>
        </Form>
      ) : null}
      {p.can.bookmark ? (
        <Form method="post">
          <input type="hidden" name="intent" value={p.marks.bookmarked ? "unbookmark" : "bookmark"} />
          <Button type="submit" variant="secondary" aria-pressed={p.marks.bookmarked}>
            {p.marks.bookmarked ? "В закладках" : "В закладки"}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

export default function PracticePage({ loaderData: p, actionData }: Route.ComponentProps) {
  const v = p.version;
  const commentError = actionData?.errors.comment ?? actionData?.errors.form ?? actionData?.errors.body;
  return (
    <Container className="max-w-4xl">
      <nav aria-label="Навигационная цепочка" className="mb-2 text-sm">
        <Link to="/library">Библиотека</Link> <span aria-hidden="true">›</span> <span className="text-muted">{v.kind.toLowerCase()}</span>
      </nav>
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {p.status ? <Alert>Статус: {p.status}. Практику видят только авторы{p.can.review ? ", эксперты" : ""} и администраторы.</Alert> : null}
        {p.pending ? <Alert>Новая версия {p.pending.number}: {p.pending.status}. Читатели видят опубликованную версию {v.number}.</Alert> : null}
        {p.returned ? (
          <Card aria-labelledby="returned-heading">
            <h2 id="returned-heading" className="mb-2 text-lg font-semibold">Эксперт вернул практику на доработку</h2>
            {p.returned.comment ? <p className="mb-3 whitespace-pre-line">{p.returned.comment}</p> : null}
            <RubricScores scores={p.returned.scores} />
          </Card>
        ) : null}
        <article aria-labelledby="practice-title" className="flex flex-col gap-4">
          <header className="flex flex-col gap-3">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">{v.kind}</p>
            <h1 id="practice-title" className="text-2xl font-bold leading-tight sm:text-3xl">{v.title}</h1>
            <p className="text-lg">{v.summary}</p>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {p.authors.map((a) => (
                <PersonLine key={a.id} person={a} />
              ))}
            </div>
            <p className="text-sm text-muted">
              {p.organisation ? <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.name}</Link> : null}
              {v.published ? ` · опубликовано ${v.published}` : ""} · версия {v.number} · {countRu(p.counts.views, VIEWS)} · {countRu(p.counts.useful, USEFUL)}
            </p>
            <div className="flex flex-col gap-2">
              <Chips items={[...v.subjects, ...v.bands]} label="Предметы и классы" />
              <Chips items={v.themes} label="Темы" />
            </div>
            <div className="flex flex-wrap gap-2">
              <ReaderTools p={p} />
              {p.can.edit ? <ButtonLink to={`/library/${p.id}/edit`} variant="secondary">Изменить</ButtonLink> : null}
              {p.can.review ? <ButtonLink to={`/library/${p.id}/review`} variant="secondary">Экспертиза</ButtonLink> : null}
              {p.can.versions ? <ButtonLink to={`/library/${p.id}/versions`} variant="ghost">Версии</ButtonLink> : null}
            </div>
          </header>
          <RichTextView html={v.html} />
          <section aria-labelledby="files-heading">
            <h2 id="files-heading" className="mb-2 text-xl font-semibold">Материалы</h2>
            <AttachmentList files={p.attachments} headingId="files-heading" />
          </section>
        </article>
        {p.status ? null : <PracticeComments practiceId={p.id} comments={p.comments} canComment={p.can.comment} signedIn={p.signedIn} newClientId={p.newClientId} error={commentError} />}
        {p.related.length ? (
          <section aria-labelledby="related-heading">
            <h2 id="related-heading" className="mb-3 text-xl font-semibold">Похожие практики</h2>
            <PracticeGrid items={p.related} label="Похожие практики" />
          </section>
        ) : null}
      </div>
    </Container>
  );
}
