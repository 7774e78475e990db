/**
 * Writes of the discussion engine: threads, posts, edits, deletions, reactions. Each write and its
 * events (stream `thread:<id>`) and notifications commit in one transaction. Forms and sockets
 * call the same commands.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { postReactions, postRevisions, posts, threads } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { hitThrottle, type ThrottleRule } from "../accounts/throttle.server.ts";
import { refuse, type Outcome } from "./outcome.ts";
import { ownerAccess, threadAccess } from "./policy.server.ts";
import { notifyAboutPost, type NotifyServices } from "./post-notifications.server.ts";
import { mentionedUserIds, parseRichText, type RichDoc } from "./rich-text/document.ts";
import { renderRichText } from "./rich-text/render.server.ts";
import { DISCUSSION_TEXT as T, type ReactionKind } from "./strings.ts";
import type { OwnerKind } from "./owners.server.ts";
import type { AppServices } from "../../services.server.ts";

export type DiscussionServices = Pick<AppServices, "db"> & NotifyServices;
export type Actor = Viewer & { id: string };

/** Posts (threads included) one person may send: a burst of 10 a minute, then a minute's pause. */
export const POST_RATE: ThrottleRule = { limit: 10, windowSeconds: 60, blockSeconds: 60 };

/** Where links in mail point when the caller did not say (sockets, jobs). */
const defaultOrigin = (s: DiscussionServices) => s.config.allowedOrigins[0] ?? "";

export const threadStream = (threadId: string) => `thread:${threadId}`;

function checkBody(body: unknown): { ok: true; doc: RichDoc; html: string } | { ok: false; error: string } {
  if (body === null || body === undefined) return { ok: false, error: T.bodyRequired };
  const parsed = parseRichText(body);
  if (!parsed.ok) return parsed;
  return { ok: true, doc: parsed.doc, html: renderRichText(parsed.doc) };
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

async function storedByClientId(s: DiscussionServices, authorId: string, clientId: string) {
  const [row] = await s.db.select({ id: posts.id, threadId: posts.threadId }).from(posts).where(and(eq(posts.authorId, authorId), eq(posts.clientId, clientId)));
  return row ?? null;
}

async function throttlePosting(s: DiscussionServices, actor: Actor) {
  const state = await hitThrottle(s.db, `discussions.post:${actor.id}`, POST_RATE, s.clock.now());
  return state.allowed ? null : refuse(429, T.rateLimited(state.retryAfterSeconds));
}

/** Runs a write; a concurrent retry with the same client id (unique violation) returns the stored post. */
async function idempotent<T extends { postId: string; threadId: string }>(s: DiscussionServices, actor: Actor, clientId: string, write: () => Promise<T>): Promise<Outcome<T & { duplicate: boolean }>> {
  try {
    return { ok: true, ...(await write()), duplicate: false };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const stored = await storedByClientId(s, actor.id, clientId);
    if (!stored) throw err;
    return { ok: true, postId: stored.id, threadId: stored.threadId, duplicate: true } as T & { ok: true; duplicate: boolean };
  }
}

export interface CreateThreadInput {
  ownerKind: OwnerKind;
  ownerId: string;
  title: string;
  /** Candidate ProseMirror JSON (checked by the allowlist here). */
  body: unknown;
  clientId: string;
  origin?: string;
}

/** Starts a thread with its opening post. The same client id twice returns the thread already started. */
export async function createThread(s: DiscussionServices, actor: Actor, input: CreateThreadInput): Promise<Outcome<{ threadId: string; postId: string; duplicate: boolean }>> {
  const stored = await storedByClientId(s, actor.id, input.clientId);
  if (stored) return { ok: true, threadId: stored.threadId, postId: stored.id, duplicate: true };
  const access = await ownerAccess(s.db, actor, input.ownerKind, input.ownerId);
  if (!access.post) return refuse(access.read ? 403 : 404, access.read ? T.noPostAccess : T.noReadAccess);
  const title = input.title.trim();
  if (title.length < 3) return refuse(400, T.titleRequired);
  if (title.length > 200) return refuse(400, T.titleTooLong);
  const body = checkBody(input.body);
  if (!body.ok) return refuse(400, body.error);
  const limited = await throttlePosting(s, actor);
  if (limited) return limited;
  const now = s.clock.now();
  return idempotent(s, actor, input.clientId, () =>
    s.db.transaction(async (tx) => {
      const [thread] = await tx
        .insert(threads)
        .values({ ownerKind: input.ownerKind, ownerId: input.ownerId, title, authorId: actor.id, postCount: 1, lastPostSeq: 1, createdAt: now, lastActivityAt: now })
        .returning();
      const [post] = await tx.insert(posts).values({ threadId: thread!.id, seq: 1, authorId: actor.id, body: body.doc as unknown as Record<string, unknown>, bodyHtml: body.html, clientId: input.clientId, createdAt: now }).returning({ id: posts.id });
      await appendEvent(tx, { stream: threadStream(thread!.id), type: "thread.created", payload: { threadId: thread!.id, postId: post!.id }, actorId: actor.id, at: now });
      await notifyAboutPost(tx, s, { thread: thread!, post: { id: post!.id, doc: body.doc }, actor, origin: input.origin ?? defaultOrigin(s) }, mentionedUserIds(body.doc));
      return { threadId: thread!.id, postId: post!.id };
    }),
  );
}

export interface CreatePostInput {
  threadId: string;
  body: unknown;
  quoteOf?: string | null;
  clientId: string;
  origin?: string;
}

/**
 * Replies in a thread (optionally quoting a post): the one command of the reply form and the
 * `post:create` socket event. A retry with the same client id returns the stored post.
 */
export async function createPost(s: DiscussionServices, actor: Actor, input: CreatePostInput): Promise<Outcome<{ postId: string; threadId: string; duplicate: boolean }>> {
  const stored = await storedByClientId(s, actor.id, input.clientId);
  if (stored) return { ok: true, postId: stored.id, threadId: stored.threadId, duplicate: true };
  const access = await threadAccess(s.db, actor, input.threadId);
  if (!access?.read) return refuse(404, T.threadNotFound);
  if (!access.post) return refuse(403, T.noPostAccess);
  const [thread] = await s.db.select().from(threads).where(eq(threads.id, input.threadId));
  if (!thread) return refuse(404, T.threadNotFound);
  if (thread.locked && !access.moderate) return refuse(403, T.locked);
  let quotedAuthorId: string | null = null;
  if (input.quoteOf) {
    const [quoted] = await s.db.select().from(posts).where(and(eq(posts.id, input.quoteOf), eq(posts.threadId, thread.id)));
    if (!quoted || quoted.deletedAt || quoted.hiddenAt) return refuse(400, T.badQuote);
    quotedAuthorId = quoted.authorId;
  }
  const body = checkBody(input.body);
  if (!body.ok) return refuse(400, body.error);
  const limited = await throttlePosting(s, actor);
  if (limited) return limited;
  const now = s.clock.now();
  return idempotent(s, actor, input.clientId, () =>
    s.db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(threads)
        .set({ lastPostSeq: sql`${threads.lastPostSeq} + 1`, postCount: sql`${threads.postCount} + 1`, lastActivityAt: now })
        .where(eq(threads.id, thread.id))
        .returning({ seq: threads.lastPostSeq });
      const [post] = await tx
        .insert(posts)
        .values({ threadId: thread.id, seq: bumped!.seq, authorId: actor.id, body: body.doc as unknown as Record<string, unknown>, bodyHtml: body.html, quoteOf: input.quoteOf || null, clientId: input.clientId, createdAt: now })
        .returning({ id: posts.id });
      await appendEvent(tx, { stream: threadStream(thread.id), type: "post.created", payload: { postId: post!.id, seq: bumped!.seq }, actorId: actor.id, at: now });
      await notifyAboutPost(tx, s, { thread, post: { id: post!.id, doc: body.doc }, actor, quotedAuthorId, origin: input.origin ?? defaultOrigin(s) }, mentionedUserIds(body.doc));
      return { postId: post!.id, threadId: thread.id };
    }),
  );
}

/** A post with its thread, for the checks of the commands below. */
export async function loadPostForWrite(ex: Pick<AppServices, "db">["db"] | Tx, postId: string) {
  const [row] = await ex.select({ post: posts, thread: threads }).from(posts).innerJoin(threads, eq(threads.id, posts.threadId)).where(eq(posts.id, postId));
  return row ?? null;
}

/** The author edits a post; the previous version goes to its history. New mentions are notified. */
export async function editPost(s: DiscussionServices, actor: Actor, input: { postId: string; body: unknown; origin?: string }): Promise<Outcome<{ threadId: string }>> {
  const row = await loadPostForWrite(s.db, input.postId);
  const access = row && (await threadAccess(s.db, actor, row.thread.id));
  if (!row || !access?.read) return refuse(404, T.postNotFound);
  const { post, thread } = row;
  if (post.authorId !== actor.id || post.deletedAt) return refuse(403, T.notAuthor);
  if (post.hiddenAt) return refuse(409, T.alreadyHidden);
  if (thread.locked && !access.moderate) return refuse(403, T.locked);
  const body = checkBody(input.body);
  if (!body.ok) return refuse(400, body.error);
  const now = s.clock.now();
  const before = parseRichText(post.body);
  await s.db.transaction(async (tx) => {
    await tx.insert(postRevisions).values({ postId: post.id, body: post.body, bodyHtml: post.bodyHtml, replacedAt: now, editorId: actor.id });
    await tx.update(posts).set({ body: body.doc as unknown as Record<string, unknown>, bodyHtml: body.html, editedAt: now }).where(eq(posts.id, post.id));
    await appendEvent(tx, { stream: threadStream(thread.id), type: "post.edited", payload: { postId: post.id }, actorId: actor.id, at: now });
    const alreadyMentioned = before.ok ? mentionedUserIds(before.doc) : [];
    await notifyAboutPost(tx, s, { thread, post: { id: post.id, doc: body.doc }, actor, alreadyMentioned, origin: input.origin ?? defaultOrigin(s) }, mentionedUserIds(body.doc));
  });
  return { ok: true, threadId: thread.id };
}

/** The author deletes a post (soft: the place shows «Сообщение удалено»; the text stays for moderation history). */
export async function deletePost(s: DiscussionServices, actor: Actor, input: { postId: string }): Promise<Outcome<{ threadId: string }>> {
  const row = await loadPostForWrite(s.db, input.postId);
  const access = row && (await threadAccess(s.db, actor, row.thread.id));
  if (!row || !access?.read) return refuse(404, T.postNotFound);
  const { post, thread } = row;
  if (post.deletedAt) return refuse(409, T.alreadyDeleted);
  if (post.authorId !== actor.id) return refuse(403, T.notAuthor);
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.update(posts).set({ deletedAt: now }).where(eq(posts.id, post.id));
    await tx
      .update(threads)
      .set({ postCount: sql`greatest(${threads.postCount} - 1, 0)`, solutionPostId: thread.solutionPostId === post.id ? null : thread.solutionPostId })
      .where(eq(threads.id, thread.id));
    await appendEvent(tx, { stream: threadStream(thread.id), type: "post.deleted", payload: { postId: post.id }, actorId: actor.id, at: now });
  });
  return { ok: true, threadId: thread.id };
}

/** Puts a reaction on or takes it off (a toggle); everyone on the thread sees the new counts. */
export async function toggleReaction(s: DiscussionServices, actor: Actor, input: { postId: string; kind: ReactionKind }): Promise<Outcome<{ threadId: string; on: boolean }>> {
  const row = await loadPostForWrite(s.db, input.postId);
  const access = row && (await threadAccess(s.db, actor, row.thread.id));
  if (!row || !access?.read) return refuse(404, T.postNotFound);
  if (!access.post) return refuse(403, T.noPostAccess);
  if (row.post.deletedAt || row.post.hiddenAt) return refuse(409, T.postNotFound);
  const now = s.clock.now();
  const on = await s.db.transaction(async (tx) => {
    const removed = await tx
      .delete(postReactions)
      .where(and(eq(postReactions.postId, input.postId), eq(postReactions.userId, actor.id), eq(postReactions.kind, input.kind)))
      .returning({ kind: postReactions.kind });
    if (!removed.length) await tx.insert(postReactions).values({ postId: input.postId, userId: actor.id, kind: input.kind, at: now }).onConflictDoNothing();
    await appendEvent(tx, { stream: threadStream(row.thread.id), type: "reaction.changed", payload: { postId: input.postId }, actorId: actor.id, at: now });
    return !removed.length;
  });
  return { ok: true, threadId: row.thread.id, on };
}
