import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.evidence.$evidenceId";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { downloadEvidenceFile } from "~/features/plans/files.server";
import { PLAN_ERRORS } from "~/features/plans/strings";

const Params = z.object({ id: z.string().uuid(), evidenceId: z.string().uuid() });

/** An evidence file of a plan, for those who may read the plan. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.fileNotFound, { status: 404 });
  return downloadEvidenceFile(services(context), viewerOf(context), parsed.data.id, parsed.data.evidenceId);
}
