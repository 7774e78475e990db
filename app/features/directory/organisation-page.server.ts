import { data } from "react-router";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { schoolYearOf } from "../../utils/datetime.ts";
import { getOrganisation, listStaff, membershipOf } from "./organisations.server.ts";
import { administersOrganisation, canConfirmStaff, canEditOrganisation } from "./policy.server.ts";
import { FLAG_LABELS, KIND_LABELS } from "./strings.ts";
import { loadOrganisationPartnerships } from "../partnerships/organisation-block.server.ts";

/**
 * Everything the organisation page shows to this viewer. Staff names are shown to the
 * organisation's own staff, its administrator and coordinators; others see how many there are
 * (public profile fields arrive with the profiles issue).
 */
export async function loadOrganisationPage(s: Pick<AppServices, "db" | "clock">, viewer: Viewer, id: string) {
  const schoolYear = schoolYearOf(s.clock.now(), "Europe/Moscow");
  const found = await getOrganisation(s.db, id, schoolYear);
  if (!found) throw data("Организация не найдена", { status: 404 });
  const { org, region, municipality, year } = found;
  const scope = { id: org.id, regionId: org.regionId, municipalityId: org.municipalityId, kind: org.kind };
  const mine = viewer.id ? await membershipOf(s.db, viewer.id, org.id) : undefined;
  const confirmer = canConfirmStaff(viewer, scope);
  const staff = await listStaff(s.db, org.id, "confirmed");
  const showNames = confirmer || mine?.status === "confirmed";
  return {
    org: { id: org.id, name: org.name, shortName: org.shortName, kind: KIND_LABELS[org.kind] ?? org.kind, isSchool: org.kind === "school", rural: org.rural, inn: org.inn, address: org.address, phone: org.phone, email: org.email, website: org.website },
    region: region.name,
    municipality,
    schoolYear,
    flags: year ? (Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[]).filter((f) => year[f]).map((f) => FLAG_LABELS[f]) : [],
    teacherCount: year?.teacherCount ?? null,
    staffCount: staff.length,
    staff: showNames ? staff.map((m) => ({ name: m.name, position: m.position })) : null,
    requests: confirmer ? (await listStaff(s.db, org.id, "requested")).map((r) => ({ id: r.id, name: r.name, position: r.position })) : [],
    mine: mine ?? null,
    signedIn: Boolean(viewer.id),
    canEdit: canEditOrganisation(viewer, scope),
    isAdmin: administersOrganisation(viewer, scope),
    partnerships: await loadOrganisationPartnerships(s.db, viewer, scope, schoolYear),
  };
}
