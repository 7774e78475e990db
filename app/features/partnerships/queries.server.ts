/** Reads of the partnerships capability. Functions take an executor (db or tx) and use only it. */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client.ts";
import {
  lessonVisits,
  mentorMeetings,
  mentorPairs,
  municipalities,
  organisations,
  orgStrengths,
  partnershipFiles,
  partnershipMembers,
  partnerships,
  partnershipStatusChanges,
  regions,
  schoolYears,
  staffMemberships,
  users,
} from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { OrgScope } from "../directory/policy.server.ts";
import type { PartnershipAccess } from "./policy.server.ts";

export const PARTNERSHIP_OWNER_KIND = "partnership" as const;
export const partnershipStream = (id: string) => `partnership:${id}`;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PartnershipRow = typeof partnerships.$inferSelect;

/** An organisation's policy scope with its names, or null. */
export async function orgScope(ex: Executor, id: string): Promise<(OrgScope & { shortName: string; name: string; regionName: string; municipalityName: string | null }) | null> {
  if (!UUID.test(id)) return null;
  const [row] = await ex
    .select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind, shortName: organisations.shortName, name: organisations.name, regionName: regions.name, municipalityName: municipalities.name })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id));
  return row ?? null;
}

/** Whether the person is a member of the partnership. */
export async function isMember(ex: Executor, partnershipId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await ex.select({ userId: partnershipMembers.userId }).from(partnershipMembers).where(and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.userId, userId)));
  return Boolean(row);
}

/** The partnership row and what the policy needs about it for this viewer, or null. */
export async function loadPartnershipAccess(ex: Executor, viewer: Viewer, id: string): Promise<{ row: PartnershipRow; access: PartnershipAccess } | null> {
  if (!UUID.test(id)) return null;
  const [row] = await ex.select().from(partnerships).where(eq(partnerships.id, id));
  if (!row) return null;
  const [leader, partner] = await Promise.all([orgScope(ex, row.leaderOrgId), orgScope(ex, row.partnerOrgId)]);
  const scope = (o: NonNullable<typeof leader>): OrgScope => ({ id: o.id, regionId: o.regionId, municipalityId: o.municipalityId, kind: o.kind });
  return {
    row,
    access: {
      id: row.id,
      status: row.status,
      leader: scope(leader!),
      partner: scope(partner!),
      curatorId: row.curatorId,
      leaderAcceptedAt: row.leaderAcceptedAt,
      partnerAcceptedAt: row.partnerAcceptedAt,
      viewerIsMember: await isMember(ex, row.id, viewer.id),
    },
  };
}

const leaderOrg = alias(organisations, "leader_org");
const partnerOrg = alias(organisations, "partner_org");

/** Partnership cards: both schools' short names, status and dates; ordered by the latest change. */
export async function listPartnershipCards(ex: Executor, filter: { organisationId?: string; ids?: string[]; regionIds?: string[] } = {}) {
  const where = [];
  if (filter.organisationId) where.push(or(eq(partnerships.leaderOrgId, filter.organisationId), eq(partnerships.partnerOrgId, filter.organisationId)));
  if (filter.ids) where.push(filter.ids.length ? inArray(partnerships.id, filter.ids) : sql`false`);
  if (filter.regionIds) where.push(filter.regionIds.length ? or(inArray(leaderOrg.regionId, filter.regionIds), inArray(partnerOrg.regionId, filter.regionIds)) : sql`false`);
  return ex
    .select({
      id: partnerships.id,
      status: partnerships.status,
      leaderId: leaderOrg.id,
      leaderName: leaderOrg.shortName,
      partnerId: partnerOrg.id,
      partnerName: partnerOrg.shortName,
      agreementNumber: partnerships.agreementNumber,
      agreementDate: partnerships.agreementDate,
      periodStart: partnerships.periodStart,
      periodEnd: partnerships.periodEnd,
      statusChangedAt: partnerships.statusChangedAt,
    })
    .from(partnerships)
    .innerJoin(leaderOrg, eq(leaderOrg.id, partnerships.leaderOrgId))
    .innerJoin(partnerOrg, eq(partnerOrg.id, partnerships.partnerOrgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(partnerships.statusChangedAt), asc(partnerships.id));
}
export type PartnershipCard = Awaited<ReturnType<typeof listPartnershipCards>>[number];

/** Partnerships the person takes part in or curates, or whose school they administer. */
export async function partnershipIdsOf(ex: Executor, viewer: Viewer): Promise<string[]> {
  if (!viewer.id) return [];
  const adminOrgs = viewer.roles.filter((g) => g.role === "school_admin" && g.scopeType === "organisation" && g.scopeId).map((g) => g.scopeId!);
  const member = await ex.select({ id: partnershipMembers.partnershipId }).from(partnershipMembers).where(eq(partnershipMembers.userId, viewer.id));
  const curated = await ex
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(or(eq(partnerships.curatorId, viewer.id), adminOrgs.length ? or(inArray(partnerships.leaderOrgId, adminOrgs), inArray(partnerships.partnerOrgId, adminOrgs)) : sql`false`));
  return [...new Set([...member, ...curated].map((r) => r.id))];
}

/** The dated history of a partnership, oldest first. */
export async function listStatusChanges(ex: Executor, partnershipId: string) {
  return ex.select().from(partnershipStatusChanges).where(eq(partnershipStatusChanges.partnershipId, partnershipId)).orderBy(asc(partnershipStatusChanges.at), asc(partnershipStatusChanges.id));
}

/** Members with their school and role (people are rendered by the caller through loadPeople). */
export async function listMembers(ex: Executor, partnershipId: string) {
  return ex.select().from(partnershipMembers).where(eq(partnershipMembers.partnershipId, partnershipId)).orderBy(asc(partnershipMembers.addedAt));
}

/** Confirmed staff of a school (candidates for membership), by name. */
export async function listConfirmedStaff(ex: Executor, organisationId: string) {
  return ex
    .select({ userId: staffMemberships.userId, position: staffMemberships.position })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.status, "confirmed"), eq(users.status, "active")));
}

/** Whether the person is confirmed staff of the organisation. */
export async function isConfirmedStaff(ex: Executor, organisationId: string, userId: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.userId, userId), eq(staffMemberships.status, "confirmed")));
  return Boolean(row);
}

/** Mentor pairs with their meetings (newest meeting first). */
export async function listPairsWithMeetings(ex: Executor, partnershipId: string) {
  const pairs = await ex.select().from(mentorPairs).where(eq(mentorPairs.partnershipId, partnershipId)).orderBy(asc(mentorPairs.createdAt), asc(mentorPairs.id));
  const meetings = pairs.length
    ? await ex.select().from(mentorMeetings).where(inArray(mentorMeetings.pairId, pairs.map((p) => p.id))).orderBy(desc(mentorMeetings.heldOn), desc(mentorMeetings.loggedAt))
    : [];
  return pairs.map((p) => ({ ...p, meetings: meetings.filter((m) => m.pairId === p.id) }));
}

/** Lesson visits of a partnership, newest first. */
export async function listVisits(ex: Executor, partnershipId: string) {
  return ex.select().from(lessonVisits).where(eq(lessonVisits.partnershipId, partnershipId)).orderBy(desc(lessonVisits.visitedOn), desc(lessonVisits.createdAt));
}

/** One visit protocol of a partnership, or null. */
export async function getVisit(ex: Executor, partnershipId: string, visitId: string) {
  if (!UUID.test(visitId)) return null;
  const [row] = await ex.select().from(lessonVisits).where(and(eq(lessonVisits.id, visitId), eq(lessonVisits.partnershipId, partnershipId)));
  return row ?? null;
}

/** The shared files' list (without their bytes). */
export async function listFiles(ex: Executor, partnershipId: string) {
  return ex
    .select({ id: partnershipFiles.id, name: partnershipFiles.name, size: partnershipFiles.size, contentType: partnershipFiles.contentType, uploadedBy: partnershipFiles.uploadedBy, uploadedAt: partnershipFiles.uploadedAt })
    .from(partnershipFiles)
    .where(eq(partnershipFiles.partnershipId, partnershipId))
    .orderBy(desc(partnershipFiles.uploadedAt));
}

/** A school's declared strengths (topic codes). */
export async function strengthsOf(ex: Executor, organisationId: string): Promise<string[]> {
  const rows = await ex.select({ topic: orgStrengths.topicCode }).from(orgStrengths).where(eq(orgStrengths.organisationId, organisationId));
  return rows.map((r) => r.topic);
}

/** Every partnership id whose workspace a coordinator/admin reads; used by the moderation queue. */
export async function allPartnershipIds(ex: Executor): Promise<string[]> {
  return (await ex.select({ id: partnerships.id }).from(partnerships)).map((r) => r.id);
}

/** Partnerships whose workspace the viewer moderates: curated by them, or in a region they coordinate. */
export async function moderatedPartnershipIds(ex: Executor, viewer: Viewer): Promise<string[]> {
  if (!viewer.id) return [];
  const regionIds = viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === "region" && g.scopeId).map((g) => g.scopeId!);
  const rows = await ex
    .select({ id: partnerships.id })
    .from(partnerships)
    .innerJoin(leaderOrg, eq(leaderOrg.id, partnerships.leaderOrgId))
    .innerJoin(partnerOrg, eq(partnerOrg.id, partnerships.partnerOrgId))
    .where(or(eq(partnerships.curatorId, viewer.id), regionIds.length ? or(inArray(leaderOrg.regionId, regionIds), inArray(partnerOrg.regionId, regionIds)) : sql`false`));
  return rows.map((r) => r.id);
}

/**
 * Schools the viewer may propose a partnership for as the partner side: the schools they administer,
 * and for coordinators the ШНОР/ШНСУ schools of the school year in their region or municipality.
 */
export async function partnerSchoolOptions(ex: Executor, viewer: Viewer, schoolYear: string): Promise<Array<{ id: string; shortName: string }>> {
  if (!viewer.id) return [];
  const admin = viewer.roles.some((g) => g.role === "admin");
  const own = viewer.roles.filter((g) => g.role === "school_admin" && g.scopeType === "organisation" && g.scopeId).map((g) => g.scopeId!);
  const regionIds = viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === "region" && g.scopeId).map((g) => g.scopeId!);
  const municipalityIds = viewer.roles.filter((g) => g.role === "coordinator" && g.scopeType === "municipality" && g.scopeId).map((g) => g.scopeId!);
  const inScope = [
    own.length ? and(inArray(organisations.id, own), sql`(${schoolYears.lowResults} or ${schoolYears.adverseConditions})`) : null,
    admin ? sql`(${schoolYears.lowResults} or ${schoolYears.adverseConditions})` : null,
    regionIds.length ? and(inArray(organisations.regionId, regionIds), sql`(${schoolYears.lowResults} or ${schoolYears.adverseConditions})`) : null,
    municipalityIds.length ? and(inArray(organisations.municipalityId, municipalityIds), sql`(${schoolYears.lowResults} or ${schoolYears.adverseConditions})`) : null,
  ].filter((c): c is NonNullable<typeof c> => c !== null);
  if (!inScope.length) return [];
  return ex
    .selectDistinct({ id: organisations.id, shortName: organisations.shortName, nameSort: organisations.nameSort })
    .from(organisations)
    .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, schoolYear)))
    .where(and(eq(organisations.kind, "school"), or(...inScope)))
    .orderBy(asc(organisations.nameSort));
}

/** The school's programme flags in a school year that decide its side in partnerships. */
export async function schoolSide(ex: Executor, organisationId: string, schoolYear: string): Promise<{ partner: boolean; leader: boolean }> {
  const [row] = await ex.select().from(schoolYears).where(and(eq(schoolYears.organisationId, organisationId), eq(schoolYears.schoolYear, schoolYear)));
  return { partner: Boolean(row && (row.lowResults || row.adverseConditions)), leader: Boolean(row && (row.leading || row.trainingSite)) };
}

/**
 * For a leading school's administrator: their leading schools of the year, each with the ШНОР/ШНСУ
 * schools of its region that have no open partnership with it.
 */
export async function leaderProposalOptions(ex: Executor, viewer: Viewer, schoolYear: string) {
  const own = viewer.roles.filter((g) => g.role === "school_admin" && g.scopeType === "organisation" && g.scopeId).map((g) => g.scopeId!);
  const out: Array<{ id: string; shortName: string; partners: Array<{ id: string; shortName: string }> }> = [];
  for (const id of own) {
    const school = await orgScope(ex, id);
    if (!school || school.kind !== "school" || !(await schoolSide(ex, id, schoolYear)).leader) continue;
    const partners = await ex
      .select({ id: organisations.id, shortName: organisations.shortName })
      .from(organisations)
      .innerJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, schoolYear)))
      .where(
        and(
          eq(organisations.kind, "school"),
          eq(organisations.regionId, school.regionId),
          sql`(${schoolYears.lowResults} or ${schoolYears.adverseConditions})`,
          sql`not exists (select 1 from partnerships p where p.leader_org_id = ${id} and p.partner_org_id = ${organisations.id} and p.status in ('proposed','accepted','active'))`,
        ),
      )
      .orderBy(asc(organisations.nameSort));
    out.push({ id, shortName: school.shortName, partners });
  }
  return out;
}
