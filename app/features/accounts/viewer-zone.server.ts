import { createContext, createCookie, type RouterContext } from "react-router";
import { z } from "zod";
import { defaultCityOf, MOSCOW_TIME_ZONE, REGION_ZONES, zoneLabel } from "~/utils/timezones";

/** Where the zone in which a page shows times came from; the page says it. */
export type ZoneSource = "profile" | "chosen" | "browser" | "default";

export interface ViewerZone {
  timeZone: string;
  city?: string;
  source: ZoneSource;
  label: string;
}

const KNOWN = new Set(REGION_ZONES.map((z) => z.timeZone));
const Stored = z.object({ tz: z.string().refine((tz) => KNOWN.has(tz)), src: z.enum(["chosen", "browser"]) });

const zoneCookie = createCookie("__Host-most-tz", {
  path: "/",
  sameSite: "lax",
  secure: true,
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

/**
 * The zone in which this request's times are shown: a guest's choice or their browser's zone (set
 * by a small script when JavaScript runs), otherwise Moscow time. A signed-in person's zone is the
 * one of their profile (their choice, else their organisation's region), passed as `profileZone`.
 */
export async function getViewerZone(request: Request, now: Date, profileZone?: string | null): Promise<ViewerZone> {
  if (profileZone && KNOWN.has(profileZone)) {
    const city = defaultCityOf(profileZone);
    return { timeZone: profileZone, city, source: "profile", label: zoneLabel(profileZone, city, now) };
  }
  const parsed = Stored.safeParse(await zoneCookie.parse(request.headers.get("Cookie")));
  const timeZone = parsed.success ? parsed.data.tz : MOSCOW_TIME_ZONE;
  const source: ZoneSource = parsed.success ? parsed.data.src : "default";
  const city = defaultCityOf(timeZone);
  return { timeZone, city, source, label: zoneLabel(timeZone, city, now) };
}

/** The Set-Cookie header that remembers a zone choice. */
export function rememberViewerZone(timeZone: string, source: "chosen" | "browser"): Promise<string> {
  return zoneCookie.serialize({ tz: timeZone, src: source });
}

/** The signed-in person's profile zone, resolved once per request by the root middleware. */
export const profileZoneContext = createContext<string | null>(null);

/**
 * The zone of this request as every page must use it: the profile's for a signed-in person,
 * otherwise the guest's choice, browser or Moscow. Routes call this, never getViewerZone directly.
 */
export function viewerZoneOf(request: Request, context: { get<T>(key: RouterContext<T>): T }, now: Date): Promise<ViewerZone> {
  return getViewerZone(request, now, context.get(profileZoneContext));
}
