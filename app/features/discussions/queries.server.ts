/** Reads of the discussion engine: thread lists for owners' pages, the thread page, the moderation queue. */
import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { postReactions, postReports, posts, streams, threads } from "../../../db/schema/index.ts";
import { streamHead } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPeople, type PersonView } from "../profiles/people.server.ts";
import { threadStream } from "./commands.server.ts";
import { unreadByThread } from "./reads.server.ts";
import { discussionOwner } from "./owners.server.ts";
import { ownerAccess, type ThreadAccess } from "./policy.server.ts";
import { excerpt, parseRichText } from "./rich-text/document.ts";
import { REACTION_KINDS, type ReactionKind } from "./strings.ts";

export const THREADS_PAGE_SIZE = 20;
/** Posts shown on one page of a thread; longer threads page (`?page=`, or the page of `?post=`). */
export const POSTS_PAGE_SIZE = 50;

/** Which page of a thread to show: a number, the page holding a post (by id or seq), or the last. */
export type ThreadPageTarget = { page: number } | { postId: string } | { seq: number } | "last";

export interface ThreadListItem {
  id: string;
  title: string;
  pinned: boolean;
  locked: boolean;
  solved: boolean;
  /** Replies that are not deleted (the opening post is not a reply). */
  replyCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  author: PersonView;
  /** Others' replies the viewer has not read (0 for guests). */
  unread: number;
  /** The thread stream's head, for following the list live. */
  head: number;
}

/**
 * A page of an owner's threads as the viewer may see them: pinned first, then by last activity.
 * An owner the viewer may not read yields no threads (and access says so).
 */
export async function listThreads(ex: Executor, viewer: Viewer, input: { ownerKind: string; ownerId: string; page?: number }): Promise<{ access: ThreadAccess; total: number; page: number; pageSize: number; threads: ThreadListItem[] }> {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const access = await ownerAccess(ex, viewer, input.ownerKind, input.ownerId);
  if (!access.read) return { access, total: 0, page, pageSize: THREADS_PAGE_SIZE, threads: [] };
  const where = and(eq(threads.ownerKind, input.ownerKind), eq(threads.ownerId, input.ownerId));
  const [total] = await ex.select({ n: count() }).from(threads).where(where);
  const rows = await ex
    .select()
    .from(threads)
    .where(where)
    .orderBy(desc(threads.pinned), desc(threads.lastActivityAt), desc(threads.id))
    .limit(THREADS_PAGE_SIZE)
    .offset((page - 1) * THREADS_PAGE_SIZE);
  const people = await loadPeople(ex, viewer, rows.map((r) => r.authorId));
  const openings = rows.length ? await ex.select({ threadId: posts.threadId, deletedAt: posts.deletedAt }).from(posts).where(and(inArray(posts.threadId, rows.map((r) => r.id)), eq(posts.seq, 1))) : [];
  const openingGone = new Set(openings.filter((o) => o.deletedAt).map((o) => o.threadId));
  const unread = viewer.id ? await unreadByThread(ex, viewer.id, rows.map((r) => r.id)) : new Map<string, number>();
  const heads = rows.length ? new Map((await ex.select({ key: streams.key, seq: streams.seq }).from(streams).where(inArray(streams.key, rows.map((r) => threadStream(r.id))))).map((h) => [h.key, Number(h.seq)])) : new Map<string, number>();
  return {
    access,
    total: total?.n ?? 0,
    page,
    pageSize: THREADS_PAGE_SIZE,
    threads: rows.map((t) => ({
      id: t.id,
      title: t.title,
      pinned: t.pinned,
      locked: t.locked,
      solved: t.solutionPostId !== null,
      replyCount: Math.max(0, t.postCount - (openingGone.has(t.id) ? 0 : 1)),
      lastActivityAt: t.lastActivityAt,
      createdAt: t.createdAt,
      author: people.get(t.authorId)!,
      unread: unread.get(t.id) ?? 0,
      head: heads.get(threadStream(t.id)) ?? 0,
    })),
  };
}

/**
 * The most recently active threads of some owners with their stream heads, for a page that keeps
 * per-owner unread counts live (the communities catalogue). The caller checks that the viewer may
 * read every owner it passes; at most `limit` threads.
 */
export async function recentThreadHeads(ex: Executor, ownerKind: string, ownerIds: readonly string[], limit: number): Promise<Array<{ id: string; head: number }>> {
  if (ownerIds.length === 0 || limit <= 0) return [];
  const rows = await ex
    .select({ id: threads.id, head: streams.seq })
    .from(threads)
    .leftJoin(streams, eq(streams.key, sql`'thread:' || ${threads.id}::text`))
    .where(and(eq(threads.ownerKind, ownerKind), inArray(threads.ownerId, [...ownerIds])))
    .orderBy(desc(threads.lastActivityAt), desc(threads.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, head: Number(r.head ?? 0) }));
}

export type PostState = "visible" | "hidden" | "deleted";

export interface PostView {
  id: string;
  seq: number;
  author: PersonView;
  state: PostState;
  /** Sanitized HTML; null when the viewer may not see the text (deleted, or hidden to a non-moderator). */
  html: string | null;
  /** Moderators see why a post was hidden. */
  hiddenReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  isSolution: boolean;
  /** `onPage`: the quoted post is on the same page (a plain anchor reaches it). */
  quote: { postId: string; onPage: boolean; authorName: string; excerpt: string | null } | null;
  reactions: { kind: ReactionKind; count: number; mine: boolean }[];
  mine: boolean;
  /** The text as plain JSON for the edit form (own visible posts only). */
  editableBody: unknown;
}

/** Number of the page (1-based) that holds the target, given the thread's post count. */
async function resolvePage(ex: Executor, threadId: string, total: number, target: ThreadPageTarget): Promise<number> {
  const pages = Math.max(1, Math.ceil(total / POSTS_PAGE_SIZE));
  if (target === "last") return pages;
  if ("page" in target) return Math.min(pages, Math.max(1, Math.floor(target.page)));
  let seq = "seq" in target ? target.seq : null;
  if ("postId" in target) {
    const [row] = await ex.select({ seq: posts.seq }).from(posts).where(and(eq(posts.threadId, threadId), eq(posts.id, target.postId)));
    seq = row?.seq ?? null;
  }
  if (seq === null) return 1;
  const [before] = await ex.select({ n: count() }).from(posts).where(and(eq(posts.threadId, threadId), lte(posts.seq, seq)));
  return Math.min(pages, Math.max(1, Math.ceil((before?.n ?? 1) / POSTS_PAGE_SIZE)));
}

/**
 * One page of a thread: the thread, its place, that page's posts as the viewer may see them, the
 * paging, and the stream head the live updates start from. Null when the viewer may not read it.
 * `quoteId` also resolves a post to quote that may sit on another page.
 */
export async function getThreadPage(ex: Executor, viewer: Viewer, threadId: string, options: { target?: ThreadPageTarget; quoteId?: string | null } = {}) {
  const [thread] = await ex.select().from(threads).where(eq(threads.id, threadId));
  if (!thread) return null;
  const access = await ownerAccess(ex, viewer, thread.ownerKind, thread.ownerId);
  if (!access.read) return null;
  const owner = discussionOwner(thread.ownerKind);
  const place = owner ? await owner.describe(ex, thread.ownerId) : null;
  const head = await streamHead(ex, threadStream(thread.id));
  const [counted] = await ex
    .select({ n: count(), replies: sql<number>`(count(*) filter (where ${posts.seq} > 1 and ${posts.deletedAt} is null))::int` })
    .from(posts)
    .where(eq(posts.threadId, thread.id));
  const total = counted?.n ?? 0;
  const pageNumber = await resolvePage(ex, thread.id, total, options.target ?? { page: 1 });
  const rows = await ex
    .select()
    .from(posts)
    .where(eq(posts.threadId, thread.id))
    .orderBy(asc(posts.seq))
    .limit(POSTS_PAGE_SIZE)
    .offset((pageNumber - 1) * POSTS_PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  // Quoted posts (and the one being quoted now) may live on other pages.
  const elsewhere = [...new Set([...rows.map((r) => r.quoteOf), options.quoteId].filter((x): x is string => Boolean(x) && !ids.includes(x!)))];
  const others = elsewhere.length ? await ex.select().from(posts).where(and(eq(posts.threadId, thread.id), inArray(posts.id, elsewhere))) : [];
  const reactionRows = ids.length ? await ex.select({ postId: postReactions.postId, kind: postReactions.kind, userId: postReactions.userId }).from(postReactions).where(inArray(postReactions.postId, ids)) : [];
  const people = await loadPeople(ex, viewer, [thread.authorId, ...rows.map((r) => r.authorId), ...others.map((r) => r.authorId)]);
  const byId = new Map([...others, ...rows].map((r) => [r.id, r]));
  const stateOf = (r: (typeof rows)[number]): PostState => (r.deletedAt ? "deleted" : r.hiddenAt ? "hidden" : "visible");
  const shows = (r: (typeof rows)[number]) => stateOf(r) === "visible" || (stateOf(r) === "hidden" && access.moderate);
  const postViews: PostView[] = rows.map((r) => {
    const quoted = r.quoteOf ? byId.get(r.quoteOf) : undefined;
    const quotedDoc = quoted && shows(quoted) ? parseRichText(quoted.body) : null;
    const reactions = REACTION_KINDS.map((kind) => {
      const of = reactionRows.filter((x) => x.postId === r.id && x.kind === kind);
      return { kind, count: of.length, mine: of.some((x) => x.userId === viewer.id) };
    }).filter((x) => x.count > 0);
    const mine = viewer.id === r.authorId;
    return {
      id: r.id,
      seq: r.seq,
      author: people.get(r.authorId)!,
      state: stateOf(r),
      html: shows(r) ? r.bodyHtml : null,
      hiddenReason: access.moderate ? r.hiddenReason : null,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      isSolution: thread.solutionPostId === r.id,
      quote: quoted ? { postId: quoted.id, onPage: ids.includes(quoted.id), authorName: people.get(quoted.authorId)?.name ?? "", excerpt: quotedDoc?.ok ? excerpt(quotedDoc.doc, 200) : null } : null,
      reactions,
      mine,
      editableBody: mine && stateOf(r) === "visible" ? r.body : null,
    };
  });
  const quoting = options.quoteId ? byId.get(options.quoteId) : undefined;
  return {
    thread: { id: thread.id, title: thread.title, pinned: thread.pinned, locked: thread.locked, authorId: thread.authorId, solutionPostId: thread.solutionPostId, createdAt: thread.createdAt, ownerKind: thread.ownerKind, ownerId: thread.ownerId },
    author: people.get(thread.authorId)!,
    place,
    access,
    head,
    paging: { page: pageNumber, pages: Math.max(1, Math.ceil(total / POSTS_PAGE_SIZE)), total, replies: Number(counted?.replies ?? 0) },
    /** The post being quoted in the reply form, when the viewer may see it. */
    quoting: quoting && stateOf(quoting) === "visible" ? { id: quoting.id, authorName: people.get(quoting.authorId)?.name ?? "" } : null,
    posts: postViews,
  };
}

export type ThreadPage = NonNullable<Awaited<ReturnType<typeof getThreadPage>>>;

/** Open reports of the places the viewer moderates, oldest first, with the reported text. */
export async function listModerationQueue(ex: Executor, viewer: Viewer) {
  if (!viewer.id) return [];
  const places = await ex.selectDistinct({ ownerKind: postReports.ownerKind, ownerId: postReports.ownerId }).from(postReports).where(eq(postReports.status, "open"));
  const moderated: typeof places = [];
  for (const p of places) if ((await ownerAccess(ex, viewer, p.ownerKind, p.ownerId)).moderate) moderated.push(p);
  if (!moderated.length) return [];
  const rows = await ex
    .select({ report: postReports, post: posts, thread: { id: threads.id, title: threads.title, ownerKind: threads.ownerKind, ownerId: threads.ownerId } })
    .from(postReports)
    .innerJoin(posts, eq(posts.id, postReports.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(eq(postReports.status, "open"), isNull(postReports.decidedAt)))
    .orderBy(asc(postReports.createdAt), asc(postReports.id))
    .limit(500);
  const mine = rows.filter((r) => moderated.some((p) => p.ownerKind === r.report.ownerKind && p.ownerId === r.report.ownerId));
  const people = await loadPeople(ex, viewer, mine.flatMap((r) => [r.report.reporterId, r.post.authorId]));
  const places2 = new Map<string, { title: string; href: string } | null>();
  for (const p of moderated) places2.set(`${p.ownerKind}:${p.ownerId}`, (await discussionOwner(p.ownerKind)?.describe(ex, p.ownerId)) ?? null);
  return mine.map((r) => ({
    id: r.report.id,
    reason: r.report.reason,
    createdAt: r.report.createdAt,
    reporter: people.get(r.report.reporterId)!,
    author: people.get(r.post.authorId)!,
    post: { id: r.post.id, html: r.post.bodyHtml, hidden: r.post.hiddenAt !== null, deleted: r.post.deletedAt !== null },
    thread: r.thread,
    place: places2.get(`${r.report.ownerKind}:${r.report.ownerId}`) ?? null,
  }));
}
