/**
 * What the community pages show, assembled on the server: the header, the viewer's standing and
 * permissions, the threads (through the discussion engine) and the member list.
 */
import { inArray } from "drizzle-orm";
import { data } from "react-router";
import { streams } from "../../../db/schema/index.ts";
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { listThreads, recentThreadHeads } from "../discussions/queries.server.ts";
import { loadPeople, type PersonView } from "../profiles/people.server.ts";
import { subjectLabel, topicLabel } from "../vocabulary/index.ts";
import { formatDateTime, formatRelativeRu } from "../../utils/datetime.ts";
import {
  canAppointModerators,
  canFollowCommunity,
  canJoinCommunity,
  canLeaveCommunity,
  canModerateCommunity,
  canPostInCommunity,
  canReadCommunity,
  canCreateCommunity,
  requireCommunityReader,
} from "./policy.server.ts";
import { listAreas } from "../directory/organisations.server.ts";
import { streamHead } from "../../../server/events/store.ts";
import { COMMUNITY_OWNER_KIND, COMMUNITY_PAGE_SIZE, isFollowing, listCommunities, listJoinRequests, listMembers, loadCommunityAccess, MEMBERS_PAGE_SIZE, placeOf, type CommunityRow } from "./queries.server.ts";
import type { CatalogueQuery } from "./schemas.ts";
import { threadsWithUnreadByOwner } from "../discussions/reads.server.ts";
import type { CommunityCardData } from "./components/community-card.tsx";
import type { CommunityHeaderData } from "./components/community-header.tsx";
import { COMMUNITY_ERRORS, KIND_LABELS, ROLE_LABELS, SCOPE_LABELS } from "./strings.ts";

type Facts = Pick<CommunityRow, "slug" | "name" | "description" | "kind" | "subjectCode" | "topicCode" | "scope" | "visibility" | "memberCount">;

/** What the catalogue card and the header show of any community, with its place in words. */
function describe(c: Facts, place: { region: string | null; municipality: string | null }): CommunityHeaderData & { description: string } {
  return {
    slug: c.slug,
    name: c.name,
    description: c.description,
    kind: KIND_LABELS[c.kind],
    focus: c.subjectCode ? subjectLabel(c.subjectCode) : c.topicCode ? topicLabel(c.topicCode) : null,
    scope: SCOPE_LABELS[c.scope],
    place: [place.municipality, place.region].filter(Boolean).join(", ") || null,
    closed: c.visibility === "closed",
    memberCount: c.memberCount,
  };
}

/** The header facts of a community as every page of it shows them. */
export async function communityHeader(ex: Executor, c: CommunityRow) {
  return { id: c.id, ...describe(c, await placeOf(ex, c)) };
}

/** A moment as a page shows it: relative when recent, with the full date and zone for the title. */
export function moment(at: Date, zone: ViewerZone, now: Date) {
  const full = formatDateTime(at, zone);
  return { iso: at.toISOString(), text: formatRelativeRu(at, now) ?? full, full };
}

async function loadOrThrow(ex: Executor, viewer: Viewer, slug: string) {
  const access = await loadCommunityAccess(ex, viewer, { slug });
  if (!access) throw data(COMMUNITY_ERRORS.notFound, { status: 404 });
  return access;
}

/**
 * The community page: header, the viewer's standing, what they may do, and — for those who may
 * read — a page of threads (pinned first, then by activity).
 */
export async function loadCommunityPage(ex: Executor, viewer: Viewer, input: { slug: string; page: number; zone: ViewerZone; now: Date }) {
  const { community: c, membership: m } = await loadOrThrow(ex, viewer, input.slug);
  const read = canReadCommunity(viewer, c, m);
  const moderate = canModerateCommunity(viewer, c, m);
  const list = read ? await listThreads(ex, viewer, { ownerKind: COMMUNITY_OWNER_KIND, ownerId: c.id, page: input.page }) : null;
  const streamKey = `community:${c.id}`;
  return {
    community: await communityHeader(ex, c),
    /** The community's stream for live updates, from the sequence this page was rendered at. */
    live: read ? { stream: streamKey, head: await streamHead(ex, streamKey) } : null,
    me: { signedIn: Boolean(viewer.id), status: m?.status ?? null, role: m?.status === "active" ? m.role : null, reason: m?.status === "declined" ? m.reason : null, following: await isFollowing(ex, c.id, viewer.id) },
    can: {
      read,
      post: canPostInCommunity(viewer, c, m),
      moderate,
      join: canJoinCommunity(viewer, m),
      leave: canLeaveCommunity(viewer, m),
      follow: canFollowCommunity(viewer, c, m),
    },
    pendingRequests: moderate ? (await listJoinRequests(ex, c.id)).length : 0,
    threads: list
      ? {
          total: list.total,
          page: list.page,
          pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
          items: list.threads.map(({ lastActivityAt, ...t }) => ({ ...t, lastActivity: moment(lastActivityAt, input.zone, input.now) })),
        }
      : null,
  };
}

export type MemberItem = { person: PersonView; role: "member" | "moderator" | "owner"; since: string | null };

/**
 * The members page: a page of active members with their roles (owners and moderators first, then
 * by joining date), and for moderators the open join requests.
 */
export async function loadMembersPage(ex: Executor, viewer: Viewer, input: { slug: string; zone: ViewerZone; page?: number }) {
  const { community: c, membership: m } = await loadOrThrow(ex, viewer, input.slug);
  requireCommunityReader(viewer, c, m);
  const moderate = canModerateCommunity(viewer, c, m);
  const page = input.page ?? 1;
  const [members, requests] = await Promise.all([listMembers(ex, c.id, page), moderate ? listJoinRequests(ex, c.id) : Promise.resolve([])]);
  const people = await loadPeople(ex, viewer, [...members.rows.map((r) => r.userId), ...requests.map((r) => r.userId)]);
  const items: MemberItem[] = members.rows.map((r) => ({ person: people.get(r.userId)!, role: r.role, since: r.joinedAt ? formatDateTime(r.joinedAt, input.zone) : null }));
  return {
    community: await communityHeader(ex, c),
    viewerId: viewer.id,
    can: { moderate, appoint: canAppointModerators(viewer, c, m) },
    settings: moderate ? { description: c.description, visibility: c.visibility } : null,
    members: items,
    page,
    pages: Math.max(1, Math.ceil(members.total / MEMBERS_PAGE_SIZE)),
    requests: requests.map((r) => ({ person: people.get(r.userId)!, note: r.note, requestedAt: formatDateTime(r.requestedAt, input.zone) })),
  };
}

/** The viewer's standing in a catalogue card. */
function standing(mine: { status: string; role: "member" | "moderator" | "owner" } | null): string | null {
  if (!mine) return null;
  if (mine.status === "requested") return "Заявка отправлена";
  if (mine.status === "active") return mine.role === "member" ? "Вы участник" : `Вы ${ROLE_LABELS[mine.role]}`;
  return null;
}

/** The catalogue page: a page of communities as cards, with the total and the page count. */
export async function loadCatalogue(ex: Executor, viewer: Viewer, query: CatalogueQuery, zone: ViewerZone, now: Date) {
  const list = await listCommunities(ex, viewer, query);
  // Unread only where the viewer is an active member (they may read those, and follow them).
  const memberOf = list.rows.filter((r) => r.mine?.status === "active").map((r) => r.id);
  const unread = viewer.id ? await threadsWithUnreadByOwner(ex, viewer.id, COMMUNITY_OWNER_KIND, memberOf) : new Map<string, number>();
  const cards: CommunityCardData[] = list.rows.map((r) => ({
    ...describe(r, r),
    threadCount: r.threadCount,
    lastActivity: moment(r.lastActivityAt, zone, now),
    mine: standing(r.mine),
    unreadThreads: unread.get(r.id) ?? 0,
  }));
  return { total: list.total, pages: Math.max(1, Math.ceil(list.total / COMMUNITY_PAGE_SIZE)), cards, live: viewer.id ? await catalogueLive(ex, memberOf) : null };
}

/**
 * Subscriptions that keep the catalogue's unread counts live, bounded so that opening the page
 * stays well under the per-socket event rate: the member communities' streams (a new thread) and
 * their most recently active threads (a new reply). A reply in an older thread shows on the next load.
 */
export const CATALOGUE_LIVE_STREAMS = 24;

async function catalogueLive(ex: Executor, memberOf: string[]) {
  const keys = memberOf.slice(0, CATALOGUE_LIVE_STREAMS).map((id) => `community:${id}`);
  const heads = keys.length ? new Map((await ex.select({ key: streams.key, seq: streams.seq }).from(streams).where(inArray(streams.key, keys))).map((h) => [h.key, Number(h.seq)])) : new Map<string, number>();
  return {
    communities: keys.map((stream) => ({ stream, head: heads.get(stream) ?? 0 })),
    threads: await recentThreadHeads(ex, COMMUNITY_OWNER_KIND, memberOf, CATALOGUE_LIVE_STREAMS - keys.length),
  };
}

/**
 * Where the viewer may create communities, for the creation form: interregional (admins), the
 * regions they coordinate, and the municipalities of those regions or that they coordinate.
 */
export async function creationOptions(ex: Executor, viewer: Viewer) {
  const areas = await listAreas(ex);
  const regions = areas.regions.filter((r) => canCreateCommunity(viewer, { scope: "regional", regionId: r.id }));
  const municipalities = areas.municipalities.filter((m) => canCreateCommunity(viewer, { scope: "municipal", municipality: m }));
  const groups = areas.regions
    .map((r) => ({ label: r.name, options: municipalities.filter((m) => m.regionId === r.id).map((m) => ({ value: m.id, label: m.name })) }))
    .filter((g) => g.options.length > 0);
  return {
    interregional: canCreateCommunity(viewer, { scope: "interregional" }),
    regions: regions.map((r) => ({ value: r.id, label: r.name })),
    municipalityGroups: groups,
  };
}
