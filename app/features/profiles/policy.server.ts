import type { Viewer } from "../accounts/viewer.server.ts";

const isAdmin = (v: Viewer) => v.roles.some((g) => g.role === "admin");

/**
 * Whether the viewer sees a person's whole profile, public or not: the person and the platform
 * administrator. Everybody else, signed in or not, sees exactly the fields made public.
 */
export function seesWholeProfile(viewer: Viewer, userId: string): boolean {
  return viewer.id === userId || isAdmin(viewer);
}
