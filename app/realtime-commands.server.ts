/**
 * Client → server socket messages that run a capability's command (as opposed to stream
 * subscriptions). Each has a zod schema (checked by the hub before anything else) and runs with
 * the socket's viewer. Every name must also be in CLIENT_EVENTS and have a policy-matrix row.
 */
import type { z } from "zod";
import type { Viewer } from "./features/accounts/viewer.server.ts";
import { POST_CREATE_COMMAND, POST_CREATE_EVENT } from "./features/discussions/socket.server.ts";
import type { AppServices } from "./services.server.ts";

export interface SocketCommand<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** `origin` is the socket's handshake Origin (already checked against the allowlist), for links in mail. */
  run(message: z.infer<S>, viewer: Viewer, services: AppServices, meta: { origin?: string }): Promise<unknown>;
}

export const SOCKET_COMMANDS: Record<string, SocketCommand> = {
  [POST_CREATE_EVENT]: POST_CREATE_COMMAND as SocketCommand,
};
