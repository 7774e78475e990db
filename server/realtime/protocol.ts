import { z } from "zod";
import { StreamKey } from "../events/store.ts";

/** Client → server messages; each is parsed here before anything else sees it. */
export const SubscribeMessage = z.object({ stream: StreamKey, after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });
export const UnsubscribeMessage = z.object({ stream: StreamKey });
export const CatchupMessage = SubscribeMessage;

export type SubscribeMessage = z.infer<typeof SubscribeMessage>;

/** Socket event names, shared with the browser client. */
export const SOCKET_EVENTS = {
  subscribe: "stream:subscribe",
  unsubscribe: "stream:unsubscribe",
  catchup: "stream:catchup",
  event: "stream:event",
} as const;

/** Every event a client may send; the policy matrix test checks each has its row. */
export const CLIENT_EVENTS = [SOCKET_EVENTS.subscribe, SOCKET_EVENTS.unsubscribe, SOCKET_EVENTS.catchup, "post:create", "typing"] as const;

export const streamRoom = (stream: string) => `stream:${stream}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
