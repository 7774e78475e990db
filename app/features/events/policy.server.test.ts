import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import type { OrgScope } from "../directory/policy.server.ts";
import { canManageEvent, canOrganiseFor, canSeeOnlineLink, mayOrganiseEvents, registrationRefusal, type EventAccess, type EventViewerFacts } from "./policy.server.ts";

const CHITA = "r-chita";
const TULA = "r-tula";
const iro: OrgScope = { id: "o-iro", regionId: CHITA, municipalityId: null, kind: "institute" };
const moUo: OrgScope = { id: "o-mouo", regionId: CHITA, municipalityId: "m-shilka", kind: "municipal_office" };
const school: OrgScope = { id: "o-school", regionId: CHITA, municipalityId: "m-chita", kind: "school" };

const person = (id: string, roles: Viewer["roles"] = []): Viewer => ({ id, anonymous: false, roles });
const facts = (over: Partial<EventViewerFacts> = {}): EventViewerFacts => ({ staffOf: [], regionIds: [], communityIds: [], ...over });

const personas = {
  guest: { v: GUEST, f: facts() },
  teacher: { v: person("teacher"), f: facts({ regionIds: [CHITA], staffOf: [school] }) },
  tulaTeacher: { v: person("tula"), f: facts({ regionIds: [TULA] }) },
  iroStaff: { v: person("iro"), f: facts({ regionIds: [CHITA], staffOf: [iro] }) },
  mouoStaff: { v: person("mouo"), f: facts({ regionIds: [CHITA], staffOf: [moUo] }) },
  coordinatorOwn: { v: person("co", [{ role: "coordinator", scopeType: "region", scopeId: CHITA }]), f: facts() },
  coordinatorMuni: { v: person("cm", [{ role: "coordinator", scopeType: "municipality", scopeId: "m-shilka" }]), f: facts() },
  coordinatorForeign: { v: person("cf", [{ role: "coordinator", scopeType: "region", scopeId: TULA }]), f: facts() },
  admin: { v: person("admin", [{ role: "admin" }]), f: facts() },
} as const;
type Persona = keyof typeof personas;

const event = (over: Partial<EventAccess> = {}): EventAccess => ({
  id: "e1",
  createdBy: "someone",
  organisation: iro,
  audience: "open",
  audienceRegionId: null,
  invitedCommunityIds: [],
  status: "scheduled",
  endsAt: new Date("2026-12-11T04:00:00Z"),
  ...over,
});
const NOW = new Date("2026-12-01T00:00:00Z");

describe("events policy", () => {
  it.each<[Persona, boolean, boolean, boolean]>([
    // persona, may open the form, may organise for the ИРО, may organise for the МОУО
    ["guest", false, false, false],
    ["teacher", false, false, false],
    ["tulaTeacher", false, false, false],
    ["iroStaff", true, true, false],
    ["mouoStaff", false, false, false],
    ["coordinatorOwn", true, true, true],
    ["coordinatorMuni", true, false, true],
    ["coordinatorForeign", true, false, false],
    ["admin", true, true, true],
  ])("%s: form %s, ИРО %s, МОУО %s", (who, form, forIro, forMouo) => {
    const { v, f } = personas[who];
    expect(mayOrganiseEvents(v, f)).toBe(form);
    expect(canOrganiseFor(v, iro, f)).toBe(forIro);
    expect(canOrganiseFor(v, moUo, f)).toBe(forMouo);
  });

  it("the creator manages their event even outside their organiser scope", () => {
    expect(canManageEvent(personas.teacher.v, event({ createdBy: "teacher" }), personas.teacher.f)).toBe(true);
    expect(canManageEvent(GUEST, event({ createdBy: null }), facts())).toBe(false);
  });

  it.each<[Persona, EventAccess["audience"], ReturnType<typeof registrationRefusal>]>([
    ["guest", "open", "guest"],
    ["teacher", "open", null],
    ["tulaTeacher", "open", null],
    ["teacher", "region", null],
    ["tulaTeacher", "region", "audience"],
    ["iroStaff", "communities", null],
    ["teacher", "communities", "audience"],
    ["admin", "communities", null],
  ])("%s registers for a %s event: %s", (who, audience, refusal) => {
    const { v, f } = personas[who];
    const e = event({ audience, audienceRegionId: audience === "region" ? CHITA : null, invitedCommunityIds: audience === "communities" ? ["c1"] : [] });
    expect(registrationRefusal(v, e, f, NOW)).toBe(refusal);
  });

  it("a community member belongs to an invited community's audience", () => {
    const e = event({ audience: "communities", invitedCommunityIds: ["c1"] });
    expect(registrationRefusal(personas.tulaTeacher.v, e, facts({ communityIds: ["c1"] }), NOW)).toBe(null);
  });

  it("closes registration for cancelled and finished events", () => {
    expect(registrationRefusal(personas.teacher.v, event({ status: "cancelled" }), personas.teacher.f, NOW)).toBe("cancelled");
    expect(registrationRefusal(personas.teacher.v, event(), personas.teacher.f, new Date("2026-12-11T04:00:00Z"))).toBe("finished");
  });

  it("shows the online link to participants with a seat and managers only", () => {
    const e = event();
    expect(canSeeOnlineLink(personas.teacher.v, e, personas.teacher.f, "registered")).toBe(true);
    expect(canSeeOnlineLink(personas.teacher.v, e, personas.teacher.f, "waitlisted")).toBe(false);
    expect(canSeeOnlineLink(GUEST, e, facts(), null)).toBe(false);
    expect(canSeeOnlineLink(personas.iroStaff.v, e, personas.iroStaff.f, null)).toBe(true);
  });
});
