/**
 * Reads of plans: the owner (what the policy needs, its name and page), the plan's rows with their
 * responsible people and evidence, the people an owner's activities may be assigned to, and the
 * plans of an owner for links from its page.
 */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { municipalities, organisations, partnershipMembers, partnerships, planEvidence, planItemPeople, planItems, planItemStatusChanges, plans, regions, roleGrants, staffMemberships, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPartnershipAccess, UUID } from "../partnerships/queries.server.ts";
import type { PlanOwnerAccess } from "./policy.server.ts";
import type { PlanOwnerKind } from "./vocabulary.ts";

export type PlanRow = typeof plans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;

/** A plan's owner: the policy's view of it, its name, its page and its region's zone. */
export interface PlanOwner {
  access: PlanOwnerAccess;
  kind: PlanOwnerKind;
  id: string;
  name: string;
  href: string;
  regionId: string;
  timeZone: string;
}

const regionOf = async (ex: Executor, id: string) => (await ex.select().from(regions).where(eq(regions.id, id)))[0];

/** Loads a plan owner by kind and id, or null when there is none. */
export async function loadOwner(ex: Executor, viewer: Viewer, kind: PlanOwnerKind, id: string): Promise<PlanOwner | null> {
  if (!UUID.test(id)) return null;
  switch (kind) {
    case "partnership": {
      const found = await loadPartnershipAccess(ex, viewer, id);
      if (!found) return null;
      const [leader, partner] = await Promise.all([ex.select({ shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, found.row.leaderOrgId)), ex.select({ shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, found.row.partnerOrgId))]);
      const region = await regionOf(ex, found.access.partner.regionId);
      return { access: { kind, partnership: found.access }, kind, id, name: `${leader[0]!.shortName} — ${partner[0]!.shortName}`, href: `/partnerships/${id}`, regionId: region!.id, timeZone: region!.timeZone };
    }
    case "organisation": {
      const [org] = await ex.select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind, shortName: organisations.shortName, timeZone: regions.timeZone }).from(organisations).innerJoin(regions, eq(regions.id, organisations.regionId)).where(eq(organisations.id, id));
      if (!org) return null;
      return { access: { kind, org: { id: org.id, regionId: org.regionId, municipalityId: org.municipalityId, kind: org.kind } }, kind, id, name: org.shortName, href: `/organisations/${id}`, regionId: org.regionId, timeZone: org.timeZone };
    }
    case "municipality": {
      const [m] = await ex.select({ id: municipalities.id, regionId: municipalities.regionId, name: municipalities.name, timeZone: regions.timeZone }).from(municipalities).innerJoin(regions, eq(regions.id, municipalities.regionId)).where(eq(municipalities.id, id));
      if (!m) return null;
      return { access: { kind, municipality: { id: m.id, regionId: m.regionId } }, kind, id, name: m.name, href: `/organisations?municipality=${id}`, regionId: m.regionId, timeZone: m.timeZone };
    }
    case "region": {
      const r = await regionOf(ex, id);
      if (!r) return null;
      return { access: { kind, regionId: r.id }, kind, id, name: r.name, href: `/organisations?region=${id}`, regionId: r.id, timeZone: r.timeZone };
    }
  }
}

/** A plan and its owner, or null. */
export async function loadPlan(ex: Executor, viewer: Viewer, planId: string): Promise<{ plan: PlanRow; owner: PlanOwner } | null> {
  if (!UUID.test(planId)) return null;
  const [plan] = await ex.select().from(plans).where(eq(plans.id, planId));
  if (!plan) return null;
  const owner = await loadOwner(ex, viewer, plan.ownerKind, plan.ownerId);
  return owner ? { plan, owner } : null;
}

/** Plans of an owner, newest first (links from the owner's page). */
export async function listPlansOf(ex: Executor, kind: PlanOwnerKind, ownerId: string) {
  return ex.select({ id: plans.id, title: plans.title, schoolYear: plans.schoolYear, published: plans.published }).from(plans).where(and(eq(plans.ownerKind, kind), eq(plans.ownerId, ownerId))).orderBy(asc(plans.createdAt));
}

export interface PlanItemView extends PlanItemRow {
  people: { id: string; name: string }[];
  evidence: { id: string; kind: string; url: string; label: string }[];
  /** When the activity was last marked done (the report tells on time from late by it). */
  doneAt: Date | null;
}

/** The rows of a plan in order, with responsible people, evidence and the date it was done. */
export async function listPlanItems(ex: Executor, planId: string): Promise<PlanItemView[]> {
  const items = await ex.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(asc(planItems.position));
  if (!items.length) return [];
  const ids = items.map((i) => i.id);
  const [people, evidence, changes] = await Promise.all([
    ex.select({ itemId: planItemPeople.itemId, id: users.id, name: users.name }).from(planItemPeople).innerJoin(users, eq(users.id, planItemPeople.userId)).where(inArray(planItemPeople.itemId, ids)),
    ex.select().from(planEvidence).where(inArray(planEvidence.itemId, ids)).orderBy(asc(planEvidence.addedAt)),
    ex.select({ itemId: planItemStatusChanges.itemId, to: planItemStatusChanges.toStatus, at: planItemStatusChanges.at }).from(planItemStatusChanges).where(inArray(planItemStatusChanges.itemId, ids)).orderBy(asc(planItemStatusChanges.at)),
  ]);
  const collator = new Intl.Collator("ru");
  return items.map((item) => ({
    ...item,
    people: people.filter((p) => p.itemId === item.id).map(({ id, name }) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
    evidence: evidence.filter((e) => e.itemId === item.id).map(({ id, kind, url, label }) => ({ id, kind, url, label })),
    doneAt: item.status === "done" ? (changes.filter((c) => c.itemId === item.id && c.to === "done").at(-1)?.at ?? item.statusChangedAt) : null,
  }));
}

/** The dated status history of one activity, oldest first. */
export async function listStatusHistory(ex: Executor, itemId: string) {
  return ex.select({ from: planItemStatusChanges.fromStatus, to: planItemStatusChanges.toStatus, at: planItemStatusChanges.at, by: users.name }).from(planItemStatusChanges).leftJoin(users, eq(users.id, planItemStatusChanges.byUserId)).where(eq(planItemStatusChanges.itemId, itemId)).orderBy(asc(planItemStatusChanges.at));
}

/**
 * People an owner's activities may be assigned to: a partnership's members, curator and both
 * schools' confirmed staff; a school's confirmed staff; for a municipality or region, the confirmed
 * staff of its organisations and its coordinators. Sorted by name.
 */
export async function responsibleCandidates(ex: Executor, owner: PlanOwner): Promise<{ id: string; name: string }[]> {
  const ids = new Set<string>();
  const staffOf = async (orgIds: string[]) => {
    if (!orgIds.length) return;
    const rows = await ex.select({ id: staffMemberships.userId }).from(staffMemberships).where(and(inArray(staffMemberships.organisationId, orgIds), eq(staffMemberships.status, "confirmed")));
    rows.forEach((r) => ids.add(r.id));
  };
  const coordinatorsOf = async (scopeIds: string[]) => {
    const rows = await ex.select({ id: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, "coordinator"), inArray(roleGrants.scopeId, scopeIds)));
    rows.forEach((r) => ids.add(r.id));
  };
  const a = owner.access;
  if (a.kind === "partnership") {
    const [p] = await ex.select().from(partnerships).where(eq(partnerships.id, a.partnership.id));
    (await ex.select({ id: partnershipMembers.userId }).from(partnershipMembers).where(eq(partnershipMembers.partnershipId, a.partnership.id))).forEach((r) => ids.add(r.id));
    if (p?.curatorId) ids.add(p.curatorId);
    await staffOf([a.partnership.leader.id, a.partnership.partner.id]);
  } else if (a.kind === "organisation") {
    await staffOf([a.org.id]);
  } else {
    const scope = a.kind === "municipality" ? eq(organisations.municipalityId, a.municipality.id) : eq(organisations.regionId, a.regionId);
    await staffOf((await ex.select({ id: organisations.id }).from(organisations).where(scope).limit(2000)).map((o) => o.id));
    await coordinatorsOf(a.kind === "municipality" ? [a.municipality.id, a.municipality.regionId] : [a.regionId]);
  }
  if (!ids.size) return [];
  const people = await ex.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, [...ids]), eq(users.status, "active")));
  const collator = new Intl.Collator("ru");
  return people.sort((x, y) => collator.compare(x.name, y.name));
}

/** Plans of the owners on a page (organisation, partnership) that the caller lists; `or` keeps it one query. */
export async function listPlansOfOwners(ex: Executor, owners: { kind: PlanOwnerKind; id: string }[]) {
  if (!owners.length) return [];
  return ex
    .select({ id: plans.id, title: plans.title, ownerKind: plans.ownerKind, ownerId: plans.ownerId, published: plans.published })
    .from(plans)
    .where(or(...owners.map((o) => and(eq(plans.ownerKind, o.kind), eq(plans.ownerId, o.id)))))
    .orderBy(asc(plans.createdAt));
}
