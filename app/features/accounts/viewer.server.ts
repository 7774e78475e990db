import { createContext, type RouterContext } from "react-router";
import type { Executor } from "../../../db/client.ts";
import { readSessionToken, validateSessionToken } from "./sessions.server.ts";

/** A role grant with its scope (a region, a municipality, a community, a partnership…). */
export interface RoleGrant {
  role: string;
  scopeType?: string;
  scopeId?: string;
}

/** Who is asking: the one shape every policy module decides on. */
export interface Viewer {
  id: string | null;
  anonymous: boolean;
  roles: RoleGrant[];
  sessionId?: string;
  name?: string;
  email?: string;
}

export const GUEST: Viewer = Object.freeze({ id: null, anonymous: true, roles: [] }) as Viewer;

/**
 * Resolves the person behind a request or a socket handshake from its Cookie header: the one
 * function both HTTP (root middleware) and sockets use.
 */
export async function resolveViewer(cookieHeader: string | null | undefined, ex: Executor, now: Date): Promise<Viewer> {
  const token = readSessionToken(cookieHeader);
  if (!token) return GUEST;
  const session = await validateSessionToken(ex, token, now);
  if (!session) return GUEST;
  return { ...session.viewer, sessionId: session.sessionId, name: session.name, email: session.email };
}

/** Whether the viewer holds a role (in any scope, or in the given one). */
export function hasRole(viewer: Viewer, role: string, scope?: { type: string; id: string }): boolean {
  return viewer.roles.some((g) => g.role === role && (!scope || (g.scopeType === scope.type && g.scopeId === scope.id)));
}

/** The viewer of the current request, set by the root middleware. */
export const viewerContext = createContext<Viewer>(GUEST);

export function viewerOf(context: { get<T>(key: RouterContext<T>): T }): Viewer {
  return context.get(viewerContext);
}
