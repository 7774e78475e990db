import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { PartnershipStatus } from "../../../db/schema/partnerships.ts";
import {
  acceptingSide,
  canConfirm,
  canDecline,
  canEditAgreement,
  canEditStrengths,
  canEnd,
  canFileVisit,
  canLogMeeting,
  canManageMembersOf,
  canManagePairs,
  canModerateWorkspace,
  canPostInWorkspace,
  canReadPrivate,
  proposerSide,
  type PartnershipAccess,
} from "./policy.server.ts";

const R1 = "00000000-0000-4000-8000-0000000000a1";
const R2 = "00000000-0000-4000-8000-0000000000a2";
const M1 = "00000000-0000-4000-8000-0000000000b1";
const LEADER = "00000000-0000-4000-8000-0000000000c1";
const PARTNER = "00000000-0000-4000-8000-0000000000c2";
const OTHER = "00000000-0000-4000-8000-0000000000c3";
const leader = { id: LEADER, regionId: R1, municipalityId: M1, kind: "school" };
const partner = { id: PARTNER, regionId: R1, municipalityId: M1, kind: "school" };
const who = (id: string, roles: Viewer["roles"] = []): Viewer => ({ id, anonymous: false, roles });

const personas = {
  guest: { id: null, anonymous: true, roles: [] } as Viewer,
  outsider: who("outsider"),
  member: who("member"),
  curator: who("curator"),
  mentor: who("mentor"),
  leaderAdmin: who("la", [{ role: "school_admin", scopeType: "organisation", scopeId: LEADER }]),
  partnerAdmin: who("pa", [{ role: "school_admin", scopeType: "organisation", scopeId: PARTNER }]),
  otherSchoolAdmin: who("oa", [{ role: "school_admin", scopeType: "organisation", scopeId: OTHER }]),
  regionCoordinator: who("rc", [{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  municipalityCoordinator: who("mc", [{ role: "coordinator", scopeType: "municipality", scopeId: M1 }]),
  foreignCoordinator: who("fc", [{ role: "coordinator", scopeType: "region", scopeId: R2 }]),
  admin: who("admin", [{ role: "admin" }]),
};
type P = keyof typeof personas;
const names = Object.keys(personas) as P[];
const only = (...allowed: P[]) => Object.fromEntries(names.map((p) => [p, allowed.includes(p)]));

function partnership(status: PartnershipStatus, over: Partial<PartnershipAccess> = {}): (v: Viewer) => PartnershipAccess {
  return (v) => ({ id: "p", status, leader, partner, curatorId: "curator", leaderAcceptedAt: null, partnerAcceptedAt: new Date(), viewerIsMember: v.id === "member" || v.id === "mentor", ...over });
}
const run = (check: (v: Viewer, p: PartnershipAccess) => boolean, p = partnership("active")) => Object.fromEntries(names.map((n) => [n, check(personas[n], p(personas[n]))]));

describe("partnership policy (action × role × scope)", () => {
  it("the private parts (members, pairs, logs, protocols, files, workspace): insiders only", () => {
    expect(run(canReadPrivate)).toEqual(only("member", "curator", "mentor", "leaderAdmin", "partnerAdmin", "regionCoordinator", "admin"));
    expect(run(canPostInWorkspace)).toEqual(only("member", "curator", "mentor", "leaderAdmin", "partnerAdmin", "regionCoordinator", "admin"));
    expect(run(canPostInWorkspace, partnership("declined"))).toEqual(only());
    expect(run(canModerateWorkspace)).toEqual(only("curator", "regionCoordinator", "admin"));
  });

  it("proposing: either school's administrator (their side accepts) or their coordinators", () => {
    const side = Object.fromEntries(names.map((n) => [n, proposerSide(personas[n], leader, partner)]));
    expect(side).toEqual({ ...Object.fromEntries(names.map((n) => [n, null])), leaderAdmin: "leader", partnerAdmin: "partner", regionCoordinator: "coordinator", municipalityCoordinator: "coordinator", admin: "coordinator" });
  });

  it("accepting: the administrator of the side that has not accepted yet", () => {
    const pending = partnership("proposed");
    expect(Object.fromEntries(names.map((n) => [n, acceptingSide(personas[n], pending(personas[n]))]))).toMatchObject({ leaderAdmin: "leader", partnerAdmin: null, regionCoordinator: null, admin: null });
    const both = partnership("proposed", { partnerAcceptedAt: null });
    expect(acceptingSide(personas.partnerAdmin, both(personas.partnerAdmin))).toBe("partner");
    expect(acceptingSide(personas.leaderAdmin, partnership("accepted")(personas.leaderAdmin))).toBeNull();
  });

  it("confirming: a coordinator of the partner school's region, once accepted", () => {
    expect(run(canConfirm, partnership("accepted"))).toEqual(only("regionCoordinator", "admin"));
    expect(run(canConfirm, partnership("proposed"))).toEqual(only());
    const foreignPartner = partnership("accepted", { partner: { ...partner, regionId: R2 } });
    expect(run(canConfirm, foreignPartner)).toEqual(only("foreignCoordinator", "admin"));
  });

  it("declining and ending", () => {
    expect(run(canDecline, partnership("proposed"))).toEqual(only("leaderAdmin", "regionCoordinator", "admin"));
    expect(run(canDecline, partnership("accepted"))).toEqual(only("regionCoordinator", "admin"));
    expect(run(canDecline)).toEqual(only());
    expect(run(canEnd)).toEqual(only("leaderAdmin", "partnerAdmin", "regionCoordinator", "admin"));
    expect(run(canEnd, partnership("completed"))).toEqual(only());
  });

  it("the agreement, members and pairs", () => {
    expect(run(canEditAgreement)).toEqual(only("leaderAdmin", "partnerAdmin", "regionCoordinator", "municipalityCoordinator", "admin"));
    expect(run((v, p) => canManageMembersOf(v, p, PARTNER))).toEqual(only("curator", "partnerAdmin", "regionCoordinator", "municipalityCoordinator", "admin"));
    expect(run((v, p) => canManageMembersOf(v, p, OTHER))).toEqual(only());
    expect(run(canManagePairs)).toEqual(only("curator", "leaderAdmin", "partnerAdmin", "regionCoordinator", "admin"));
    expect(run(canManagePairs, partnership("accepted"))).toEqual(only());
  });

  it("meeting logs and visit protocols are written by the people themselves", () => {
    const pair = { mentorId: "mentor", menteeId: "member", status: "active" };
    expect(run((v, p) => canLogMeeting(v, p, pair))).toEqual(only("mentor", "member", "curator"));
    expect(run((v, p) => canLogMeeting(v, p, { ...pair, status: "completed" }))).toEqual(only());
    expect(run(canFileVisit)).toEqual(only("member", "mentor", "curator"));
  });

  it("a school's strengths: its administrator and its coordinators", () => {
    expect(Object.fromEntries(names.map((n) => [n, canEditStrengths(personas[n], leader)]))).toEqual(only("leaderAdmin", "regionCoordinator", "municipalityCoordinator", "admin"));
    expect(canEditStrengths(personas.admin, { ...leader, kind: "ministry" })).toBe(false);
  });
});
