import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.$id.files";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { uploadAction } from "~/features/library/actions.server";
import { LIBRARY_ERRORS } from "~/features/library/strings";

const Params = z.object({ id: z.uuid() });

export function loader({ params }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  return redirect(`/library/${parsed.data.id}/edit`);
}

/**
 * Uploads one attachment (multipart; the route is in the upload size limit of server/security/http.ts).
 * A resource route: JSON for the progress component, a redirect to the edit page for a plain form.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  return uploadAction(services(context), viewer, request, parsed.data.id);
}
