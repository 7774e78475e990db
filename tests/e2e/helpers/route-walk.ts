/**
 * One URL for every route of app/routes.ts: a small crawler follows same-origin links from the
 * main pages (signed in, so private pages and downloads are reached) and keeps the first URL of
 * each route pattern; a route no link reached gets its pattern with placeholder parameters, so a
 * new route is never silently left out.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import routes from "../../../app/routes";
import { createRouteLabeler, type RouteManifest } from "../../../server/observability/http";

export interface Visited {
  pattern: string;
  url: string;
  /** true when no link led there and the URL was made from the pattern. */
  synthetic: boolean;
  response: APIResponse;
}

function manifest(): RouteManifest {
  const m: RouteManifest = { root: { id: "root", path: "" } };
  for (const r of routes) m[r.id ?? r.file] = { id: r.id ?? r.file, parentId: "root", path: r.path, index: r.index };
  return m;
}

/** Every route pattern, as the labeler names them (`/threads/:id`, `/*`, `/`). */
export function routePatterns(): string[] {
  return routes.map((r) => (r.index ? "/" : `/${r.path}`));
}

const SEEDS = ["/", "/communities", "/library", "/library/mine", "/library/review", "/events", "/events/my", "/partnerships", "/people", "/organisations", "/search?q=%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0", "/certificates", "/account", "/account/data", "/moderation", "/notifications", "/directory/requests", "/admin/outbox", "/account/sessions", "/account/profile", "/account/photo", "/account/deleted", "/login", "/register", "/register/confirm", "/confirm-email", "/forgot-password", "/reset-password", "/search/suggest?q=%D0%BC%D0%B0%D1%82", "/__test/empty", "/__test/error", "/__test/stream/probe", "/no-such-page"];
/** Pages of one pattern fetched at most (a second organisation page may link to a plan the first does not). */
const PER_PATTERN = 4;

const placeholder = (pattern: string) =>
  pattern.replace("*", "no-such-page").replace(/:([A-Za-z]+)/g, (_, name: string) => (/id$/i.test(name) ? "00000000-0000-4000-8000-000000000000" : `no-such-${name.toLowerCase()}`));

/** Walks the site with `request` (already signed in); at most `budget` fetches for the crawl. */
export async function walkRoutes(request: APIRequestContext, budget = 500): Promise<Visited[]> {
  const label = createRouteLabeler(manifest());
  const wanted = new Set(routePatterns());
  const found = new Map<string, Visited>();
  const queue = [...SEEDS];
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  let fetches = 0;
  while (queue.length && fetches < budget && found.size < wanted.size) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const pattern = label(new URL(url, "http://x").pathname);
    if ((perPattern.get(pattern) ?? 0) >= PER_PATTERN && !SEEDS.includes(url)) continue;
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    fetches++;
    const response = await request.get(url, { maxRedirects: 0 });
    if (!found.has(pattern) && wanted.has(pattern)) found.set(pattern, { pattern, url, synthetic: false, response });
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, "&");
      // Static files are not routes (their headers are checked on their own).
      if (href.startsWith("/assets/") || href.startsWith("//") || href === "/logout" || /^\/[^/?]+\.(svg|png|ico|webmanifest|txt|css|js)$/.test(href)) continue;
      const p = label(new URL(href, "http://x").pathname);
      if ((perPattern.get(p) ?? 0) < PER_PATTERN && !seen.has(href)) queue.push(href);
    }
  }
  for (const pattern of wanted) {
    if (found.has(pattern)) continue;
    const url = placeholder(pattern);
    found.set(pattern, { pattern, url, synthetic: true, response: await request.get(url, { maxRedirects: 0 }) });
  }
  return [...found.values()];
}
