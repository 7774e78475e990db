import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canAssignRole, canConfirmSchoolAdmin, canConfirmStaff, canEditOrganisation, canImportSchools } from "./policy.server.ts";

const R1 = "00000000-0000-4000-8000-0000000000a1";
const R2 = "00000000-0000-4000-8000-0000000000a2";
const M1 = "00000000-0000-4000-8000-0000000000b1";
const S1 = "00000000-0000-4000-8000-0000000000c1";
const school = { id: S1, regionId: R1, municipalityId: M1, kind: "school" };
const who = (roles: Viewer["roles"]): Viewer => ({ id: "u", anonymous: false, roles });

const personas = {
  guest: { id: null, anonymous: true, roles: [] } as Viewer,
  member: who([{ role: "member" }]),
  schoolAdmin: who([{ role: "school_admin", scopeType: "organisation", scopeId: S1 }]),
  otherSchoolAdmin: who([{ role: "school_admin", scopeType: "organisation", scopeId: "00000000-0000-4000-8000-0000000000c2" }]),
  regionCoordinator: who([{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  municipalityCoordinator: who([{ role: "coordinator", scopeType: "municipality", scopeId: M1 }]),
  foreignCoordinator: who([{ role: "coordinator", scopeType: "region", scopeId: R2 }]),
  expert: who([{ role: "expert", scopeType: "region", scopeId: R1 }]),
  admin: who([{ role: "admin" }]),
};
type P = keyof typeof personas;
const only = (...allowed: P[]) => Object.fromEntries((Object.keys(personas) as P[]).map((p) => [p, allowed.includes(p)]));
const run = (check: (v: Viewer) => boolean) => Object.fromEntries((Object.keys(personas) as P[]).map((p) => [p, check(personas[p])]));

describe("directory policy (action × role × scope)", () => {
  it("imports of a region's school list: its coordinators and admins", () => {
    expect(run((v) => canImportSchools(v, R1))).toEqual(only("regionCoordinator", "admin"));
  });
  it("confirming staff: the school's administrator and the coordinators of its municipality or region", () => {
    expect(run((v) => canConfirmStaff(v, school))).toEqual(only("schoolAdmin", "regionCoordinator", "municipalityCoordinator", "admin"));
  });
  it("confirming a school administrator: coordinators of its municipality or region only", () => {
    expect(run((v) => canConfirmSchoolAdmin(v, school))).toEqual(only("regionCoordinator", "municipalityCoordinator", "admin"));
  });
  it("editing an organisation", () => {
    expect(run((v) => canEditOrganisation(v, school))).toEqual(only("schoolAdmin", "regionCoordinator", "municipalityCoordinator", "admin"));
  });
  it("assigning roles stays inside the assigner's scope", () => {
    expect(run((v) => canAssignRole(v, "expert", { type: "region", regionId: R1 }))).toEqual(only("regionCoordinator", "admin"));
    expect(run((v) => canAssignRole(v, "coordinator", { type: "municipality", municipality: { id: M1, regionId: R1 } }))).toEqual(only("regionCoordinator", "admin"));
    expect(run((v) => canAssignRole(v, "coordinator", { type: "region", regionId: R1 }))).toEqual(only("admin"));
    expect(run((v) => canAssignRole(v, "admin", { type: null }))).toEqual(only("admin"));
    expect(run((v) => canAssignRole(v, "school_admin", { type: "organisation", org: school }))).toEqual(only("regionCoordinator", "municipalityCoordinator", "admin"));
  });
});
