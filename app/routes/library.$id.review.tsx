import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.$id.review";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadReviewPage } from "~/features/library/author-page.server";
import { reviewAction } from "~/features/library/actions.server";
import { LIBRARY_DONE, LIBRARY_ERRORS, type LibraryDoneKey } from "~/features/library/strings";
import { AttachmentList } from "~/features/library/components/attachment-list";
import { RubricForm } from "~/features/library/components/rubric-form";
import { PersonLine } from "~/features/discussions/components/person-line";
import { RichTextView } from "~/features/discussions/rich-text/editor";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";

const Params = z.object({ id: z.uuid() });

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Экспертиза: ${loaderData?.title ?? "практика"} — Мост` }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const page = await loadReviewPage(db, viewer, parsed.data.id, await viewerZoneOf(request, context, clock.now()));
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, done: done && done in LIBRARY_DONE ? LIBRARY_DONE[done as LibraryDoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  return reviewAction(services(context), viewer, request, parsed.data.id);
}

export default function ReviewPage({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-4xl">
      <nav aria-label="Навигационная цепочка" className="mb-2 text-sm">
        <Link to="/library/review">Экспертиза</Link> <span aria-hidden="true">›</span> <span className="text-muted">практика</span>
      </nav>
      <PageHeader title={d.title} lead={`${d.kind}, версия ${d.number}${d.isUpdate ? " (изменение опубликованной практики)" : ""}: ${d.statusLabel}.`} />
      <div className="flex flex-col gap-6">
        {d.done ? <Alert tone="success">{d.done}</Alert> : null}
        {actionData?.errors.form && !d.canDecide ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        {d.refusal && !d.canTake && !d.canDecide ? <Alert tone="error">{d.refusal}</Alert> : null}
        {d.canTake ? (
          <Card aria-labelledby="take-heading">
            <h2 id="take-heading" className="mb-2 text-lg font-semibold">Практика ждёт эксперта</h2>
            <p className="mb-3">Возьмите её на экспертизу: другие эксперты её больше не увидят в очереди, автор получит уведомление.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="take" />
              <Button type="submit">Взять на экспертизу</Button>
            </Form>
          </Card>
        ) : null}
        <Card as="article" aria-labelledby="content-heading">
          <h2 id="content-heading" className="sr-only">Текст практики</h2>
          <p className="mb-3 text-lg">{d.summary}</p>
          <div className="mb-3 flex flex-wrap gap-x-6 gap-y-2">
            {d.authors.map((a) => (
              <PersonLine key={a.id} person={a} />
            ))}
          </div>
          <p className="mb-4 text-sm text-muted">{[...d.subjects, ...d.bands, ...d.themes].join(" · ")}</p>
          <RichTextView html={d.html} />
          <h3 id="review-files" className="mb-2 mt-6 text-lg font-semibold">Материалы</h3>
          <AttachmentList files={d.attachments} headingId="review-files" />
        </Card>
        {d.history.length ? (
          <Card aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 text-lg font-semibold">Предыдущие решения</h2>
            <ul className="flex flex-col gap-2">
              {d.history.map((h, i) => (
                <li key={i}>
                  Версия {h.version}: {h.outcome}, {h.at}.{h.comment ? <span className="block whitespace-pre-line text-sm text-muted">{h.comment}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {d.canDecide ? <RubricForm errors={actionData?.errors} values={actionData?.values} /> : null}
      </div>
    </Container>
  );
}
