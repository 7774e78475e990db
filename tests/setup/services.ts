/**
 * The app's services over a test database, built the way server/app.ts builds them, for
 * integration tests of jobs, mail and sockets without a browser.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppServices } from "../../app/services.server.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { createTestClock } from "../../server/clock.ts";
import { loadConfig } from "../../server/config.ts";
import { createJobRunner } from "../../server/jobs/runner.ts";
import { registerJobs } from "../../server/jobs/queues.ts";
import { JOBS } from "../../app/jobs.server.ts";
import { createLogger } from "../../server/log.ts";
import { createMailer } from "../../server/mail/mailer.ts";
import { createRealtimeHub } from "../../server/realtime/hub.ts";

export interface TestServices extends AppServices {
  /** Base URL of an HTTP server with the realtime hub attached (after `listen()`). */
  listen(): Promise<string>;
  stop(): Promise<void>;
}

export async function createTestServices(
  handle: DatabaseHandle & { url?: string },
  options: { env?: NodeJS.ProcessEnv; runJobs?: boolean; start?: Date } = {},
): Promise<TestServices> {
  const config = loadConfig({ NODE_ENV: "test", MOST_TEST_MODE: "1", LOG_LEVEL: "silent", DATABASE_URL: handle.url, ...options.env });
  const log = createLogger(config.LOG_LEVEL);
  const clock = createTestClock(options.start ?? new Date("2026-11-24T08:00:00Z"));
  const jobs = createJobRunner({ handle, url: handle.url, clock, log });
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, development: false, log });
  let server: http.Server | undefined;
  const services = {} as TestServices;
  const realtime = createRealtimeHub(async () => services);
  Object.assign(services, {
    db: handle.db,
    engine: handle.engine,
    handle,
    clock,
    jobs,
    mailer,
    realtime,
    log,
    config,
    instanceId: crypto.randomUUID(),
    async listen() {
      server = http.createServer((_req, res) => res.writeHead(404).end());
      await realtime.attach(server);
      await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      await realtime.close();
      if (server) await new Promise((r) => server!.close(r));
      await jobs.stop({ graceful: false, timeout: 2000 }).catch(() => {});
      clock.close();
      mailer.close();
    },
  } satisfies Omit<TestServices, never>);
  await jobs.start();
  await registerJobs(services, JOBS, { work: options.runJobs !== false });
  return services;
}
