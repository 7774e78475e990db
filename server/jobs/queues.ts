import { sql } from "drizzle-orm";
import { fromDrizzle, type DrizzleTransactionLike, type JobResult, type SendOptions } from "pg-boss";
import { z } from "zod";
import type { AppServices } from "../../app/services.server.ts";
import type { Tx } from "../../db/client.ts";
import { renderMail, type MailData, type MailTemplate } from "../mail/templates.ts";
import { timeJob } from "../observability/app-metrics.ts";

/** A queue: its name, the shape of its data (checked on send and on run) and its handler. */
export interface JobDefinition<T> {
  name: string;
  schema: z.ZodType<T>;
  run(data: T, services: AppServices, job: { id: string }): Promise<void>;
  /** Retries, expiry and the pg-boss queue policy ("stately": one queued and one running at most). */
  options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number; policy?: "standard" | "short" | "singleton" | "stately" };
  /**
   * A sweep that runs again and again on the business clock: registerJobs queues the first run and
   * each run queues the next `everyMs` later before it works. Give such a queue the "stately"
   * policy, so a restart (which queues a first run again) never makes a second chain.
   */
  recurring?: { everyMs: number };
  /**
   * How many jobs one fetch takes (default 1). A worker fetches once per polling interval (1 s), so
   * this bounds a queue's pace when it has a backlog: a bigger batch, fetched again at once while
   * batches come back full, for queues that get bursts (mail after a hundred registrations). Each
   * job of a batch still settles (and retries) on its own.
   */
  batchSize?: number;
}

export const defineJob = <T>(definition: JobDefinition<T>) => definition;

const MailJob = z.object({
  to: z.string().email(),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
  template: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** Delivers one rendered mail (SMTP or the outbox); the job id makes a retry idempotent in the outbox. */
export const MAIL_JOB = defineJob({
  name: "mail.send",
  schema: MailJob,
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  batchSize: 20,
  async run(mail, services, job) {
    await services.mailer.deliver(services.db, { id: job.id, ...mail }, services.clock.now());
  },
});

/**
 * Creates the queues (always: sending to an unknown queue makes pg-boss look it up through its own
 * connection, which on PGlite waits behind the caller's open transaction) and, unless `work` is
 * false, starts a worker for each. Called once at start.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of queues with different data shapes
export async function registerJobs(services: AppServices, jobs: readonly JobDefinition<any>[], options: { work?: boolean } = {}): Promise<void> {
  for (const def of jobs as readonly JobDefinition<unknown>[]) {
    await services.jobs.createQueue(def.name, def.options);
    if (options.work === false) continue;
    const batchSize = def.batchSize ?? 1;
    const workOptions = { pollingIntervalSeconds: 1, batchSize, burstWhenBatchFull: batchSize > 1, perJobResults: true } as const;
    await services.jobs.work(def.name, workOptions, async (batch) => {
      const results: JobResult[] = [];
      for (const job of batch) {
        try {
          if (def.recurring) await queueRecurring(services, def, def.recurring.everyMs);
          await timeJob(def.name, () => def.run(def.schema.parse(job.data), services, { id: job.id }));
          results.push({ id: job.id, status: "completed" });
        } catch (error) {
          // Stored as the job's output, serialized as pg-boss does for a failed handler; retried by the queue's policy.
          results.push({ id: job.id, status: "failed", output: error });
        }
      }
      return results;
    });
    if (def.recurring) await queueRecurring(services, def, 0);
  }
}

/** Queues the next run of a recurring sweep; a "stately" queue refuses it (null) when one already waits. */
async function queueRecurring(services: AppServices, def: JobDefinition<unknown>, inMs: number): Promise<void> {
  await services.db.transaction((tx) => enqueue(tx, services, def, {}, { startAfter: new Date(services.clock.now().getTime() + inMs) }));
}

/**
 * Enqueues a job inside the caller's transaction (pg-boss `fromDrizzle(tx)`): the job exists only
 * if the write that caused it commits, and on PGlite nothing waits on the root connection.
 */
export async function enqueue<T>(tx: Tx, services: Pick<AppServices, "jobs" | "clock">, job: JobDefinition<T>, data: T, options: Omit<SendOptions, "db"> = {}): Promise<string | null> {
  job.schema.parse(data);
  // The start time comes from the business clock: our connection does not carry pg-boss's test-clock
  // session setting, so leaving it to the database would mix real and test time on PostgreSQL.
  options = { startAfter: services.clock.now(), ...options };
  // Our Tx is typed with an unknown result row shape; both engines return what the adapter expects.
  return services.jobs.send(job.name, data as object, { ...options, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}

/** Renders a Russian mail now and enqueues its delivery with the transaction. */
export async function enqueueMail<T extends MailTemplate>(
  tx: Tx,
  services: Pick<AppServices, "jobs" | "clock">,
  mail: { to: string; template: T; data: MailData<T>; headers?: Record<string, string> },
  options: Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const rendered = renderMail(mail.template, mail.data);
  return enqueue(tx, services, MAIL_JOB, { to: mail.to, template: mail.template, ...rendered, ...(mail.headers ? { headers: mail.headers } : {}) }, options);
}
