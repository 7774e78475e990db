/** The thread page's data: the thread as the viewer may see it, with times in the viewer's zone. */
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { Executor } from "../../../db/client.ts";
import { formatDateTime } from "../../utils/datetime.ts";
import { canMarkSolution } from "./policy.server.ts";
import { z } from "zod";
import { getThreadPage, type ThreadPageTarget } from "./queries.server.ts";
import { newClientId } from "./client-id.ts";
import type { RichDoc } from "./rich-text/document.ts";
import { markThreadRead, readPosition } from "./reads.server.ts";

/**
 * Everything the thread page renders; null when the viewer may not read the thread. With `readAt`
 * (the thread page, not embedded comments) a signed-in reader's position moves to the last post,
 * and `unreadFrom` names the first post by others they had not seen (null on a first visit).
 */
export async function loadThreadView(ex: Executor, viewer: Viewer, threadId: string, zone: ViewerZone, search: URLSearchParams, readAt?: Date) {
  const before = viewer.id && readAt ? await readPosition(ex, viewer.id, threadId) : 0;
  const quoteId = uuidParam(search, "quote");
  const editId = uuidParam(search, "edit");
  const page = await getThreadPage(ex, viewer, threadId, { target: pageTarget(search, before, editId), quoteId });
  if (!page) return null;
  let unreadFrom: number | null = null;
  const lastSeq = page.posts.at(-1)?.seq ?? 0;
  if (viewer.id && readAt && lastSeq > 0) {
    if (before > 0) unreadFrom = page.posts.find((p) => p.seq > before && !p.mine && p.state !== "deleted")?.seq ?? null;
    if (lastSeq > before) await markThreadRead(ex, viewer.id, threadId, lastSeq, readAt);
  }
  const canSolve = canMarkSolution(viewer, page.thread, page.access);
  return {
    thread: { ...page.thread, createdAt: formatDateTime(page.thread.createdAt, zone) },
    author: page.author,
    place: page.place,
    access: page.access,
    signedIn: Boolean(viewer.id),
    canSolve,
    head: page.head,
    paging: page.paging,
    unreadFrom,
    clientId: newClientId(),
    quote: page.quoting,
    editing: editId && page.posts.some((p) => p.id === editId && p.editableBody) ? editId : null,
    posts: page.posts.map((p) => ({
      ...p,
      createdAt: formatDateTime(p.createdAt, zone),
      createdIso: p.createdAt.toISOString(),
      editedAt: p.editedAt ? formatDateTime(p.editedAt, zone) : null,
      editableBody: p.editableBody as RichDoc | null,
    })),
  };
}

const uuidParam = (search: URLSearchParams, name: string): string | null => {
  const parsed = z.uuid().safeParse(search.get(name));
  return parsed.success ? parsed.data : null;
};

/**
 * The page to open: `?page=N`, else the page of `?post=` or of the post being edited, else (for a
 * reader who has been here) the page of the first post after their read position, else the first.
 */
function pageTarget(search: URLSearchParams, readUpTo: number, editId: string | null): ThreadPageTarget {
  const page = z.coerce.number().int().min(1).max(1_000_000).safeParse(search.get("page") ?? undefined);
  if (page.success) return { page: page.data };
  const postId = uuidParam(search, "post") ?? editId;
  if (postId) return { postId };
  return readUpTo > 0 ? { seq: readUpTo + 1 } : { page: 1 };
}

export type ThreadView = NonNullable<Awaited<ReturnType<typeof loadThreadView>>>;
export type ThreadPostView = ThreadView["posts"][number];
