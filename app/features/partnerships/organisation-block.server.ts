/** The "Партнёрства" and "Сильные стороны" block of an organisation page. */
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { OrgScope } from "../directory/policy.server.ts";
import { topicLabel } from "../vocabulary/index.ts";
import { cardView } from "./page.server.ts";
import { canEditStrengths, canProposeFor } from "./policy.server.ts";
import { listPartnershipCards, schoolSide, strengthsOf } from "./queries.server.ts";

/** A school's partnerships (public cards), its declared strengths and what the viewer may do with them. */
export async function loadOrganisationPartnerships(ex: Executor, viewer: Viewer, org: OrgScope, schoolYear: string) {
  if (org.kind !== "school") return null;
  const [cards, strengths, side] = await Promise.all([listPartnershipCards(ex, { organisationId: org.id }), strengthsOf(ex, org.id), schoolSide(ex, org.id, schoolYear)]);
  return {
    items: cards.map(cardView),
    strengths: strengths.map(topicLabel).sort((a, b) => a.localeCompare(b, "ru")),
    canEditStrengths: canEditStrengths(viewer, org),
    /** Suggestions of leaders are for partner schools (ШНОР/ШНСУ of the school year). */
    canPropose: side.partner && canProposeFor(viewer, org),
  };
}
