import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/library.files.$fileId";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { downloadAttachment } from "~/features/library/download.server";
import { LIBRARY_ERRORS } from "~/features/library/strings";

const Params = z.object({ fileId: z.uuid() });

/** Serves an attachment as a download (never rendered inline), to whoever may read its version. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(LIBRARY_ERRORS.fileNotFound, { status: 404 });
  return downloadAttachment(services(context), viewerOf(context), parsed.data.fileId);
}
