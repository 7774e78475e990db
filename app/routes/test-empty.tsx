import { data } from "react-router";
import type { Route } from "./+types/test-empty";
import { services } from "~/services.server";

/** The benchmark baseline: the full document pipeline with no data. 404 outside test mode. */
export function loader({ context }: Route.LoaderArgs) {
  if (!services(context).config.MOST_TEST_MODE) throw data("Страница не найдена", { status: 404 });
  return null;
}

export default function Empty() {
  return <p>Пусто</p>;
}
