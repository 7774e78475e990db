/**
 * Read positions: how far each person has read each thread (the seq of the last post seen).
 * Unread replies are others' posts after that position that are neither deleted nor hidden; a
 * thread never opened counts all of them. Callers pass only threads and owners the viewer may read.
 */
import { and, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { posts, threadReads, threads } from "../../../db/schema/index.ts";

/** The seq of the last post the person has read in the thread; 0 when never opened. */
export async function readPosition(ex: Executor, userId: string, threadId: string): Promise<number> {
  const [row] = await ex.select({ lastSeq: threadReads.lastReadSeq }).from(threadReads).where(and(eq(threadReads.userId, userId), eq(threadReads.threadId, threadId)));
  return row?.lastSeq ?? 0;
}

/**
 * Moves the person's read position forward to `seq` (never back: a stale tab cannot mark read
 * posts unread again). `at` is business time from the clock.
 */
export async function markThreadRead(ex: Executor, userId: string, threadId: string, seq: number, at: Date): Promise<void> {
  await ex
    .insert(threadReads)
    .values({ userId, threadId, lastReadSeq: seq, at })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadSeq: sql`greatest(${threadReads.lastReadSeq}, excluded.last_read_seq)`, at },
      setWhere: sql`${threadReads.lastReadSeq} < excluded.last_read_seq`,
    });
}

const unreadPost = (userId: string) =>
  and(sql`${posts.seq} > coalesce(${threadReads.lastReadSeq}, 0)`, ne(posts.authorId, userId), isNull(posts.deletedAt), isNull(posts.hiddenAt));

/** Unread replies per thread for the person (threads with none are absent). */
export async function unreadByThread(ex: Executor, userId: string, threadIds: readonly string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await ex
    .select({ threadId: posts.threadId, n: count() })
    .from(posts)
    .leftJoin(threadReads, and(eq(threadReads.threadId, posts.threadId), eq(threadReads.userId, userId)))
    .where(and(inArray(posts.threadId, [...threadIds]), unreadPost(userId)))
    .groupBy(posts.threadId);
  return new Map(rows.map((r) => [r.threadId, r.n]));
}

/** Per owner (e.g. each community), how many of its threads have unread replies for the person. */
export async function threadsWithUnreadByOwner(ex: Executor, userId: string, ownerKind: string, ownerIds: readonly string[]): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await ex
    .select({ ownerId: threads.ownerId, n: sql<number>`count(distinct ${threads.id})::int` })
    .from(threads)
    .innerJoin(posts, eq(posts.threadId, threads.id))
    .leftJoin(threadReads, and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, userId)))
    .where(and(eq(threads.ownerKind, ownerKind), inArray(threads.ownerId, [...ownerIds]), sql`${threads.lastPostSeq} > coalesce(${threadReads.lastReadSeq}, 0)`, unreadPost(userId)))
    .groupBy(threads.ownerId);
  return new Map(rows.map((r) => [r.ownerId, Number(r.n)]));
}
