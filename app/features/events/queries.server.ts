/** Reads of the events capability: the viewer's facts, one event, the organiser's choices. */
import { and, asc, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import {
  communities,
  communityMembers,
  eventQuestions,
  eventRegistrations,
  organisations,
  practices,
  profiles,
  programmeEventCommunities,
  programmeEventPractices,
  programmeEvents,
  programmeEventSessions,
  regions,
  staffMemberships,
} from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { hasRole } from "../accounts/viewer.server.ts";
import { coordinatedScopes } from "../directory/organisations.server.ts";
import type { OrgScope } from "../directory/policy.server.ts";
import { NO_FACTS, ORGANISER_KINDS, canOrganiseFor, type EventAccess, type EventViewerFacts } from "./policy.server.ts";

/** The viewer's confirmed workplaces, the regions of their organisations and their communities. */
export async function viewerFacts(ex: Executor, viewer: Viewer): Promise<EventViewerFacts> {
  if (!viewer.id) return NO_FACTS;
  const [staff, profile, member] = await Promise.all([
    ex
      .select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind })
      .from(staffMemberships)
      .innerJoin(organisations, eq(organisations.id, staffMemberships.organisationId))
      .where(and(eq(staffMemberships.userId, viewer.id), eq(staffMemberships.status, "confirmed"))),
    ex
      .select({ regionId: organisations.regionId })
      .from(profiles)
      .innerJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(eq(profiles.userId, viewer.id)),
    ex.select({ id: communityMembers.communityId }).from(communityMembers).where(and(eq(communityMembers.userId, viewer.id), eq(communityMembers.status, "active"))),
  ]);
  const regionIds = [...new Set([...staff.map((s) => s.regionId), ...profile.map((p) => p.regionId)])];
  return { staffOf: staff, regionIds, communityIds: member.map((m) => m.id) };
}

/** The event row with what the policy needs, or null. */
export async function loadEvent(ex: Executor, eventId: string) {
  const [row] = await ex
    .select({
      event: programmeEvents,
      org: { id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind, name: organisations.name, shortName: organisations.shortName },
      regionCapital: regions.capital,
    })
    .from(programmeEvents)
    .innerJoin(organisations, eq(organisations.id, programmeEvents.organisationId))
    .innerJoin(regions, eq(regions.id, programmeEvents.regionId))
    .where(eq(programmeEvents.id, eventId));
  if (!row) return null;
  const invited = await ex.select({ id: programmeEventCommunities.communityId }).from(programmeEventCommunities).where(eq(programmeEventCommunities.eventId, eventId));
  const access: EventAccess = {
    id: row.event.id,
    createdBy: row.event.createdBy,
    organisation: row.org,
    audience: row.event.audience,
    audienceRegionId: row.event.audienceRegionId,
    invitedCommunityIds: invited.map((i) => i.id),
    status: row.event.status,
    endsAt: row.event.endsAt,
  };
  return { ...row, access, organiserZone: { timeZone: row.event.timeZone, city: row.regionCapital } };
}
export type LoadedEvent = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

/** Sessions of events, in order. */
export async function sessionsOf(ex: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return ex
    .select({ id: programmeEventSessions.id, eventId: programmeEventSessions.eventId, position: programmeEventSessions.position, title: programmeEventSessions.title, startsAt: programmeEventSessions.startsAt, endsAt: programmeEventSessions.endsAt })
    .from(programmeEventSessions)
    .where(inArray(programmeEventSessions.eventId, [...eventIds]))
    .orderBy(asc(programmeEventSessions.eventId), asc(programmeEventSessions.position));
}

/** The event's registration questions, in order. */
export async function questionsOf(ex: Executor, eventId: string) {
  return ex
    .select({ id: eventQuestions.id, position: eventQuestions.position, label: eventQuestions.label, kind: eventQuestions.kind, options: eventQuestions.options, required: eventQuestions.required })
    .from(eventQuestions)
    .where(eq(eventQuestions.eventId, eventId))
    .orderBy(asc(eventQuestions.position));
}

/** The person's live (not cancelled) registration for an event. */
export async function liveRegistration(ex: Executor, eventId: string, userId: string) {
  const [row] = await ex
    .select({ id: eventRegistrations.id, status: eventRegistrations.status, waitlistedAt: eventRegistrations.waitlistedAt })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId), ne(eventRegistrations.status, "cancelled")));
  return row ?? null;
}

/** Invited communities and linked published practices of an event, for its page. */
export async function eventLinks(ex: Executor, eventId: string) {
  const [invited, linked] = await Promise.all([
    ex
      .select({ id: communities.id, slug: communities.slug, name: communities.name })
      .from(programmeEventCommunities)
      .innerJoin(communities, eq(communities.id, programmeEventCommunities.communityId))
      .where(eq(programmeEventCommunities.eventId, eventId))
      .orderBy(asc(communities.nameSort)),
    ex
      .select({ id: practices.id, title: practices.title })
      .from(programmeEventPractices)
      .innerJoin(practices, eq(practices.id, programmeEventPractices.practiceId))
      .where(and(eq(programmeEventPractices.eventId, eventId), isNotNull(practices.publishedVersionId)))
      .orderBy(asc(practices.titleSort)),
  ]);
  return { invited, practices: linked.map((p) => ({ id: p.id, title: p.title ?? "" })) };
}

/** Organisations the viewer may hold events for (bodies, not schools), with their zones. */
export async function organiserChoices(ex: Executor, viewer: Viewer, facts: Pick<EventViewerFacts, "staffOf">) {
  const scopes = coordinatedScopes(viewer);
  const staffIds = facts.staffOf.filter((s) => ORGANISER_KINDS.includes(s.kind)).map((s) => s.id);
  const isAdmin = hasRole(viewer, "admin");
  const conditions = [
    ...(staffIds.length ? [inArray(organisations.id, staffIds)] : []),
    ...(scopes?.regionIds.length ? [and(inArray(organisations.regionId, scopes.regionIds), ne(organisations.kind, "school"))] : []),
    ...(scopes?.municipalityIds.length ? [and(inArray(organisations.municipalityId, scopes.municipalityIds), ne(organisations.kind, "school"))] : []),
  ];
  if (!isAdmin && conditions.length === 0) return [];
  const rows = await ex
    .select({ id: organisations.id, name: organisations.shortName, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind, regionName: regions.name, timeZone: regions.timeZone, capital: regions.capital })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(isAdmin ? ne(organisations.kind, "school") : or(...conditions))
    .orderBy(asc(regions.nameSort), asc(organisations.nameSort));
  return rows.filter((o) => canOrganiseFor(viewer, o as OrgScope, facts));
}

/** The organisation an event would be held by, with its zone, or null. */
export async function organisationForEvent(ex: Executor, organisationId: string) {
  const [row] = await ex
    .select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind, timeZone: regions.timeZone, capital: regions.capital })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

/** Communities an event can invite (Russian order) and published practices it can link. */
export async function formChoices(ex: Executor) {
  const [allCommunities, published, allRegions] = await Promise.all([
    ex.select({ id: communities.id, name: communities.name }).from(communities).orderBy(asc(communities.nameSort)).limit(500),
    ex.select({ id: practices.id, title: practices.title }).from(practices).where(isNotNull(practices.publishedVersionId)).orderBy(asc(practices.titleSort)).limit(300),
    ex.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.nameSort)),
  ]);
  return {
    communities: allCommunities.map((c) => ({ value: c.id, label: c.name })),
    practices: published.map((p) => ({ value: p.id, label: p.title ?? "" })),
    regions: allRegions.map((r) => ({ value: r.id, label: r.name })),
  };
}
