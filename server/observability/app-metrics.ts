/**
 * The app's metrics: HTTP requests by route pattern and status, their latency, connected sockets,
 * jobs (this process's runs and pg-boss's queue counts), the database connections and the
 * process itself. One registry per process, kept on `globalThis` so a hot reload in development
 * keeps counting into the same series.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { AppServices } from "../../app/services.server.ts";
import { queryRows } from "../../db/client.ts";
import { Registry } from "./metrics.ts";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createAppMetrics() {
  const registry = new Registry();
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  return {
    registry,
    loop,
    httpRequests: registry.counter("most_http_requests_total", "HTTP requests answered, by method, route pattern and status."),
    httpDuration: registry.histogram("most_http_request_duration_seconds", "Time to answer an HTTP request, by method and route pattern.", SECONDS),
    jobRuns: registry.counter("most_job_runs_total", "Jobs run by this process, by queue and outcome (completed, failed)."),
    jobDuration: registry.histogram("most_job_duration_seconds", "Time of one job run in this process, by queue.", [0.01, 0.05, 0.1, 0.5, 1, 5, 30]),
    sockets: registry.gauge("most_sockets_connected", "socket.io clients connected to this process."),
    jobs: registry.gauge("most_jobs", "pg-boss jobs stored per queue and state (queued, ready, deferred, active, failed, total)."),
    dbConnections: registry.gauge("most_db_connections", "Database connections of this application by state (PostgreSQL: pg_stat_activity; PGlite: its one connection)."),
    dbPoolMax: registry.gauge("most_db_pool_max", "Largest number of connections the app's pool opens (PGlite: 1)."),
    dbPoolClients: registry.gauge("most_db_pool_clients", "Clients of this process's node-postgres pool: open (total), idle, and requests waiting for one."),
    rss: registry.gauge("most_process_resident_memory_bytes", "Resident set size of the process."),
    heap: registry.gauge("most_process_heap_bytes", "V8 heap, used and total."),
    loopLag: registry.gauge("most_event_loop_lag_seconds", "Event-loop delay over the last scrape interval (p50, p99, max)."),
    uptime: registry.gauge("most_process_uptime_seconds", "Seconds since the process started."),
  };
}

export type AppMetrics = ReturnType<typeof createAppMetrics>;

const globals = globalThis as typeof globalThis & { __mostMetrics?: AppMetrics; __mostMetricsWired?: boolean };

/** The process's metrics (created once). */
export function appMetrics(): AppMetrics {
  return (globals.__mostMetrics ??= createAppMetrics());
}

/** Connects the scrape-time collectors to the services (once per process). */
export function wireCollectors(services: AppServices): void {
  if (globals.__mostMetricsWired) return;
  globals.__mostMetricsWired = true;
  const m = appMetrics();
  m.registry.onCollect(() => {
    const mem = process.memoryUsage();
    m.rss.set({}, mem.rss);
    m.heap.set({ kind: "used" }, mem.heapUsed);
    m.heap.set({ kind: "total" }, mem.heapTotal);
    m.uptime.set({}, Math.round(process.uptime()));
    m.loopLag.set({ quantile: "0.5" }, m.loop.percentile(50) / 1e9);
    m.loopLag.set({ quantile: "0.99" }, m.loop.percentile(99) / 1e9);
    m.loopLag.set({ quantile: "max" }, m.loop.max / 1e9);
    m.loop.reset();
    m.sockets.set({}, services.realtime.io?.engine.clientsCount ?? 0);
  });
  m.registry.onCollect(async () => {
    const queues = await services.jobs.getQueues();
    m.jobs.reset();
    for (const q of queues.filter((queue) => !queue.name.startsWith("__pgboss"))) {
      for (const [state, value] of Object.entries({ queued: q.queuedCount, ready: q.readyCount, deferred: q.deferredCount, active: q.activeCount, failed: q.failedCount, total: q.totalCount })) {
        m.jobs.set({ queue: q.name, state }, value);
      }
    }
  });
  m.registry.onCollect(async () => {
    m.dbConnections.reset();
    if (services.engine === "pglite") {
      m.dbPoolMax.set({}, 1);
      m.dbConnections.set({ application: "most", state: "open" }, 1);
      return;
    }
    m.dbPoolMax.set({}, services.config.DATABASE_POOL_MAX);
    const pool = services.handle.pool;
    if (pool) {
      m.dbPoolClients.set({ state: "total" }, pool.totalCount);
      m.dbPoolClients.set({ state: "idle" }, pool.idleCount);
      m.dbPoolClients.set({ state: "waiting" }, pool.waitingCount);
    }
    // Every node's connections as the server sees them (the jobs runner has a pool of its own).
    const rows = await queryRows<{ application: string; state: string; n: number }>(
      services.db,
      sql`select application_name as application, coalesce(state, 'unknown') as state, count(*)::int as n
          from pg_stat_activity where datname = current_database() and application_name in ('most', 'most-jobs')
          group by 1, 2`,
    );
    for (const r of rows) m.dbConnections.set({ application: r.application, state: r.state }, r.n);
  });
}

/** Counts one job run of this process (wrapped around every worker by `registerJobs`). */
export async function timeJob<T>(queue: string, run: () => Promise<T>): Promise<T> {
  const m = appMetrics();
  const started = performance.now();
  try {
    const result = await run();
    m.jobRuns.inc({ queue, outcome: "completed" });
    return result;
  } catch (error) {
    m.jobRuns.inc({ queue, outcome: "failed" });
    throw error;
  } finally {
    m.jobDuration.observe({ queue }, (performance.now() - started) / 1000);
  }
}
