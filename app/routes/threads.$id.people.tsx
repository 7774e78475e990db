import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/threads.$id.people";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { requireThreadReader } from "~/features/discussions/policy.server";
import { mentionCandidates } from "~/features/discussions/mentions.server";
import { DISCUSSION_TEXT as T } from "~/features/discussions/strings";

const Params = z.object({ id: z.uuid() });

/** The mention picker's source: JSON list of people the viewer can mention in this thread. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(T.threadNotFound, { status: 404 });
  const { db } = services(context);
  const access = await requireThreadReader(db, viewer, parsed.data.id);
  if (!access.post) return Response.json([]);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(await mentionCandidates(db, viewer, { id: parsed.data.id, ownerKind: access.ownerKind, ownerId: access.ownerId }, q), { headers: { "Cache-Control": "private, no-store" } });
}
