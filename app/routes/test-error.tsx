import { data } from "react-router";
import type { Route } from "./+types/test-error";
import { services } from "~/services.server";

/** Throws an unexpected error (test mode only), so the 500 page can be checked. */
export function loader({ context }: Route.LoaderArgs) {
  if (!services(context).config.MOST_TEST_MODE) throw data("Страница не найдена", { status: 404 });
  throw new Error("deliberate failure with secret detail: db password xyz");
}

export default function TestError() {
  return null;
}
