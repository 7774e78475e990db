/**
 * Thread housekeeping and moderation: the solution mark, pin and lock, reports, hiding and
 * restoring posts with a reason. Each change, its event and its notifications commit together.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { postReports, posts, threads } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { notify } from "../notifications/commands.server.ts";
import { loadPostForWrite, threadStream, type Actor, type DiscussionServices } from "./commands.server.ts";
import { refuse, type Outcome } from "./outcome.ts";
import { canMarkSolution, ownerAccess, threadAccess } from "./policy.server.ts";
import { postHref } from "./post-notifications.server.ts";
import { DISCUSSION_TEXT as T } from "./strings.ts";

async function updateThread(s: DiscussionServices, actor: Actor, threadId: string, set: Partial<typeof threads.$inferInsert>) {
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.update(threads).set(set).where(eq(threads.id, threadId));
    await appendEvent(tx, { stream: threadStream(threadId), type: "thread.updated", payload: { threadId, ...set }, actorId: actor.id, at: now });
  });
}

/** The thread's author or a moderator marks a reply as the solution (null takes the mark off). */
export async function markSolution(s: DiscussionServices, actor: Actor, input: { threadId: string; postId: string | null }): Promise<Outcome> {
  const access = await threadAccess(s.db, actor, input.threadId);
  const [thread] = access?.read ? await s.db.select().from(threads).where(eq(threads.id, input.threadId)) : [];
  if (!access || !thread) return refuse(404, T.threadNotFound);
  if (!canMarkSolution(actor, thread, access)) return refuse(403, T.solutionNotAllowed);
  if (input.postId) {
    const [post] = await s.db.select().from(posts).where(and(eq(posts.id, input.postId), eq(posts.threadId, thread.id)));
    if (!post || post.deletedAt || post.hiddenAt) return refuse(404, T.postNotFound);
    if (post.seq === 1) return refuse(400, T.solutionOpening);
  }
  await updateThread(s, actor, thread.id, { solutionPostId: input.postId });
  return { ok: true };
}

/** Moderators pin a thread to the top of its place, or lock it against new replies. */
export async function setThreadFlag(s: DiscussionServices, actor: Actor, input: { threadId: string; flag: "pinned" | "locked"; value: boolean }): Promise<Outcome> {
  const access = await threadAccess(s.db, actor, input.threadId);
  if (!access?.read) return refuse(404, T.threadNotFound);
  if (!access.moderate) return refuse(403, T.notModerator);
  await updateThread(s, actor, input.threadId, input.flag === "pinned" ? { pinned: input.value } : { locked: input.value });
  return { ok: true };
}

/** A reader reports a post to the place's moderators (once while the report is open). */
export async function reportPost(s: DiscussionServices, actor: Actor, input: { postId: string; reason: string }): Promise<Outcome> {
  const row = await loadPostForWrite(s.db, input.postId);
  const access = row && (await threadAccess(s.db, actor, row.thread.id));
  if (!row || !access?.read || row.post.deletedAt) return refuse(404, T.postNotFound);
  if (row.post.authorId === actor.id) return refuse(400, T.cannotReportOwn);
  const inserted = await s.db
    .insert(postReports)
    .values({ postId: row.post.id, ownerKind: row.thread.ownerKind, ownerId: row.thread.ownerId, reporterId: actor.id, reason: input.reason.trim(), createdAt: s.clock.now() })
    .onConflictDoNothing()
    .returning({ id: postReports.id });
  return inserted.length ? { ok: true } : refuse(409, T.alreadyReported);
}

type Outcome3 = "hidden" | "restored" | "dismissed";

/** Closes the post's open reports with the decision and tells each reporter and (for hide/restore) the author. */
async function closeReports(tx: Tx, s: DiscussionServices, actor: Actor, row: { post: typeof posts.$inferSelect; thread: typeof threads.$inferSelect }, outcome: Outcome3, reason: string, onlyReportId?: string) {
  const now = s.clock.now();
  const closed = await tx
    .update(postReports)
    .set({ status: outcome, decidedBy: actor.id, decidedAt: now, decisionReason: reason })
    .where(and(eq(postReports.postId, row.post.id), eq(postReports.status, "open"), onlyReportId ? eq(postReports.id, onlyReportId) : undefined))
    .returning({ reporterId: postReports.reporterId });
  const payload = { threadId: row.thread.id, threadTitle: row.thread.title, postId: row.post.id, outcome, reason };
  const href = postHref(row.thread.id, row.post.id);
  const told = new Set<string>([actor.id]);
  if (!onlyReportId && outcome !== "dismissed" && !told.has(row.post.authorId)) {
    told.add(row.post.authorId);
    await notify(tx, s, { userId: row.post.authorId, kind: "moderation", payload: { ...payload, role: "author" }, href });
  }
  for (const { reporterId } of closed) {
    if (told.has(reporterId)) continue;
    told.add(reporterId);
    await notify(tx, s, { userId: reporterId, kind: "moderation", payload: { ...payload, role: "reporter" }, href });
  }
}

/** A moderator hides a post (readers see «Сообщение скрыто модератором») or restores it, with a reason. */
export async function moderatePost(s: DiscussionServices, actor: Actor, input: { postId: string; action: "hide" | "restore"; reason: string }): Promise<Outcome<{ threadId: string }>> {
  const row = await loadPostForWrite(s.db, input.postId);
  const access = row && (await threadAccess(s.db, actor, row.thread.id));
  if (!row || !access?.read) return refuse(404, T.postNotFound);
  if (!access.moderate) return refuse(403, T.notModerator);
  if (input.action === "hide" && row.post.hiddenAt) return refuse(409, T.alreadyHidden);
  if (input.action === "restore" && !row.post.hiddenAt) return refuse(409, T.notHidden);
  const now = s.clock.now();
  const reason = input.reason.trim();
  await s.db.transaction(async (tx) => {
    await tx
      .update(posts)
      .set(input.action === "hide" ? { hiddenAt: now, hiddenBy: actor.id, hiddenReason: reason } : { hiddenAt: null, hiddenBy: null, hiddenReason: null })
      .where(eq(posts.id, row.post.id));
    await appendEvent(tx, { stream: threadStream(row.thread.id), type: input.action === "hide" ? "post.hidden" : "post.restored", payload: { postId: row.post.id }, actorId: actor.id, at: now });
    await closeReports(tx, s, actor, row, input.action === "hide" ? "hidden" : "restored", reason);
  });
  return { ok: true, threadId: row.thread.id };
}

/** A decision from the moderation queue: hide or restore the reported post, or dismiss the report. */
export async function decideReport(s: DiscussionServices, actor: Actor, input: { reportId: string; decision: "hide" | "restore" | "dismiss"; reason: string }): Promise<Outcome> {
  const [report] = await s.db.select().from(postReports).where(eq(postReports.id, input.reportId));
  if (!report) return refuse(404, T.reportNotFound);
  const access = await ownerAccess(s.db, actor, report.ownerKind, report.ownerId);
  if (!access.moderate) return refuse(access.read ? 403 : 404, access.read ? T.notModerator : T.reportNotFound);
  if (report.status !== "open") return refuse(409, T.reportDecided);
  const row = await loadPostForWrite(s.db, report.postId);
  if (!row) return refuse(404, T.reportNotFound);
  const hidden = row.post.hiddenAt !== null;
  if (input.decision === "hide" && !hidden) return moderatePost(s, actor, { postId: row.post.id, action: "hide", reason: input.reason });
  if (input.decision === "restore" && hidden) return moderatePost(s, actor, { postId: row.post.id, action: "restore", reason: input.reason });
  // Already in the asked state (or dismissed): close this report only.
  const outcome = input.decision === "hide" ? "hidden" : "dismissed";
  await s.db.transaction((tx) => closeReports(tx, s, actor, row, outcome, input.reason.trim(), report.id));
  return { ok: true };
}
