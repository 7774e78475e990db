import type { Executor } from "../../../db/client.ts";

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
}

export const GUEST: Viewer = Object.freeze({ id: null, anonymous: true, roles: [] }) as Viewer;

/**
 * Resolves the person behind a request or a socket handshake from its cookie header. The one
 * function both HTTP and sockets use; until accounts exist everybody is a guest (anonymous).
 */
export async function resolveViewer(_cookieHeader: string | null | undefined, _ex: Executor, _now: Date): Promise<Viewer> {
  return GUEST;
}

/** Whether the viewer holds a role (in any scope, or in the given one). */
export function hasRole(viewer: Viewer, role: string, scope?: { type: string; id: string }): boolean {
  return viewer.roles.some((g) => g.role === role && (!scope || (g.scopeType === scope.type && g.scopeId === scope.id)));
}
