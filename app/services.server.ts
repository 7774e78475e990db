import { createContext, type RouterContext } from "react-router";
import type { DatabaseHandle, Db, Engine } from "../db/client.ts";
import type { BusinessClock } from "../server/clock.ts";
import type { Config } from "../server/config.ts";
import type { JobRunner } from "../server/jobs/runner.ts";
import type { Mailer } from "../server/mail/mailer.ts";
import type { Logger } from "../server/log.ts";
import type { RealtimeHub } from "../server/realtime/hub.ts";

/** The process-wide services, created once by `server/app.ts` and handed to every loader and action. */
export interface AppServices {
  db: Db;
  engine: Engine;
  /** The raw handle: LISTEN, the PGlite instance for the job runner. */
  handle: DatabaseHandle;
  clock: BusinessClock;
  jobs: JobRunner;
  realtime: RealtimeHub;
  mailer: Mailer;
  log: Logger;
  config: Config;
  /** Random per process start: lets a test see that a hot reload kept the same services. */
  instanceId: string;
}

/** Per-request values set by the HTTP layer. */
export interface RequestValues {
  nonce: string;
  requestId: string;
  /** The client's address (behind a proxy only when TRUST_PROXY says so); used for throttling only. */
  ip: string;
}

export const servicesContext = createContext<AppServices>();
export const requestContext = createContext<RequestValues>();

type ContextReader = { get<T>(key: RouterContext<T>): T };

/** The services of this process, from a loader's or action's `context`. */
export function services(context: ContextReader): AppServices {
  return context.get(servicesContext);
}
