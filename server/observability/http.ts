/**
 * Request ids, the request log line, HTTP metrics by route pattern, and the protected `/metrics`
 * endpoint.
 */
import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { matchRoutes, type RouteObject } from "react-router";
import type { AppServices } from "../../app/services.server.ts";
import { requestScope } from "../log.ts";
import { appMetrics, wireCollectors } from "./app-metrics.ts";
import { PROMETHEUS_CONTENT_TYPE } from "./metrics.ts";

/** An incoming id we pass on: short, printable, nothing a log viewer could mistake for markup. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The route manifest of a React Router server build (`build.routes`). */
export type RouteManifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean } | undefined>;

type LabelledRoute = RouteObject & { pattern: string };

function tree(manifest: RouteManifest, parentId: string | undefined, parentPattern: string): LabelledRoute[] {
  return Object.values(manifest)
    .filter((r): r is NonNullable<typeof r> => Boolean(r) && r!.parentId === parentId)
    .map((r) => {
      const pattern = r.path ? `${parentPattern.replace(/\/$/, "")}/${r.path}` : parentPattern || "/";
      const children = tree(manifest, r.id, pattern);
      const route = r.index ? { id: r.id, index: true as const, pattern } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, pattern, children };
      return route as LabelledRoute;
    });
}

/**
 * Turns a request path into a bounded metric label: the pattern of the React Router route it
 * matches (`/threads/:id`, never the id itself), `.data` for the router's data requests, and the
 * few paths served before the router by name. Anything else is `other`.
 */
export function createRouteLabeler(manifest: RouteManifest): (path: string) => string {
  const routes = tree(manifest, undefined, "");
  const fixed = new Set(["/healthz", "/metrics"]);
  // React Router's matchRoutes flattens and ranks the whole route tree on every call (6–7 % of a
  // server's CPU under page load, measured with --cpu-prof). Labels are kept per path *shape*: a
  // UUID segment can only ever meet a dynamic segment (no static segment is a UUID), so every path
  // that differs only in its UUIDs has the same label. Bounded: cleared when full.
  const byShape = new Map<string, string>();
  const compute = (path: string): string => {
    let suffix = "";
    let pathname = path;
    if (pathname.endsWith(".data")) {
      suffix = ".data";
      pathname = pathname === "/_root.data" ? "/" : pathname.slice(0, -".data".length).replace(/\/_$/, "");
    }
    const matches = matchRoutes(routes, pathname);
    const last = matches?.at(-1)?.route as LabelledRoute | undefined;
    // The test-only Express routes (clock control) sit outside the router.
    if (path.startsWith("/__test/") && (!last || last.pattern === "/*")) return "/__test";
    return last ? `${last.pattern}${suffix}` : "other";
  };
  return (path) => {
    if (fixed.has(path)) return path;
    const shape = path.split("/").map((segment) => segment.replace(UUID_SEGMENT, "\u0000")).join("/");
    let label = byShape.get(shape);
    if (label === undefined) {
      label = compute(path);
      if (byShape.size >= LABEL_CACHE_SIZE) byShape.clear();
      byShape.set(shape, label);
    }
    return label;
  };
}

/** A whole segment that is a UUID (or a UUID with the router's `.data`, which stays in the shape). */
const UUID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=(?:\.data)?$)/i;
const LABEL_CACHE_SIZE = 5000;

/** The id of this request: a sane `X-Request-Id` from a trusted proxy, otherwise a new one. */
export function requestIdOf(req: Request): string {
  const incoming = req.headers["x-request-id"];
  const trust = req.app.get("trust proxy fn") as ((addr: string, i: number) => boolean) | undefined;
  const fromTrustedProxy = Boolean(trust && req.socket.remoteAddress && trust(req.socket.remoteAddress, 0));
  if (fromTrustedProxy && typeof incoming === "string" && INCOMING_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/**
 * Gives the request its id (`X-Request-Id` on the response; every log line written while serving it
 * carries `requestId`), then on finish writes the request line and counts it by route pattern.
 */
export function observeRequests(services: AppServices, label: (path: string) => string) {
  wireCollectors(services);
  const m = appMetrics();
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      const route = label(req.path);
      const method = ["GET", "HEAD", "POST"].includes(req.method) ? req.method : "other";
      m.httpRequests.inc({ method, route, status: String(res.statusCode) });
      m.httpDuration.observe({ method, route }, seconds);
      // The path only: query strings may carry one-time tokens.
      requestScope.run({ requestId }, () =>
        services.log.info({ method: req.method, path: req.path, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request"),
      );
    });
    requestScope.run({ requestId }, () => next());
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * May this request read `/metrics`? With `Authorization: Bearer <METRICS_TOKEN>` always; without
 * it only from loopback and only when no proxy forwarded it (a reverse proxy on the same host
 * connects from loopback too, and sets X-Forwarded-For).
 */
export function mayReadMetrics(req: Request, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === "string" && auth.startsWith("Bearer ") && sameSecret(auth.slice(7), token)) return true;
  const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined || req.headers["x-real-ip"] !== undefined;
  return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

/** `GET /metrics` in the Prometheus text format; 404 for anyone `mayReadMetrics` refuses. */
export function metricsHandler(token: string | undefined) {
  return async (req: Request, res: Response) => {
    if (!mayReadMetrics(req, token)) {
      res.status(404).type("text/plain; charset=utf-8").send("Not found");
      return;
    }
    res.set("Cache-Control", "no-store").type(PROMETHEUS_CONTENT_TYPE).send(await appMetrics().registry.render());
  };
}
