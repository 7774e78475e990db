import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/partnerships.$id.files";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { uploadFile } from "~/features/partnerships/files.server";
import { Alert, Container, PageHeader } from "~/components/ui/layout";
import { Link } from "react-router";

const Params = z.object({ id: z.string().uuid() });

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/partnerships/${params.id}#workspace`);
}

/** Uploads a shared file (multipart) to the partnership's workspace. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Партнёрство не найдено", { status: 404 });
  const form = await request.formData();
  const file = form.get("file");
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const result = await uploadFile(services(context), viewer, { partnershipId: parsed.data.id, name: file instanceof File ? file.name : "", bytes });
  if (!result.ok) {
    if (result.status === 404) throw data(result.error, { status: 404 });
    return data({ error: result.error, id: parsed.data.id }, { status: 400 });
  }
  return redirect(`/partnerships/${parsed.data.id}?done=file#workspace`);
}

export const meta: Route.MetaFunction = () => [{ title: "Файл не загружен — Мост" }];

/** Shown only when an upload was refused. */
export default function UploadRefused({ actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Файл не загружен" />
      <Alert tone="error">{actionData?.error ?? "Файл не загружен."}</Alert>
      {actionData ? <p className="mt-4"><Link to={`/partnerships/${actionData.id}#workspace`}>Вернуться в рабочее пространство</Link></p> : null}
    </Container>
  );
}
