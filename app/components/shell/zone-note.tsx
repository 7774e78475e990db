import { useEffect } from "react";
import { Link, useFetcher, useLocation } from "react-router";

export interface ZoneNoteProps {
  label: string;
  source: "profile" | "chosen" | "browser" | "default";
}

export const SOURCE_TEXT = {
  profile: "часовой пояс вашего профиля",
  chosen: "выбранный вами часовой пояс",
  browser: "часовой пояс вашего браузера",
  default: "московское время (JavaScript выключен или пояс не выбран)",
} as const;

/**
 * Says in which zone the page shows times and links to the choice. When JavaScript runs and
 * nothing was chosen, it reports the browser's zone once, so later pages use it.
 */
/**
 * Once per document: until the report's revalidation lands, the page still says "default", and a
 * second report (its revalidation racing a form the person has just sent) would wipe that form's errors.
 */
let reported = false;

export function ZoneNote({ label, source }: ZoneNoteProps) {
  const fetcher = useFetcher();
  const location = useLocation();
  useEffect(() => {
    if (source !== "default" || reported) return;
    reported = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    void fetcher.submit(
      { timeZone, source: "browser", returnTo: location.pathname + location.search },
      { method: "post", action: "/preferences/time-zone" },
    );
  }, [source, fetcher, location.pathname, location.search]);
  const returnTo = encodeURIComponent(location.pathname + location.search);
  return (
    <p>
      Время показано: <strong>{label}</strong> — {SOURCE_TEXT[source]}.{" "}
      <Link to={source === "profile" ? "/account/profile" : `/preferences/time-zone?returnTo=${returnTo}`}>Изменить</Link>
    </p>
  );
}
