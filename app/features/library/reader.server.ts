/** Readers' writes: bookmarks, «полезно», view counts and comments (through the discussion engine). */
import { and, eq, sql } from "drizzle-orm";
import { practiceBookmarks, practices, practiceVotes } from "../../../db/schema/index.ts";
import { createPost, createThread } from "../discussions/commands.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canBookmark, canComment, canVoteUseful, isAuthor } from "./policy.server.ts";
import { commentThreadOf, loadPractice, PRACTICE_OWNER_KIND } from "./queries.server.ts";
import type { LibraryServices, Person } from "./services.server.ts";
import { refuse, type LibraryOutcome } from "./outcome.ts";
import { LIBRARY_ERRORS as E } from "./strings.ts";

async function published(s: LibraryServices, practiceId: string) {
  const loaded = await loadPractice(s.db, practiceId);
  return loaded?.access.published ? loaded : null;
}

/** Adds or removes the person's bookmark. */
export async function setBookmark(s: LibraryServices, viewer: Person, practiceId: string, on: boolean): Promise<LibraryOutcome> {
  const loaded = await published(s, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  if (!canBookmark(viewer, loaded.access)) return refuse(403, E.forbidden);
  if (on) await s.db.insert(practiceBookmarks).values({ practiceId, userId: viewer.id, at: s.clock.now() }).onConflictDoNothing();
  else await s.db.delete(practiceBookmarks).where(and(eq(practiceBookmarks.practiceId, practiceId), eq(practiceBookmarks.userId, viewer.id)));
  return { ok: true };
}

/** Marks the practice «полезно» (once per person) or takes the mark back; the count follows in the same transaction. */
export async function setUseful(s: LibraryServices, viewer: Person, practiceId: string, on: boolean): Promise<LibraryOutcome> {
  const loaded = await published(s, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  if (!canVoteUseful(viewer, loaded.access)) return refuse(403, E.ownVote);
  await s.db.transaction(async (tx) => {
    const changed = on
      ? await tx.insert(practiceVotes).values({ practiceId, userId: viewer.id, at: s.clock.now() }).onConflictDoNothing().returning({ id: practiceVotes.practiceId })
      : await tx.delete(practiceVotes).where(and(eq(practiceVotes.practiceId, practiceId), eq(practiceVotes.userId, viewer.id))).returning({ id: practiceVotes.practiceId });
    if (changed.length) await tx.update(practices).set({ usefulCount: sql`${practices.usefulCount} + ${on ? 1 : -1}` }).where(eq(practices.id, practiceId));
  });
  return { ok: true };
}

const VIEW_WINDOW_MS = 30 * 60 * 1000;
const recentViews = new Map<string, number>();

/** Whether this visitor's view of the practice was counted within the last half hour (this process). */
function seenRecently(key: string, now: number): boolean {
  const at = recentViews.get(key);
  if (at !== undefined && now - at < VIEW_WINDOW_MS) return true;
  if (recentViews.size > 50_000) for (const [k, t] of recentViews) if (now - t >= VIEW_WINDOW_MS) recentViews.delete(k);
  recentViews.set(key, now);
  return false;
}

/**
 * Counts a reader's view of a published practice: once per visitor (person or address) per half
 * hour, so data reloads of live comments and returns to the page do not count again. Its authors'
 * own visits are not counted.
 */
export async function recordView(s: Pick<LibraryServices, "db" | "clock">, viewer: Viewer, access: { id: string; published: boolean; authorIds: readonly string[] }, visitor: string): Promise<void> {
  if (!access.published || isAuthor(viewer, access)) return;
  if (seenRecently(`${access.id}:${viewer.id ?? visitor}`, s.clock.now().getTime())) return;
  await s.db.update(practices).set({ viewCount: sql`${practices.viewCount} + 1` }).where(eq(practices.id, access.id));
}

/**
 * A comment on a published practice: a reply in its comment thread, or the thread's opening
 * post when it is the first comment. Same commands (allowlist, throttle, notifications) as any
 * discussion.
 */
export async function commentOnPractice(s: LibraryServices, viewer: Person, practiceId: string, input: { body: unknown; clientId: string; origin?: string }): Promise<LibraryOutcome<{ threadId: string; postId: string }>> {
  const loaded = await published(s, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  if (!canComment(viewer, loaded.access)) return refuse(403, E.forbidden);
  const thread = await commentThreadOf(s.db, practiceId);
  const result = thread
    ? await createPost(s, viewer, { threadId: thread.id, body: input.body, clientId: input.clientId, origin: input.origin })
    : await createThread(s, viewer, { ownerKind: PRACTICE_OWNER_KIND, ownerId: practiceId, title: `Обсуждение: ${loaded.practice.title ?? loaded.current.title}`.slice(0, 200), body: input.body, clientId: input.clientId, origin: input.origin });
  if (!result.ok) return refuse(result.status, result.error, "comment");
  return { ok: true, threadId: result.threadId, postId: result.postId };
}
