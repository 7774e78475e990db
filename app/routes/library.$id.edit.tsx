import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.$id.edit";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadEditPage } from "~/features/library/author-page.server";
import { editPracticeAction } from "~/features/library/actions.server";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_MAX_BYTES } from "~/features/library/file-types";
import { LIBRARY_DONE, LIBRARY_ERRORS, uploadMessage, type LibraryDoneKey } from "~/features/library/strings";
import { PracticeForm, valuesAfterError } from "~/features/library/components/practice-form";
import { AttachmentList } from "~/features/library/components/attachment-list";
import { AttachmentUpload } from "~/features/library/components/attachment-upload";
import { RubricScores } from "~/features/library/components/rubric-form";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";

const Params = z.object({ id: z.uuid() });

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Изменить: ${loaderData?.values.title ?? "практика"} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const page = await loadEditPage(db, viewer, parsed.data.id, await viewerZoneOf(request, context, clock.now()));
  const search = new URL(request.url).searchParams;
  const done = search.get("done");
  const maxMb = Math.round(ATTACHMENT_MAX_BYTES / 1024 / 1024);
  const upload = search.get("upload");
  return { ...page, maxMb, accept: ACCEPT_ATTRIBUTE, done: done && done in LIBRARY_DONE ? LIBRARY_DONE[done as LibraryDoneKey] : null, uploadError: upload ? uploadMessage(upload, search.get("ext"), maxMb) : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  return editPracticeAction(services(context), viewer, request, parsed.data.id);
}

export default function EditPractice({ loaderData: d, actionData }: Route.ComponentProps) {
  const formError = actionData?.values?.intent === "submit" || !actionData?.values?.lists ? actionData?.errors.form ?? actionData?.errors.organisationId : undefined;
  return (
    <Container className="max-w-3xl">
      <nav aria-label="Навигационная цепочка" className="mb-2 text-sm">
        <Link to="/library">Библиотека</Link> <span aria-hidden="true">›</span> <Link to={`/library/${d.id}`}>{d.values.title}</Link>
      </nav>
      <PageHeader title="Изменить практику" lead={`Версия ${d.number}: ${d.statusLabel}.${d.published && d.status === "published" ? " Сохранение создаст новую версию: читатели будут видеть опубликованную, пока эксперт не примет новую." : ""}`} />
      <div className="flex flex-col gap-6">
        {d.done ? <Alert tone="success">{d.done}</Alert> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {!d.editable ? <Alert>{LIBRARY_ERRORS.notEditable}</Alert> : null}
        {d.returned ? (
          <Card aria-labelledby="returned-heading">
            <h2 id="returned-heading" className="mb-2 text-lg font-semibold">Замечания эксперта ({d.returned.at})</h2>
            {d.returned.comment ? <p className="mb-3 whitespace-pre-line">{d.returned.comment}</p> : null}
            <RubricScores scores={d.returned.scores} />
          </Card>
        ) : null}
        {d.editable ? (
          <>
            <Card aria-labelledby="files-heading">
              <h2 id="files-heading" className="mb-3 text-lg font-semibold">Материалы</h2>
              <div className="flex flex-col gap-4">
                <AttachmentList files={d.attachments} removable headingId="files-heading" />
                <AttachmentUpload practiceId={d.id} accept={d.accept} maxMb={d.maxMb} error={d.uploadError ?? undefined} />
              </div>
            </Card>
            <PracticeForm values={valuesAfterError(actionData?.values, d.values)} errors={actionData?.values?.lists ? actionData.errors : undefined} organisations={d.organisations} coauthorOptions={d.coauthorOptions} submitLabel="Сохранить изменения" />
            {d.canSubmit ? (
              <Card aria-labelledby="submit-heading">
                <h2 id="submit-heading" className="mb-2 text-lg font-semibold">Экспертиза</h2>
                <p className="mb-3">Когда текст и материалы готовы, отправьте практику эксперту региона. Пока идёт экспертиза, изменить её нельзя.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="submit" />
                  <Button type="submit">Отправить на экспертизу</Button>
                </Form>
              </Card>
            ) : null}
          </>
        ) : null}
      </div>
    </Container>
  );
}
