import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";

/** The places that own threads. Threads carry (owner_kind, owner_id) with no foreign key. */
export const OWNER_KINDS = ["community", "practice", "partnership", "event", "test"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/**
 * What a capability that hosts discussions tells the engine. Every permission decision about a
 * thread goes through the owner: HTTP pages, socket subscriptions and commands all ask it.
 */
export interface DiscussionOwner {
  /** May the viewer read the threads (HTTP and sockets obey this). */
  canRead(ex: Executor, viewer: Viewer, ownerId: string): Promise<boolean>;
  /** May the viewer start threads / reply. */
  canPost(ex: Executor, viewer: Viewer, ownerId: string): Promise<boolean>;
  /** Moderators: pin, lock, hide/restore, see the moderation queue of this owner. */
  canModerate(ex: Executor, viewer: Viewer, ownerId: string): Promise<boolean>;
  /** Title and URL of the place (breadcrumbs, notifications). */
  describe(ex: Executor, ownerId: string): Promise<{ title: string; href: string } | null>;
  /**
   * Optional: the owner ids of this kind the viewer moderates (the moderation queue lists their
   * reports). Without it the queue asks canModerate for each owner that has open reports.
   */
  moderatedOwnerIds?(ex: Executor, viewer: Viewer): Promise<string[]>;
}

const registry = new Map<OwnerKind, DiscussionOwner>();

/** Registers the owner of a kind (called once per kind from owners-registry.server.ts; tests may re-register "test"). */
export function registerDiscussionOwner(kind: OwnerKind, owner: DiscussionOwner): void {
  registry.set(kind, owner);
}

/** Whether the string names an owner kind. */
export function isOwnerKind(kind: string): kind is OwnerKind {
  return (OWNER_KINDS as readonly string[]).includes(kind);
}

/** The owner of a kind, or null when no capability registered it (then nobody may read or post). */
export function discussionOwner(kind: string): DiscussionOwner | null {
  return isOwnerKind(kind) ? (registry.get(kind) ?? null) : null;
}

/** Kinds registered so far (the moderation queue walks them). */
export function registeredOwnerKinds(): OwnerKind[] {
  return [...registry.keys()];
}
