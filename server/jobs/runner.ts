import { PgBoss, fromPglite } from "pg-boss";
import type { DatabaseHandle } from "../../db/client.ts";
import type { BusinessClock } from "../clock.ts";
import type { Logger } from "../log.ts";

export type JobRunner = PgBoss;

export interface JobRunnerOptions {
  handle: DatabaseHandle;
  url?: string;
  clock: BusinessClock;
  log: Logger;
}

/**
 * Creates pg-boss on the same database as the app: through its PGlite adapter on the embedded
 * engine (one connection, shared), with its own small pool on PostgreSQL. Its time comes from the
 * business clock, so a test that moves the clock moves job schedules too.
 */
export function createJobRunner({ handle, url, clock, log }: JobRunnerOptions): JobRunner {
  const common = { schema: "pgboss", clock: clock.jobClock, application_name: "most-jobs" } as const;
  const boss =
    handle.engine === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(handle.pglite!), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: url, max: 4 });
  boss.on("error", (error) => log.error({ err: error }, "job runner error"));
  return boss;
}
