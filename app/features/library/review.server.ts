/**
 * The expert review (экспертиза): an expert of the practice's region who does not work in its
 * organisation takes a submitted version, scores it against the rubric and returns it with
 * comments or accepts it. Acceptance publishes the version; the authors hear of every decision.
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { practiceReviews, practices, practiceVersions, type RubricScores } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { notify } from "../notifications/commands.server.ts";
import { russianSortKey } from "../../utils/text.ts";
import { canDecideReview, canTakeReview, reviewRefusal } from "./policy.server.ts";
import { expertContextOf, loadPractice, type LoadedPractice } from "./queries.server.ts";
import type { ReviewDecision } from "./schemas.ts";
import { LIBRARY_STREAM, practiceStream, type LibraryServices, type Person } from "./services.server.ts";
import { refuse, type LibraryOutcome } from "./outcome.ts";
import { LIBRARY_ERRORS as E, RUBRIC_CODES } from "./strings.ts";

/** Takes a submitted practice for review: the version moves to «на экспертизе», held by this expert. */
export async function takeReview(s: LibraryServices, viewer: Person, practiceId: string): Promise<LibraryOutcome<{ reviewId: string }>> {
  const loaded = await loadPractice(s.db, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  const expert = await expertContextOf(s.db, viewer.id);
  const why = reviewRefusal(viewer, loaded.access, expert);
  if (why) return refuse(403, why);
  if (!canTakeReview(viewer, loaded.access, expert)) return refuse(409, E.notSubmitted);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    // Two experts pressing at once: only one moves the version.
    const moved = await tx
      .update(practiceVersions)
      .set({ status: "under_review", updatedAt: now })
      .where(and(eq(practiceVersions.id, loaded.current.id), eq(practiceVersions.status, "submitted")))
      .returning({ id: practiceVersions.id });
    if (!moved.length) return refuse(409, E.notSubmitted);
    const [review] = await tx.insert(practiceReviews).values({ practiceId, versionId: loaded.current.id, expertId: viewer.id, status: "in_progress", takenAt: now }).returning({ id: practiceReviews.id });
    await appendEvent(tx, { stream: practiceStream(practiceId), type: "review.taken", payload: { versionId: loaded.current.id, reviewId: review!.id }, actorId: viewer.id, at: now });
    await notifyAuthors(tx, s, loaded, viewer.id, `Практика «${loaded.current.title}» взята на экспертизу`);
    return { ok: true as const, reviewId: review!.id };
  });
}

async function notifyAuthors(tx: Tx, s: LibraryServices, loaded: LoadedPractice, actorId: string, text: string, excerpt?: string) {
  for (const userId of loaded.access.authorIds) {
    await notify(tx, s, { userId, kind: "library_review", payload: { text, ...(excerpt ? { excerpt } : {}) }, href: `/library/${loaded.practice.id}`, actorId });
  }
}

/** The rubric's scores, or the refusal when acceptance lacks a score. */
function scoresOf(d: ReviewDecision): { ok: true; scores: RubricScores } | { ok: false; error: string; field: string } {
  const scores: RubricScores = {};
  for (const code of RUBRIC_CODES) {
    const c = d.criteria[code];
    if (c?.score === undefined) {
      if (d.decision === "accept") return { ok: false, error: E.scoresRequired, field: `score_${code}` };
      continue;
    }
    scores[code] = { score: c.score, comment: c.comment };
  }
  return { ok: true, scores };
}

/**
 * The expert's decision. Return: the version goes back to the authors with the comments.
 * Accept: the version is published (the previous published version is superseded) and the
 * library's listing fields follow it.
 */
export async function decideReview(s: LibraryServices, viewer: Person, practiceId: string, d: ReviewDecision): Promise<LibraryOutcome<{ published: boolean }>> {
  const loaded = await loadPractice(s.db, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  const expert = await expertContextOf(s.db, viewer.id);
  if (!canDecideReview(viewer, loaded.access, expert)) return refuse(403, reviewRefusal(viewer, loaded.access, expert) ?? E.notYourReview);
  const comment = d.comment.trim();
  if (d.decision === "return" && comment.length < 10) return refuse(400, E.commentRequired, "comment");
  const scored = scoresOf(d);
  if (!scored.ok) return refuse(400, scored.error, scored.field);
  const now = s.clock.now();
  const v = loaded.current;
  return s.db.transaction(async (tx) => {
    const accept = d.decision === "accept";
    const decided = await tx
      .update(practiceReviews)
      .set({ status: accept ? "accepted" : "returned", scores: scored.scores, comment: comment || null, decidedAt: now })
      .where(and(eq(practiceReviews.versionId, v.id), eq(practiceReviews.expertId, viewer.id), eq(practiceReviews.status, "in_progress")))
      .returning({ id: practiceReviews.id });
    if (!decided.length) return refuse(409, E.notYourReview);
    if (!accept) {
      await tx.update(practiceVersions).set({ status: "returned", updatedAt: now }).where(eq(practiceVersions.id, v.id));
      await appendEvent(tx, { stream: practiceStream(practiceId), type: "version.returned", payload: { versionId: v.id }, actorId: viewer.id, at: now });
      await notifyAuthors(tx, s, loaded, viewer.id, `Практика «${v.title}» возвращена на доработку`, comment);
      return { ok: true as const, published: false };
    }
    if (loaded.practice.publishedVersionId) await tx.update(practiceVersions).set({ status: "superseded", updatedAt: now }).where(eq(practiceVersions.id, loaded.practice.publishedVersionId));
    await tx.update(practiceVersions).set({ status: "published", publishedAt: now, updatedAt: now }).where(eq(practiceVersions.id, v.id));
    await tx
      .update(practices)
      .set({ publishedVersionId: v.id, title: v.title, titleSort: russianSortKey(v.title), summary: v.summary, kind: v.kind, subjects: v.subjects, gradeBands: v.gradeBands, themes: v.themes, publishedAt: loaded.practice.publishedAt ?? now, updatedAt: now })
      .where(eq(practices.id, practiceId));
    await appendEvent(tx, { stream: practiceStream(practiceId), type: "version.published", payload: { versionId: v.id }, actorId: viewer.id, at: now });
    await appendEvent(tx, { stream: LIBRARY_STREAM, type: "practice.published", payload: { practiceId, versionId: v.id }, actorId: viewer.id, at: now });
    await notifyAuthors(tx, s, loaded, viewer.id, `Практика «${v.title}» принята экспертом и опубликована`, comment || undefined);
    return { ok: true as const, published: true };
  });
}
