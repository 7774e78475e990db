import { z } from "zod";
import type { Route } from "./+types/people.$id.photo.$version";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { getPhoto } from "~/features/profiles/queries.server";

const Params = z.object({ id: z.string().uuid(), version: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });

/**
 * A profile photo, when the viewer may see it. Cached briefly and only by the browser when the
 * photo is public, so withdrawing consent takes effect within minutes.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  const viewer = viewerOf(context);
  const photo = parsed.success ? await getPhoto(services(context).db, viewer, parsed.data.id, parsed.data.version) : null;
  if (!photo) return new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(photo.image), {
    headers: {
      "Content-Type": photo.contentType,
      "Cache-Control": (photo.publicFields ?? []).includes("photo") ? "private, max-age=300" : "private, no-store",
      "Content-Disposition": "inline",
    },
  });
}
