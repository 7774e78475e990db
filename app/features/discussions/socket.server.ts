/** The socket side of posting: `post:create` runs the same command as the reply form. */
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { createPost } from "./commands.server.ts";
import { PostCreateMessage } from "./schemas.ts";
import { DISCUSSION_TEXT as T } from "./strings.ts";

export const POST_CREATE_EVENT = "post:create";

/**
 * Handles `post:create` ({clientId, threadId, quoteOf?, body}) for the socket's viewer: acked with
 * the stored post's id (the same id again for a retry) or a Russian refusal.
 */
export async function handlePostCreate(message: PostCreateMessage, viewer: Viewer, services: AppServices, meta: { origin?: string } = {}): Promise<{ ok: true; postId: string; duplicate: boolean } | { ok: false; error: string }> {
  if (!viewer.id) return { ok: false, error: T.signInToPost };
  const result = await createPost(services, viewer as Viewer & { id: string }, { ...message, quoteOf: message.quoteOf ?? null, origin: services.config.allowedOrigins[0] ?? meta.origin });
  return result.ok ? { ok: true, postId: result.postId, duplicate: result.duplicate } : { ok: false, error: result.error };
}

export const POST_CREATE_COMMAND = { schema: PostCreateMessage, run: handlePostCreate };
