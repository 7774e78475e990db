/**
 * Who may do what with events. Pure decisions on the viewer and facts loaded by the caller (the
 * viewer's confirmed workplaces, regions and communities), plus guards that throw a Russian 403.
 *
 * - Organisers: admins; coordinators for organisations of their region (or municipality); confirmed
 *   staff of an institute (ИРО), a ЦНППМ or a ministry for their own organisation.
 * - The event's creator and whoever may organise for its organisation manage it (edit, cancel,
 *   participants and their export).
 * - Everyone, guests included, sees the catalogue and event pages; the online link is shown to
 *   registered participants and managers only.
 * - Registration: signed-in people of the audience (open: anyone; region: people whose
 *   organisation is in the region; communities: active members of an invited community).
 */
import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { coordinatesOrganisation, type OrgScope } from "../directory/policy.server.ts";
import { EVENT_ERRORS } from "./strings.ts";
import { ROOM_ERRORS } from "./room-strings.ts";

/** Organisation kinds whose confirmed staff organise events for their organisation. */
export const ORGANISER_KINDS: readonly string[] = ["institute", "cnppm", "ministry"];

/** What the policy knows about the viewer besides roles: confirmed workplaces, regions, communities. */
export interface EventViewerFacts {
  /** Organisations where the viewer is confirmed staff. */
  staffOf: readonly OrgScope[];
  /** Regions of the viewer's organisations (profile and confirmed workplaces). */
  regionIds: readonly string[];
  /** Communities where the viewer is an active member. */
  communityIds: readonly string[];
}

export const NO_FACTS: EventViewerFacts = { staffOf: [], regionIds: [], communityIds: [] };

/** What the policy needs to know about an event. */
export interface EventAccess {
  id: string;
  createdBy: string | null;
  organisation: OrgScope;
  audience: "open" | "region" | "communities";
  audienceRegionId: string | null;
  invitedCommunityIds: readonly string[];
  status: "scheduled" | "cancelled";
  endsAt: Date;
}

const isAdmin = (v: Viewer) => hasRole(v, "admin");

/** Whether the viewer may hold events on behalf of this organisation. */
export function canOrganiseFor(v: Viewer, org: OrgScope, facts: Pick<EventViewerFacts, "staffOf">): boolean {
  if (!v.id) return false;
  if (isAdmin(v) || coordinatesOrganisation(v, org)) return true;
  return ORGANISER_KINDS.includes(org.kind) && facts.staffOf.some((s) => s.id === org.id);
}

/** Whether the viewer may open the creation form at all. */
export function mayOrganiseEvents(v: Viewer, facts: Pick<EventViewerFacts, "staffOf">): boolean {
  if (!v.id) return false;
  return isAdmin(v) || hasRole(v, "coordinator") || facts.staffOf.some((s) => ORGANISER_KINDS.includes(s.kind));
}

/** Editing, cancelling, the participant list and its export. */
export function canManageEvent(v: Viewer, e: Pick<EventAccess, "createdBy" | "organisation">, facts: Pick<EventViewerFacts, "staffOf">): boolean {
  if (!v.id) return false;
  return (e.createdBy !== null && e.createdBy === v.id) || canOrganiseFor(v, e.organisation, facts);
}

/** Whether the viewer belongs to the event's audience (managers always do). */
export function inAudience(v: Viewer, e: EventAccess, facts: EventViewerFacts): boolean {
  if (!v.id) return false;
  if (e.audience === "open" || isAdmin(v)) return true;
  if (e.audience === "region") return e.audienceRegionId !== null && facts.regionIds.includes(e.audienceRegionId);
  return e.invitedCommunityIds.some((id) => facts.communityIds.includes(id));
}

export type RegistrationRefusal = "guest" | "cancelled" | "finished" | "audience" | null;

/** Why the viewer may not register now (null: they may). */
export function registrationRefusal(v: Viewer, e: EventAccess, facts: EventViewerFacts, now: Date): RegistrationRefusal {
  if (!v.id) return "guest";
  if (e.status === "cancelled") return "cancelled";
  if (e.endsAt.getTime() <= now.getTime()) return "finished";
  if (!inAudience(v, e, facts) && !canManageEvent(v, e, facts)) return "audience";
  return null;
}

/** The online link: participants with a seat and managers. */
export function canSeeOnlineLink(v: Viewer, e: EventAccess, facts: EventViewerFacts, registration: "registered" | "waitlisted" | "cancelled" | null): boolean {
  return registration === "registered" || canManageEvent(v, e, facts);
}

/** Throws 403 with a Russian message when a check fails. */
export function ensureEvents(allowed: boolean, message: string = EVENT_ERRORS.forbidden): void {
  if (!allowed) throw data(message, { status: 403 });
}

/** The creation form: organisers only. */
export function requireEventOrganiser(v: Viewer, facts: Pick<EventViewerFacts, "staffOf">): void {
  ensureEvents(mayOrganiseEvents(v, facts), EVENT_ERRORS.createForbidden);
}

/** Organiser pages of one event (edit, participants, export). */
export function requireEventManager(v: Viewer, e: Pick<EventAccess, "createdBy" | "organisation">, facts: Pick<EventViewerFacts, "staffOf">): void {
  ensureEvents(canManageEvent(v, e, facts));
}

/** What the room's policy knows about the viewer's place in an event. */
export interface RoomStanding {
  /** Editing, check-in codes, attendance, answering questions, materials. */
  manage: boolean;
  /** A participant with a seat. */
  participant: boolean;
}

/** Minutes before a session's start when its join link and check-in open. */
export const ROOM_OPENS_BEFORE_MS = 15 * 60_000;

/** The live room (Q&A, attendance, materials, its live stream): participants with a seat and managers. */
export const canEnterRoom = (r: RoomStanding): boolean => r.participant || r.manage;

/** Whether the session is live for the room: from shortly before its start until its end. */
export const sessionLive = (x: { startsAt: Date; endsAt: Date }, now: Date): boolean => now.getTime() >= x.startsAt.getTime() - ROOM_OPENS_BEFORE_MS && now < x.endsAt;

/** Asking and upvoting: whoever is in the room, while the event is not over or cancelled. */
export const canAskInRoom = (r: RoomStanding, e: Pick<EventAccess, "status" | "endsAt">, now: Date): boolean => canEnterRoom(r) && e.status === "scheduled" && now < e.endsAt;

/** Checking in with the code: participants during a live session. */
export const canCheckIn = (r: RoomStanding, e: Pick<EventAccess, "status">, session: { startsAt: Date; endsAt: Date }, now: Date): boolean => r.participant && e.status === "scheduled" && sessionLive(session, now);

/** Feedback: participants, once the event has begun. */
export const canGiveFeedback = (r: RoomStanding, e: Pick<EventAccess, "status">, startsAt: Date, now: Date): boolean => r.participant && e.status === "scheduled" && now >= startsAt;

/** A certificate: a participant who attended at least one session, once the event is over. */
export const canGetCertificate = (r: RoomStanding, e: Pick<EventAccess, "status" | "endsAt">, attendedMinutes: number, now: Date): boolean => r.participant && e.status === "scheduled" && now >= e.endsAt && attendedMinutes > 0;

/** The room page: throws 403 for people outside it. */
export function requireRoom(r: RoomStanding): void {
  ensureEvents(canEnterRoom(r), ROOM_ERRORS.forbidden);
}
