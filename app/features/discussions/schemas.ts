/** Inputs of the discussion engine, shared by forms and sockets (browser-safe). */
import { z } from "zod";
import { plainTextToDoc } from "./rich-text/plain-text.ts";
import { DISCUSSION_TEXT as T, REACTION_KINDS } from "./strings.ts";

const uuid = z.uuid({ error: T.postNotFound });
/** A client's id for a message: a retry with the same id never stores a second post. */
export const ClientId = z.string({ error: T.staleForm }).trim().min(8, { error: T.staleForm }).max(64, { error: T.staleForm }).regex(/^[A-Za-z0-9_-]+$/, { error: T.staleForm });

const reason = z.string({ error: T.reasonRequired }).trim().min(3, { error: T.reasonRequired }).max(500, { error: T.reasonTooLong });

/**
 * A body from a form: ProseMirror JSON from the editor (field `body`) or, without JavaScript, plain
 * text (`bodyText`). The result is a candidate document; the command checks it with the allowlist.
 */
export function bodyFromForm(raw: { body?: unknown; bodyText?: unknown }): unknown {
  if (typeof raw.body === "string" && raw.body.trim() !== "") {
    try {
      return JSON.parse(raw.body) as unknown;
    } catch {
      return null;
    }
  }
  return typeof raw.bodyText === "string" ? plainTextToDoc(raw.bodyText) : null;
}

const formBody = { body: z.string().max(200_000).optional(), bodyText: z.string().max(40_000).optional() };

/** A new thread from a form. */
export const NewThreadForm = z.object({
  title: z.string({ error: T.titleRequired }).trim().min(3, { error: T.titleRequired }).max(200, { error: T.titleTooLong }),
  clientId: ClientId,
  ...formBody,
});

/** The forms of the thread page, by intent. */
export const ThreadAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), clientId: ClientId, quoteOf: z.union([uuid, z.literal("")]).optional(), ...formBody }),
  z.object({ intent: z.literal("edit"), postId: uuid, ...formBody }),
  z.object({ intent: z.literal("delete"), postId: uuid }),
  z.object({ intent: z.literal("react"), postId: uuid, kind: z.enum(REACTION_KINDS, { error: T.badReaction }) }),
  z.object({ intent: z.literal("solution"), postId: z.union([uuid, z.literal("")]) }),
  z.object({ intent: z.literal("pin"), value: z.enum(["on", "off"]) }),
  z.object({ intent: z.literal("lock"), value: z.enum(["on", "off"]) }),
  z.object({ intent: z.literal("report"), postId: uuid, reason }),
  z.object({ intent: z.literal("hide"), postId: uuid, reason }),
  z.object({ intent: z.literal("restore"), postId: uuid, reason }),
]);
export type ThreadAction = z.infer<typeof ThreadAction>;

/** Decisions of the moderation queue. */
export const ModerationAction = z.object({
  reportId: uuid,
  decision: z.enum(["hide", "restore", "dismiss"]),
  reason,
});

/** The socket message that posts a reply (same command as the form). */
export const PostCreateMessage = z.object({
  clientId: ClientId,
  threadId: z.uuid(),
  quoteOf: z.uuid().optional(),
  body: z.unknown(),
});
export type PostCreateMessage = z.infer<typeof PostCreateMessage>;
