import { sql } from "drizzle-orm";
import { fromDrizzle, type DrizzleTransactionLike, type SendOptions } from "pg-boss";
import { z } from "zod";
import type { AppServices } from "../../app/services.server.ts";
import type { Tx } from "../../db/client.ts";
import { renderMail, type MailData, type MailTemplate } from "../mail/templates.ts";

/** A queue: its name, the shape of its data (checked on send and on run) and its handler. */
export interface JobDefinition<T> {
  name: string;
  schema: z.ZodType<T>;
  run(data: T, services: AppServices, job: { id: string }): Promise<void>;
  /** Retries and expiry for the queue. */
  options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number };
}

export const defineJob = <T>(definition: JobDefinition<T>) => definition;

const MailJob = z.object({
  to: z.string().email(),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
  template: z.string(),
});

/** Delivers one rendered mail (SMTP or the outbox); the job id makes a retry idempotent in the outbox. */
export const MAIL_JOB = defineJob({
  name: "mail.send",
  schema: MailJob,
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
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
    await services.jobs.work(def.name, { pollingIntervalSeconds: 1 }, async (batch) => {
      for (const job of batch) await def.run(def.schema.parse(job.data), services, { id: job.id });
    });
  }
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
  mail: { to: string; template: T; data: MailData<T> },
  options: Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const rendered = renderMail(mail.template, mail.data);
  return enqueue(tx, services, MAIL_JOB, { to: mail.to, template: mail.template, ...rendered }, options);
}
