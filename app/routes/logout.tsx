import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { signOut } from "~/features/accounts/commands.server";
import { sessionCookie } from "~/features/accounts/sessions.server";

/** Sign-out is a POST (a form in the header); a GET just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  await signOut(services(context), viewerOf(context));
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(null) } });
}
