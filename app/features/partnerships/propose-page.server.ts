/** The proposal page: which partner school, its staff's needs (counts) and the ranked suggestions. */
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { schoolYearOf } from "../../utils/datetime.ts";
import { suggestLeaders } from "./matching.server.ts";
import { canProposeFor, ensurePartnership } from "./policy.server.ts";
import { leaderProposalOptions, orgScope, partnerSchoolOptions } from "./queries.server.ts";
import { PARTNERSHIP_ERRORS } from "./strings.ts";

/**
 * Without a chosen school: the schools the viewer may propose for (one is chosen at once). With
 * one: the guard (its administrator or coordinators), then the needs and the suggestions.
 */
export async function loadProposePage(s: Pick<AppServices, "db" | "clock">, viewer: Viewer, schoolId: string | undefined) {
  const schoolYear = schoolYearOf(s.clock.now(), "Europe/Moscow");
  const options = await partnerSchoolOptions(s.db, viewer, schoolYear);
  const asLeader = await leaderProposalOptions(s.db, viewer, schoolYear);
  const chosen = schoolId ?? (options.length === 1 && asLeader.length === 0 ? options[0]!.id : undefined);
  if (!chosen) {
    ensurePartnership(options.length > 0 || asLeader.length > 0, PARTNERSHIP_ERRORS.forbidden);
    return { school: null, options, asLeader, needs: [], suggestions: [], schoolYear };
  }
  const school = await orgScope(s.db, chosen);
  ensurePartnership(Boolean(school) && school!.kind === "school" && canProposeFor(viewer, school!));
  const { needs, suggestions } = await suggestLeaders(s.db, { partnerOrgId: school!.id, schoolYear });
  return { school: { id: school!.id, shortName: school!.shortName }, options, asLeader, needs, suggestions, schoolYear };
}
