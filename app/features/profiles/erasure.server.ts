import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { calendarFeeds, communityFollows, communityMembers, notifications, postRevisions, posts, practiceBookmarks, threadReads } from "../../../db/schema/index.ts";
import type { RichDoc, RichNode } from "../discussions/rich-text/document.ts";
import { renderRichText } from "../discussions/rich-text/render.server.ts";
import { threadStream } from "../discussions/commands.server.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { DELETED_PERSON_NAME } from "./fields.ts";

/** A copy of a document where mentions of the person carry «Удалённый пользователь». */
function relabelMentions(node: RichNode, userId: string): RichNode {
  if (node.type === "mention" && node.attrs?.id === userId) return { ...node, attrs: { ...node.attrs, label: DELETED_PERSON_NAME } };
  return node.content ? { ...node, content: node.content.map((c) => relabelMentions(c, userId)) } : node;
}

/**
 * Erases what other capabilities keep *about* a person (not what they wrote): memberships,
 * follows, read marks, bookmarks and calendar feeds, their notifications; and replaces their name in @mentions of other
 * people's posts, so the name is gone from every page (and, through a `post.edited` event on each
 * such thread, from the search index and open pages). Runs inside the deletion transaction
 * (event registrations go through the events capability, which re-offers freed seats).
 */
export async function eraseFromCapabilities(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(communityMembers).where(eq(communityMembers.userId, userId));
  await tx.delete(communityFollows).where(eq(communityFollows.userId, userId));
  await tx.delete(threadReads).where(eq(threadReads.userId, userId));
  await tx.delete(practiceBookmarks).where(eq(practiceBookmarks.userId, userId));
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  const mentions = sql`jsonb_path_exists(body, '$.** ? (@.type == "mention" && @.attrs.id == $id)', jsonb_build_object('id', ${userId}::text))`;
  const rows = await tx.select({ id: posts.id, threadId: posts.threadId, body: posts.body }).from(posts).where(mentions);
  for (const row of rows) {
    const body = relabelMentions(row.body as unknown as RichDoc, userId) as RichDoc;
    await tx
      .update(posts)
      .set({ body: body as unknown as Record<string, unknown>, bodyHtml: renderRichText(body) })
      .where(eq(posts.id, row.id));
    // The post's text changed: its thread's stream says so, so open pages reload and the search index drops the name.
    await appendEvent(tx, { stream: threadStream(row.threadId), type: "post.edited", payload: { postId: row.id }, actorId: null, at: now });
  }
  const revisions = await tx.select({ id: postRevisions.id, body: postRevisions.body }).from(postRevisions).where(mentions);
  for (const row of revisions) {
    const body = relabelMentions(row.body as unknown as RichDoc, userId) as RichDoc;
    await tx
      .update(postRevisions)
      .set({ body: body as unknown as Record<string, unknown>, bodyHtml: renderRichText(body) })
      .where(eq(postRevisions.id, row.id));
  }
}
