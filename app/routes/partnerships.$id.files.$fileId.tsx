import { z } from "zod";
import type { Route } from "./+types/partnerships.$id.files.$fileId";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { getFile } from "~/features/partnerships/files.server";

const Params = z.object({ id: z.string().uuid(), fileId: z.string().uuid() });

/** A shared file as a download, only for the partnership's insiders (404 for everyone else). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  const file = parsed.success ? await getFile(services(context).db, viewerOf(context), parsed.data.id, parsed.data.fileId) : null;
  if (!file) return new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
