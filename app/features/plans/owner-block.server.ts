/**
 * The «Планы» block of an owner's page (a partnership, an organisation, a municipality or region
 * in the catalogue): the plans the viewer may read and, for editors, the link to start one.
 */
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canEditPlan, canReadPlan } from "./policy.server.ts";
import { listPlansOf, loadOwner } from "./queries.server.ts";
import type { PlanOwnerKind } from "./vocabulary.ts";

const HEADINGS: Record<PlanOwnerKind, string> = { partnership: "Дорожная карта", organisation: "Планы школы", municipality: "Планы муниципалитета", region: "Планы региона" };

export interface PlansBlockData {
  heading: string;
  plans: { id: string; title: string; schoolYear: string; published: boolean }[];
  newHref: string | null;
}

/** The block's data, or null when the viewer has nothing to see or do there. */
export async function loadPlansBlock(ex: Executor, viewer: Viewer, kind: PlanOwnerKind, id: string): Promise<PlansBlockData | null> {
  const owner = await loadOwner(ex, viewer, kind, id);
  if (!owner) return null;
  const all = await listPlansOf(ex, kind, id);
  const plans = all.filter((p) => canReadPlan(viewer, owner.access, p));
  const newHref = canEditPlan(viewer, owner.access) ? `/plans/new?ownerKind=${kind}&ownerId=${id}` : null;
  if (!plans.length && !newHref) return null;
  return { heading: HEADINGS[kind], plans, newHref };
}
