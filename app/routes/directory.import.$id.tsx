import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/directory.import.$id";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { requireImportAccess } from "~/features/directory/import/policy.server";
import { getImportPage } from "~/features/directory/import/queries.server";
import { confirmImport } from "~/features/directory/import/commands.server";
import { ErrorsPage, ImportIdParam, ImportPageAction } from "~/features/directory/import/schemas";
import { IMPORT_UI, STATUS_LABELS } from "~/features/directory/import/messages";
import { ImportPreview } from "~/features/directory/import/components/import-preview";
import { ImportProgress, ImportResult } from "~/features/directory/import/components/import-progress";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.fileName ?? IMPORT_UI.title} — Мост` }];

/** The upload id from the URL; anything else is a page that does not exist. */
function importIdOf(params: { id: string }): string {
  const id = ImportIdParam.safeParse(params.id);
  if (!id.success) throw data(IMPORT_UI.notFound, { status: 404 });
  return id.data;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const id = importIdOf(params);
  const { db, clock } = services(context);
  await requireImportAccess(db, viewer, id);
  const zone = await viewerZoneOf(request, context, clock.now());
  const view = await getImportPage(db, id, { errorsPage: ErrorsPage.parse(new URL(request.url).searchParams.get("page") ?? 1), zone });
  if (!view) throw data(IMPORT_UI.notFound, { status: 404 });
  return view;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const id = importIdOf(params);
  if (!ImportPageAction.safeParse(Object.fromEntries(await request.formData())).success) throw data(IMPORT_UI.formUnreadable, { status: 400 });
  await confirmImport(services(context), viewer, id);
  return redirect(`/directory/import/${id}`);
}

export default function ImportPage({ loaderData: view }: Route.ComponentProps) {
  const busy = useNavigation().state === "submitting";
  const lateRejection = view.status === "rejected" && view.errors[0] === IMPORT_UI.rejectedLater;
  return (
    <Container className="max-w-5xl">
      <PageHeader
        title={view.fileName}
        lead={`${view.regionName}, ${view.schoolYear} учебный год. ${STATUS_LABELS[view.status]}.`}
        actions={<ButtonLink to="/directory/import" variant="secondary">{IMPORT_UI.another}</ButtonLink>}
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="file-heading">
          <h2 id="file-heading" className="mb-2 text-lg font-semibold">
            {IMPORT_UI.fileHeading}
          </h2>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted">Загружен</dt>
            <dd>{view.createdAt}</dd>
            {view.format ? (
              <>
                <dt className="text-muted">Формат</dt>
                <dd>{view.format}</dd>
              </>
            ) : null}
            <dt className="text-muted">Школы, которых нет в файле</dt>
            <dd>{view.clearAbsent ? IMPORT_UI.absentCleared : IMPORT_UI.absentKept}</dd>
          </dl>
        </Card>
        {view.status === "failed" ? <Alert tone="error">{view.errors[0] ?? IMPORT_UI.failed}</Alert> : null}
        {lateRejection ? <Alert tone="error">{IMPORT_UI.rejectedLater}</Alert> : null}
        {view.progress ? <ImportProgress stream={view.progress.stream} head={view.progress.head} initial={view.progress.state} /> : null}
        {view.status === "done" ? <ImportResult view={view} /> : null}
        {view.preview ? <ImportPreview preview={view.preview} clearAbsent={view.clearAbsent} /> : null}
        {view.status === "previewed" && view.preview?.ok ? (
          <Card aria-labelledby="confirm-heading">
            <h2 id="confirm-heading" className="mb-2 text-lg font-semibold">
              {IMPORT_UI.confirm}
            </h2>
            <p className="mb-3 text-sm text-muted">{IMPORT_UI.confirmNote}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="apply" />
              <Button type="submit" disabled={busy}>
                {busy ? IMPORT_UI.confirming : IMPORT_UI.confirm}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </Container>
  );
}
