/**
 * Who may do what in a thread. The engine asks the thread's owner (a community, a practice…)
 * through the registered DiscussionOwner; everything here is derived from its three answers.
 */
import { eq } from "drizzle-orm";
import { data } from "react-router";
import type { Executor } from "../../../db/client.ts";
import { roleGrants, threads, users } from "../../../db/schema/index.ts";
import type { RoleGrant, Viewer } from "../accounts/viewer.server.ts";
import "./owners-registry.server.ts";
import { discussionOwner } from "./owners.server.ts";
import { DISCUSSION_TEXT as T } from "./strings.ts";

/** The owner's answers for one viewer and one place. */
export interface ThreadAccess {
  read: boolean;
  post: boolean;
  moderate: boolean;
}

const NONE: ThreadAccess = { read: false, post: false, moderate: false };

/**
 * What the viewer may do in the threads of an owner. An unregistered kind allows nothing; a
 * moderator always reads; posting needs reading; guests never post or moderate.
 */
export async function ownerAccess(ex: Executor, viewer: Viewer, ownerKind: string, ownerId: string): Promise<ThreadAccess> {
  const owner = discussionOwner(ownerKind);
  if (!owner) return NONE;
  const [read, moderate] = await Promise.all([owner.canRead(ex, viewer, ownerId), viewer.id ? owner.canModerate(ex, viewer, ownerId) : false]);
  const readable = read || moderate;
  const post = Boolean(viewer.id) && readable && (moderate || (await owner.canPost(ex, viewer, ownerId)));
  return { read: readable, post, moderate: Boolean(viewer.id) && moderate };
}

/** The thread's owner reference and what the viewer may do there; null when the thread does not exist. */
export async function threadAccess(ex: Executor, viewer: Viewer, threadId: string): Promise<(ThreadAccess & { ownerKind: string; ownerId: string }) | null> {
  const [t] = await ex.select({ ownerKind: threads.ownerKind, ownerId: threads.ownerId }).from(threads).where(eq(threads.id, threadId));
  if (!t) return null;
  return { ...(await ownerAccess(ex, viewer, t.ownerKind, t.ownerId)), ...t };
}

/** Whether the viewer may read the thread: the read policy of the `thread:<id>` stream. */
export async function canReadThread(ex: Executor, viewer: Viewer, threadId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(threadId)) return false;
  return (await threadAccess(ex, viewer, threadId))?.read ?? false;
}

/** Throws 404 when the thread does not exist or the viewer may not read it (no hint it exists). */
export async function requireThreadReader(ex: Executor, viewer: Viewer, threadId: string) {
  const access = /^[0-9a-f-]{36}$/i.test(threadId) ? await threadAccess(ex, viewer, threadId) : null;
  if (!access?.read) throw data(T.threadNotFound, { status: 404 });
  return access;
}

/** Whether the viewer may edit or delete a post: its author only (moderators hide instead). */
export const canEditPost = (viewer: Viewer, post: { authorId: string; deletedAt: Date | null }) => viewer.id === post.authorId && !post.deletedAt;

/** The thread's author or a moderator marks the solution. */
export const canMarkSolution = (viewer: Viewer, thread: { authorId: string }, access: ThreadAccess) => access.moderate || (viewer.id === thread.authorId && access.post);

/**
 * A person as a viewer, for decisions about someone other than the one asking (who among the
 * mentioned may read the thread). Deleted accounts are guests.
 */
export async function viewerForUser(ex: Executor, userId: string): Promise<Viewer> {
  const [user] = await ex.select({ status: users.status }).from(users).where(eq(users.id, userId));
  if (!user || user.status !== "active") return { id: null, anonymous: true, roles: [] };
  const grants = await ex.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, userId));
  const roles: RoleGrant[] = grants.map((g) => ({ role: g.role, scopeType: g.scopeType ?? undefined, scopeId: g.scopeId ?? undefined }));
  return { id: userId, anonymous: false, roles: [{ role: "member" }, ...roles] };
}
