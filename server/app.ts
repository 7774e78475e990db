/**
 * The one place that creates the database, the job runner and the realtime hub. This module is
 * bundled with the React Router build (it is the server build's entry), so the request handler,
 * the socket handlers and the jobs share one instance of every app module. In development it is
 * loaded through Vite's `ssrLoadModule`; its singletons live on `globalThis`, so a hot reload
 * reuses them instead of opening a second database.
 */
import type { Server as HttpServer } from "node:http";
import crypto from "node:crypto";
import compression from "compression";
import express, { type Request, type Response } from "express";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider } from "react-router";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type DatabaseHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { seedDemo } from "../db/seed/index.ts";
import { regions } from "../db/schema/index.ts";
import { requestContext, servicesContext, type AppServices } from "../app/services.server.ts";
import { createSystemClock, createTestClock } from "./clock.ts";
import { loadConfig, type Config } from "./config.ts";
import { createJobRunner } from "./jobs/runner.ts";
import { createLogger, safeUrl } from "./log.ts";
import { createRouteLabeler, metricsHandler, observeRequests } from "./observability/http.ts";
import { createRealtimeHub } from "./realtime/hub.ts";
import { registerJobs } from "./jobs/queues.ts";
import { JOBS } from "../app/jobs.server.ts";
import { startSearchSync } from "../app/features/search/indexer.server.ts";
import { createMailer } from "./mail/mailer.ts";
import { bodyLimit, csrfGuard, cspNonce, securityHeaders, UPLOAD_PATHS } from "./security/http.ts";
import { testRoutes } from "./test-routes.ts";

interface Singletons {
  services?: Promise<AppServices>;
  stopping?: Promise<void>;
}
const globals = globalThis as typeof globalThis & { __most?: Singletons };
const singletons: Singletons = (globals.__most ??= {});

async function shouldSeed(config: Config, handle: DatabaseHandle): Promise<boolean> {
  if (config.DEMO_SEED === "never") return false;
  if (config.DEMO_SEED === "always") return true;
  if (handle.engine !== "pglite") return false;
  const rows = await handle.db.select({ id: regions.id }).from(regions).limit(1);
  return rows.length === 0;
}

async function createServices(): Promise<AppServices> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (config.MOST_TEST_MODE) log.warn("MOST_TEST_MODE is on: test-only endpoints are enabled; never use it in production");
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.PGLITE_DIR,
    max: config.DATABASE_POOL_MAX,
    onConnectionError: (err) => log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, "database connection lost"),
  });
  log.info(
    { engine: handle.engine, database: config.DATABASE_URL ? safeUrl(config.DATABASE_URL) : handle.dataDir },
    "database opened",
  );
  try {
    const applied = await migrate(handle.db);
    if (applied.length) log.info({ applied }, "migrations applied");
    const clock = config.MOST_TEST_MODE
      ? createTestClock(config.MOST_TEST_CLOCK_START ? new Date(config.MOST_TEST_CLOCK_START) : new Date())
      : createSystemClock();
    if (await shouldSeed(config, handle)) log.info({ seeded: await seedDemo(handle.db, clock.now()) }, "demo data loaded");
    const jobs = createJobRunner({ handle, url: config.DATABASE_URL, clock, log });
    const mailer = createMailer({ smtpUrl: config.SMTP_URL, development: config.NODE_ENV === "development", log });
    const realtime = createRealtimeHub(start);
    const services: AppServices = { db: handle.db, engine: handle.engine, handle, clock, jobs, realtime, mailer, log, config, instanceId: crypto.randomUUID() };
    await jobs.start();
    await registerJobs(services, JOBS, { work: config.RUN_JOBS === "1" });
    await startSearchSync(services, { work: config.RUN_JOBS === "1" });
    return services;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Creates the process's services once (idempotent; concurrent callers share one promise). */
export function start(): Promise<AppServices> {
  singletons.services ??= createServices().catch((error: unknown) => {
    singletons.services = undefined;
    throw error;
  });
  return singletons.services;
}

/** Attaches socket.io to the HTTP server (once). */
export async function attachRealtime(httpServer: HttpServer): Promise<void> {
  const services = await start();
  await services.realtime.attach(httpServer);
}

/** Stops jobs, sockets and the database, in that order; safe to call twice. */
export function shutdown(): Promise<void> {
  singletons.stopping ??= (async () => {
    const pending = singletons.services;
    if (!pending) return;
    const services = await pending.catch(() => undefined);
    if (!services) return;
    await services.realtime.close();
    await services.jobs.stop({ graceful: true, timeout: 10_000 }).catch((err: unknown) => services.log.error({ err }, "jobs stop"));
    services.clock.close();
    services.mailer.close();
    await services.handle.close();
    singletons.services = undefined;
    services.log.info("stopped");
  })();
  return singletons.stopping;
}

let routeLabel: Promise<(path: string) => string> | undefined;
/** The route-pattern labeler, from the route manifest of the same build that serves the pages. */
function routeLabeler(): Promise<(path: string) => string> {
  routeLabel ??= import("virtual:react-router/server-build").then((build) => createRouteLabeler(build.routes));
  return routeLabel;
}

async function healthz(_req: Request, res: Response) {
  try {
    const services = await start();
    const [row] = await queryRows<{ migrations: number }>(
      services.db,
      sql`select count(*)::int as migrations from most_migrations`,
    );
    res.set("Cache-Control", "no-store").json({ status: "ok", instance: services.instanceId, database: { engine: services.engine, status: "ok", migrations: row?.migrations ?? 0 } });
  } catch (error) {
    res.status(503).set("Cache-Control", "no-store").json({ status: "error", database: { status: "unavailable", message: String((error as Error).message ?? error) } });
  }
}

/**
 * The HTTP pipeline of the app: security headers and guards, health check, test-only routes,
 * then React Router. Static assets are served by `server/index.ts` in production and by Vite in
 * development.
 */
export function createHttpApp(): express.Express {
  const config = loadConfig();
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);
  app.use(async (req, res, next) => {
    try {
      const [services, label] = await Promise.all([start(), routeLabeler()]);
      observeRequests(services, label)(req, res, next);
    } catch (error) {
      next(error);
    }
  });
  app.use(cspNonce);
  app.use(
    securityHeaders({
      development: config.NODE_ENV === "development",
      hstsEnabled: config.allowedOrigins.some((o) => o.startsWith("https://")),
      hmrPort: Number(process.env.HMR_PORT ?? 24678),
    }),
  );
  app.use(compression());
  app.get("/healthz", healthz);
  app.get("/metrics", metricsHandler(config.METRICS_TOKEN));
  app.use(csrfGuard(config.allowedOrigins));
  app.use(bodyLimit(config.BODY_LIMIT_BYTES, { paths: UPLOAD_PATHS, maxBytes: config.UPLOAD_LIMIT_BYTES }));
  if (config.MOST_TEST_MODE) app.use("/__test", testRoutes(start));
  app.use(
    createRequestHandler({
      build: () => import("virtual:react-router/server-build"),
      getLoadContext: async (req, res) => {
        const context = new RouterContextProvider();
        context.set(servicesContext, await start());
        context.set(requestContext, { nonce: res.locals.cspNonce as string, requestId: res.locals.requestId as string, ip: req.ip ?? "unknown" });
        return context;
      },
    }),
  );
  return app;
}

export const app = createHttpApp();
