import { redirect, type RouterContext } from "react-router";
import { viewerOf, type Viewer } from "./viewer.server.ts";

type Ctx = { get<T>(key: RouterContext<T>): T };

/** A signed-in person, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(request: Request, context: Ctx): Viewer & { id: string } {
  const viewer = viewerOf(context);
  if (!viewer.id) {
    const url = new URL(request.url);
    throw redirect(`/login?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return viewer as Viewer & { id: string };
}

/** Pages for guests only (sign-in, registration): a signed-in person goes to their account. */
export function requireGuest(context: Ctx): void {
  if (viewerOf(context).id) throw redirect("/account");
}
