/**
 * What the sync could not index. A document whose indexing throws (or a stream whose documents
 * cannot be listed) is recorded here and the sync moves on: the cursors never wait for it, so one
 * bad document cannot hold back every change after it. Each run retries the records that are due,
 * with a delay that doubles up to half an hour, and deletes them once indexed.
 */
import { asc, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { searchFailures } from "../../../db/schema/index.ts";
import type { SearchKind } from "./provider.ts";

/** A document ("thread:<id>") or a stream whose documents could not be listed ("stream:<key>"). */
export type FailureTarget = `${SearchKind}:${string}` | `stream:${string}`;

/** The first retry waits this long; each failure doubles it, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_MAX_MS = 30 * 60_000;
const ERROR_CHARS = 2000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS) || "unknown error";

/**
 * Records (or counts again) a failure of a target and schedules its retry after a delay that
 * doubles with every attempt: `RETRY_BASE_MS × 2^(attempts − 1)`, at most `RETRY_MAX_MS`.
 */
export async function recordFailure(ex: Executor, target: FailureTarget, error: unknown, now: Date): Promise<void> {
  const first = new Date(now.getTime() + RETRY_BASE_MS);
  await ex
    .insert(searchFailures)
    .values({ target, attempts: 1, error: messageOf(error), firstFailedAt: now, lastFailedAt: now, retryAt: first })
    .onConflictDoUpdate({
      target: searchFailures.target,
      set: {
        attempts: sql`${searchFailures.attempts} + 1`,
        error: sql`excluded.error`,
        lastFailedAt: sql`excluded.last_failed_at`,
        retryAt: sql`excluded.last_failed_at + make_interval(secs => least(${RETRY_MAX_MS / 1000}::float8, ${RETRY_BASE_MS / 1000}::float8 * power(2, least(${searchFailures.attempts}, 20))))`,
      },
    });
}

/** Forgets the failures of targets that have just been indexed. */
export async function clearFailures(ex: Executor, targets: readonly FailureTarget[]): Promise<void> {
  for (let i = 0; i < targets.length; i += 500) await ex.delete(searchFailures).where(inArray(searchFailures.target, [...targets.slice(i, i + 500)]));
}

/** Failures whose retry time has come, oldest retry first. */
export async function dueFailures(ex: Executor, now: Date, limit: number): Promise<FailureTarget[]> {
  const rows = await ex.select({ target: searchFailures.target }).from(searchFailures).where(lte(searchFailures.retryAt, now)).orderBy(asc(searchFailures.retryAt)).limit(limit);
  return rows.map((r) => r.target as FailureTarget);
}
