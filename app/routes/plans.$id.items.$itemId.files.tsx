import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.items.$itemId.files";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { uploadEvidenceFile } from "~/features/plans/files.server";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { Alert, Container, PageHeader } from "~/components/ui/layout";

const Params = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/plans/${params.id}/items/${params.itemId}`);
}

/** Uploads an evidence file (multipart) to an activity's report. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.itemNotFound, { status: 404 });
  const file = (await request.formData()).get("file");
  const back = `/plans/${parsed.data.id}/items/${parsed.data.itemId}`;
  if (!(file instanceof File) || file.size === 0) return data({ error: PLAN_ERRORS.fileEmpty, back }, { status: 400 });
  const r = await uploadEvidenceFile(services(context), viewer, { planId: parsed.data.id, itemId: parsed.data.itemId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!r.ok) {
    if (r.status === 403 || r.status === 404) throw data(r.error, { status: r.status });
    return data({ error: r.error, back }, { status: 400 });
  }
  return redirect(`${back}?done=file`);
}

export const meta: Route.MetaFunction = () => [{ title: "Файл не добавлен — Мост" }];

/** Shown only when an upload was refused. */
export default function UploadRefused({ actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Файл не добавлен" />
      <Alert tone="error">{actionData?.error ?? "Файл не добавлен."}</Alert>
      {actionData ? (
        <p className="mt-4">
          <Link to={actionData.back}>Вернуться к мероприятию</Link>
        </p>
      ) : null}
    </Container>
  );
}
