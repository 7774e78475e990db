/** The dashboard policy as a role × scope table. */
import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canOpenDashboard, canViewScope, defaultScope } from "./policy.server.ts";
import type { ResolvedScope } from "./scope.server.ts";

const R1 = "00000000-0000-4000-8000-000000000001";
const R2 = "00000000-0000-4000-8000-000000000002";
const M1 = "00000000-0000-4000-8000-000000000011";
const M2 = "00000000-0000-4000-8000-000000000012";
const S1 = "00000000-0000-4000-8000-000000000021";
const S2 = "00000000-0000-4000-8000-000000000022";
const S3 = "00000000-0000-4000-8000-000000000023";

const base = { name: "", timeZone: "Asia/Chita", city: "Чита" };
const SCOPES: Record<string, ResolvedScope> = {
  platform: { ...base, kind: "platform", id: null, regionId: null, municipalityId: null },
  region1: { ...base, kind: "region", id: R1, regionId: R1, municipalityId: null },
  region2: { ...base, kind: "region", id: R2, regionId: R2, municipalityId: null },
  municipality1: { ...base, kind: "municipality", id: M1, regionId: R1, municipalityId: M1 },
  municipality2: { ...base, kind: "municipality", id: M2, regionId: R1, municipalityId: M2 },
  school1: { ...base, kind: "school", id: S1, regionId: R1, municipalityId: M1 },
  school2: { ...base, kind: "school", id: S2, regionId: R1, municipalityId: M2 },
  school3: { ...base, kind: "school", id: S3, regionId: R2, municipalityId: null },
};

const v = (roles: Viewer["roles"]): Viewer => ({ id: "00000000-0000-4000-8000-0000000000ff", anonymous: false, roles });
const PERSONAS: Record<string, Viewer> = {
  guest: { id: null, anonymous: true, roles: [] },
  member: v([]),
  expert: v([{ role: "expert", scopeType: "region", scopeId: R1 }]),
  schoolAdmin1: v([{ role: "school_admin", scopeType: "organisation", scopeId: S1 }]),
  municipalCoordinator1: v([{ role: "coordinator", scopeType: "municipality", scopeId: M1 }]),
  regionalCoordinator1: v([{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  regionalCoordinator2: v([{ role: "coordinator", scopeType: "region", scopeId: R2 }]),
  admin: v([{ role: "admin" }]),
};

// Rows: persona; columns in the order of SCOPES.
const TABLE: Record<string, string> = {
  //                      platform region1 region2 municipality1 municipality2 school1 school2 school3
  guest: /*             */ "--------",
  member: /*            */ "--------",
  expert: /*            */ "--------",
  schoolAdmin1: /*      */ "-----+--",
  municipalCoordinator1: "---+-+--",
  regionalCoordinator1: "-+-++++-",
  regionalCoordinator2: "--+----+",
  admin: /*             */ "++++++++",
};

describe("dashboard policy", () => {
  for (const [persona, row] of Object.entries(TABLE)) {
    Object.keys(SCOPES).forEach((scope, i) => {
      const expected = row[i] === "+";
      it(`${persona} ${expected ? "sees" : "does not see"} ${scope}`, () => {
        expect(canViewScope(PERSONAS[persona]!, SCOPES[scope]!)).toBe(expected);
      });
    });
  }

  it("opens the dashboard for the programme's roles only and lands each on their own scope", () => {
    expect(Object.fromEntries(Object.entries(PERSONAS).map(([k, p]) => [k, canOpenDashboard(p)]))).toEqual({ guest: false, member: false, expert: false, schoolAdmin1: true, municipalCoordinator1: true, regionalCoordinator1: true, regionalCoordinator2: true, admin: true });
    expect(defaultScope(PERSONAS.admin!)).toEqual({ kind: "platform" });
    expect(defaultScope(PERSONAS.regionalCoordinator1!)).toEqual({ kind: "region", id: R1 });
    expect(defaultScope(PERSONAS.municipalCoordinator1!)).toEqual({ kind: "municipality", id: M1 });
    expect(defaultScope(PERSONAS.schoolAdmin1!)).toEqual({ kind: "school", id: S1 });
    expect(defaultScope(PERSONAS.member!)).toBeNull();
  });
});
