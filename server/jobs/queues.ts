import { sql } from "drizzle-orm";
import { fromDrizzle, type DrizzleTransactionLike, type SendOptions } from "pg-boss";
import { z } from "zod";
import type { AppServices } from "../../app/services.server.ts";
import type { Tx } from "../../db/client.ts";
import { renderMail, type MailData, type MailTemplate } from "../mail/templates.ts";

interface JobDefinition<T> {
  schema: z.ZodType<T>;
  run(data: T, services: AppServices, job: { id: string }): Promise<void>;
  /** Retries and retention for the queue. */
  options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number };
}

const define = <T>(d: JobDefinition<T>) => d;

const MailJob = z.object({
  to: z.string().email(),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
  template: z.string(),
});

/** Every queue of the platform; capabilities add theirs here. */
export const JOBS = {
  "mail.send": define({
    schema: MailJob,
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
    async run(mail, services, job) {
      await services.mailer.deliver(services.db, { id: job.id, ...mail }, services.clock.now());
    },
  }),
};

export type JobName = keyof typeof JOBS;
export type JobData<N extends JobName> = z.infer<(typeof JOBS)[N]["schema"]>;

/** Creates the queues and starts a worker for each (called once at start). */
export async function registerJobs(services: AppServices): Promise<void> {
  for (const [name, def] of Object.entries(JOBS) as [JobName, JobDefinition<unknown>][]) {
    await services.jobs.createQueue(name, def.options);
    await services.jobs.work(name, { pollingIntervalSeconds: 1 }, async (batch) => {
      for (const job of batch) {
        const data = def.schema.parse(job.data);
        await def.run(data, services, { id: job.id });
      }
    });
  }
}

/**
 * Enqueues a job inside the caller's transaction (pg-boss `fromDrizzle(tx)`): the job exists only
 * if the write that caused it commits, and on PGlite nothing waits on the root connection.
 */
export async function enqueue<N extends JobName>(tx: Tx, services: Pick<AppServices, "jobs" | "clock">, name: N, data: JobData<N>, options: Omit<SendOptions, "db"> = {}): Promise<string | null> {
  JOBS[name].schema.parse(data);
  // The start time comes from the business clock: our connection does not carry pg-boss's test-clock
  // session setting, so leaving it to the database would mix real and test time on PostgreSQL.
  options = { startAfter: services.clock.now(), ...options };
  // Our Tx is typed with an unknown result row shape; both engines return what the adapter expects.
  return services.jobs.send(name, data as object, { ...options, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}

/** Renders a Russian mail now and enqueues its delivery with the transaction. */
export async function enqueueMail<T extends MailTemplate>(
  tx: Tx,
  services: Pick<AppServices, "jobs" | "clock">,
  mail: { to: string; template: T; data: MailData<T> },
  options: Omit<SendOptions, "db"> = {},
): Promise<string | null> {
  const rendered = renderMail(mail.template, mail.data);
  return enqueue(tx, services, "mail.send", { to: mail.to, template: mail.template, ...rendered }, options);
}
