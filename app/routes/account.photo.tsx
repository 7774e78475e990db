import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/account.photo";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { removePhoto, savePhoto } from "~/features/profiles/commands.server";
import { PhotoForm } from "~/features/profiles/components/photo-form";
import { Alert, Container, PageHeader } from "~/components/ui/layout";

export function loader() {
  return redirect("/account/profile");
}

/** Uploads (multipart) or removes the profile photo; errors come back to the profile page. */
export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await request.formData();
  const s = services(context);
  if (form.get("intent") === "remove") {
    await removePhoto(s, viewer);
    return redirect("/account/profile?photo=1");
  }
  const file = form.get("photo");
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const result = await savePhoto(s, viewer, bytes);
  if (!result.ok) return data({ error: result.error }, { status: result.status });
  return redirect("/account/profile?photo=1");
}

export const meta: Route.MetaFunction = () => [{ title: "Фотография профиля — Мост" }];

/** Shown only when an upload was refused: the message and the form to try again. */
export default function PhotoError({ actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Фотография профиля" />
      <div className="flex flex-col gap-4">
        <Alert tone="error">Фотография не сохранена.</Alert>
        <PhotoForm photoUrl={null} error={actionData?.error} />
        <Link to="/account/profile">Вернуться к профилю</Link>
      </div>
    </Container>
  );
}
