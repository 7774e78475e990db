import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import {
  canAppointModerators,
  canCreateCommunity,
  canFollowCommunity,
  canJoinCommunity,
  canLeaveCommunity,
  canModerateCommunity,
  canPostInCommunity,
  canReadCommunity,
  mayCreateCommunities,
  requireCommunityReader,
  type CommunityAccess,
  type MembershipAccess,
} from "./policy.server.ts";

const R1 = "00000000-0000-4000-8000-0000000000a1";
const R2 = "00000000-0000-4000-8000-0000000000a2";
const M1 = "00000000-0000-4000-8000-0000000000b1";
const M2 = "00000000-0000-4000-8000-0000000000b2";
const who = (roles: Viewer["roles"]): Viewer => ({ id: "u", anonymous: false, roles });

const viewers = {
  guest: { id: null, anonymous: true, roles: [] } as Viewer,
  teacher: who([]),
  regionCoordinator: who([{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  municipalityCoordinator: who([{ role: "coordinator", scopeType: "municipality", scopeId: M1 }]),
  foreignCoordinator: who([{ role: "coordinator", scopeType: "region", scopeId: R2 }]),
  schoolAdmin: who([{ role: "school_admin", scopeType: "organisation", scopeId: "00000000-0000-4000-8000-0000000000c1" }]),
  admin: who([{ role: "admin" }]),
};
type V = keyof typeof viewers;
const onlyViewers = (...allowed: V[]) => Object.fromEntries((Object.keys(viewers) as V[]).map((p) => [p, allowed.includes(p)]));
const runViewers = (check: (v: Viewer) => boolean) => Object.fromEntries((Object.keys(viewers) as V[]).map((p) => [p, check(viewers[p])]));

const memberships: Record<string, MembershipAccess | null> = {
  none: null,
  requested: { role: "member", status: "requested" },
  declined: { role: "member", status: "declined" },
  left: { role: "member", status: "left" },
  member: { role: "member", status: "active" },
  moderator: { role: "moderator", status: "active" },
  owner: { role: "owner", status: "active" },
  formerModerator: { role: "moderator", status: "left" },
};
type M = keyof typeof memberships;
const onlyMemberships = (...allowed: M[]) => Object.fromEntries((Object.keys(memberships) as M[]).map((m) => [m, allowed.includes(m)]));
const runMemberships = (check: (m: MembershipAccess | null) => boolean) => Object.fromEntries((Object.keys(memberships) as M[]).map((m) => [m, check(memberships[m]!)]));

const open: CommunityAccess = { id: "c1", visibility: "open", scope: "regional", regionId: R1, municipalityId: null };
const closed: CommunityAccess = { ...open, visibility: "closed" };
const teacher = viewers.teacher;

describe("community policy: membership × visibility", () => {
  it("an open community is read by everyone, guests included", () => {
    expect(runViewers((v) => canReadCommunity(v, open, null))).toEqual(onlyViewers(...(Object.keys(viewers) as V[])));
  });
  it("a closed community is read by its active members (any role) and admins only", () => {
    expect(runMemberships((m) => canReadCommunity(teacher, closed, m))).toEqual(onlyMemberships("member", "moderator", "owner"));
    expect(runViewers((v) => canReadCommunity(v, closed, null))).toEqual(onlyViewers("admin"));
    expect(canReadCommunity(viewers.guest, closed, memberships.member)).toBe(false);
  });
  it("posting: active members and admins, in open and closed communities alike", () => {
    for (const c of [open, closed]) {
      expect(runMemberships((m) => canPostInCommunity(teacher, c, m))).toEqual(onlyMemberships("member", "moderator", "owner"));
      expect(runViewers((v) => canPostInCommunity(v, c, null))).toEqual(onlyViewers("admin"));
    }
  });
  it("moderating: active moderators and owners, and admins; not coordinators by their grant alone", () => {
    expect(runMemberships((m) => canModerateCommunity(teacher, closed, m))).toEqual(onlyMemberships("moderator", "owner"));
    expect(runViewers((v) => canModerateCommunity(v, closed, null))).toEqual(onlyViewers("admin"));
  });
  it("appointing moderators: the owner and admins", () => {
    expect(runMemberships((m) => canAppointModerators(teacher, open, m))).toEqual(onlyMemberships("owner"));
    expect(runViewers((v) => canAppointModerators(v, open, null))).toEqual(onlyViewers("admin"));
  });
  it("joining: signed-in people without an active membership or an open request", () => {
    expect(runMemberships((m) => canJoinCommunity(teacher, m))).toEqual(onlyMemberships("none", "declined", "left", "formerModerator"));
    expect(canJoinCommunity(viewers.guest, null)).toBe(false);
  });
  it("leaving: active members, or withdrawing an open request", () => {
    expect(runMemberships((m) => canLeaveCommunity(teacher, m))).toEqual(onlyMemberships("requested", "member", "moderator", "owner"));
  });
  it("following: signed-in readers", () => {
    expect(runViewers((v) => canFollowCommunity(v, open, null))).toEqual(onlyViewers(...(Object.keys(viewers) as V[]).filter((v) => v !== "guest")));
    expect(runMemberships((m) => canFollowCommunity(teacher, closed, m))).toEqual(onlyMemberships("member", "moderator", "owner"));
  });
  it("a closed community's inner pages are 404 for non-members", () => {
    expect(() => requireCommunityReader(teacher, closed, memberships.requested)).toThrow();
    expect(() => requireCommunityReader(teacher, closed, memberships.member)).not.toThrow();
    try {
      requireCommunityReader(teacher, closed, null);
    } catch (e) {
      expect((e as { init?: { status?: number } }).init?.status).toBe(404);
    }
  });
});

describe("community policy: creation × role × scope", () => {
  it("interregional communities: admins only", () => {
    expect(runViewers((v) => canCreateCommunity(v, { scope: "interregional" }))).toEqual(onlyViewers("admin"));
  });
  it("regional communities: the region's coordinators and admins", () => {
    expect(runViewers((v) => canCreateCommunity(v, { scope: "regional", regionId: R1 }))).toEqual(onlyViewers("regionCoordinator", "admin"));
    expect(runViewers((v) => canCreateCommunity(v, { scope: "regional", regionId: R2 }))).toEqual(onlyViewers("foreignCoordinator", "admin"));
  });
  it("municipal communities: coordinators of the municipality or of its region, and admins", () => {
    expect(runViewers((v) => canCreateCommunity(v, { scope: "municipal", municipality: { id: M1, regionId: R1 } }))).toEqual(
      onlyViewers("regionCoordinator", "municipalityCoordinator", "admin"),
    );
    expect(runViewers((v) => canCreateCommunity(v, { scope: "municipal", municipality: { id: M2, regionId: R1 } }))).toEqual(onlyViewers("regionCoordinator", "admin"));
  });
  it("the creation form opens for coordinators of any scope and admins", () => {
    expect(runViewers(mayCreateCommunities)).toEqual(onlyViewers("regionCoordinator", "municipalityCoordinator", "foreignCoordinator", "admin"));
  });
});
