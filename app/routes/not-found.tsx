import { data } from "react-router";

/** Any unknown address: a real 404 status, rendered by the root error boundary in Russian. */
export function loader() {
  throw data("Страница не найдена", { status: 404 });
}

export default function NotFound() {
  return null;
}
