import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { PartnershipAccess } from "../partnerships/policy.server.ts";
import { canEditPlan, canPublishPlan, canReadPlan, type PlanOwnerAccess } from "./policy.server.ts";

const R1 = "00000000-0000-4000-8000-0000000000a1";
const R2 = "00000000-0000-4000-8000-0000000000a2";
const M1 = "00000000-0000-4000-8000-0000000000b1";
const M2 = "00000000-0000-4000-8000-0000000000b2";
const SCHOOL = "00000000-0000-4000-8000-0000000000c1";
const PARTNER = "00000000-0000-4000-8000-0000000000c2";
const OTHER = "00000000-0000-4000-8000-0000000000c3";
const who = (id: string, roles: Viewer["roles"] = []): Viewer => ({ id, anonymous: false, roles });

const personas = {
  guest: { id: null, anonymous: true, roles: [] } as Viewer,
  teacher: who("teacher"),
  member: who("member"),
  curator: who("curator"),
  schoolAdmin: who("sa", [{ role: "school_admin", scopeType: "organisation", scopeId: SCHOOL }]),
  otherSchoolAdmin: who("oa", [{ role: "school_admin", scopeType: "organisation", scopeId: OTHER }]),
  regionCoordinator: who("rc", [{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  municipalityCoordinator: who("mc", [{ role: "coordinator", scopeType: "municipality", scopeId: M1 }]),
  otherMunicipalityCoordinator: who("mc2", [{ role: "coordinator", scopeType: "municipality", scopeId: M2 }]),
  foreignCoordinator: who("fc", [{ role: "coordinator", scopeType: "region", scopeId: R2 }]),
  expert: who("ex", [{ role: "expert", scopeType: "region", scopeId: R1 }]),
  admin: who("admin", [{ role: "admin" }]),
};
type P = keyof typeof personas;
const names = Object.keys(personas) as P[];
const only = (...allowed: P[]) => Object.fromEntries(names.map((p) => [p, allowed.includes(p)]));

const school = { id: SCHOOL, regionId: R1, municipalityId: M1, kind: "school" };
const partner = { id: PARTNER, regionId: R1, municipalityId: M1, kind: "school" };
const owners: Record<string, (v: Viewer) => PlanOwnerAccess> = {
  organisation: () => ({ kind: "organisation", org: school }),
  municipality: () => ({ kind: "municipality", municipality: { id: M1, regionId: R1 } }),
  region: () => ({ kind: "region", regionId: R1 }),
  partnership: (v) => ({
    kind: "partnership",
    partnership: { id: "p", status: "active", leader: school, partner, curatorId: "curator", leaderAcceptedAt: new Date(), partnerAcceptedAt: new Date(), viewerIsMember: v.id === "member" } satisfies PartnershipAccess,
  }),
};
const run = (owner: keyof typeof owners, check: (v: Viewer, o: PlanOwnerAccess) => boolean) => Object.fromEntries(names.map((n) => [n, check(personas[n], owners[owner]!(personas[n]))]));

describe("plans policy (owner × role × scope)", () => {
  it("a partnership's roadmap: edited and read by its insiders only (members, curator, the schools' administrators, coordinators of the region)", () => {
    // Coordinators of a school's municipality alone are not insiders (the partnerships policy: the region's).
    const insiders = only("member", "curator", "schoolAdmin", "regionCoordinator", "admin");
    expect(run("partnership", canEditPlan)).toEqual(insiders);
    expect(run("partnership", (v, o) => canReadPlan(v, o, { published: false }))).toEqual(insiders);
    expect(run("partnership", canPublishPlan)).toEqual(only());
  });

  it("a school's plan: its administrator and the coordinators of its municipality or region; it alone may be published", () => {
    const editors = only("schoolAdmin", "regionCoordinator", "municipalityCoordinator", "admin");
    expect(run("organisation", canEditPlan)).toEqual(editors);
    expect(run("organisation", canPublishPlan)).toEqual(editors);
  });

  it("a municipality's plan: its coordinators and the region's", () => {
    expect(run("municipality", canEditPlan)).toEqual(only("regionCoordinator", "municipalityCoordinator", "admin"));
  });

  it("a region's plan: the region's coordinators", () => {
    expect(run("region", canEditPlan)).toEqual(only("regionCoordinator", "admin"));
  });

  it("reading: other owners' plans by everyone signed in; a published plan by guests too", () => {
    for (const owner of ["organisation", "municipality", "region"] as const) {
      expect(run(owner, (v, o) => canReadPlan(v, o, { published: false }))).toEqual({ ...only(...names), guest: false });
      expect(run(owner, (v, o) => canReadPlan(v, o, { published: true }))).toEqual(only(...names));
    }
  });
});
