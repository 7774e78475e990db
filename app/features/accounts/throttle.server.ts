import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { throttles } from "../../../db/schema/index.ts";

export interface ThrottleRule {
  /** Hits allowed in one window. */
  limit: number;
  windowSeconds: number;
  /** How long the key stays blocked once it goes over the limit. */
  blockSeconds: number;
}

export interface ThrottleState {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** The limits of the platform, in one place. */
export const THROTTLES = {
  signInPerIp: { limit: 30, windowSeconds: 900, blockSeconds: 900 },
  /** The fifth wrong password in 15 minutes locks the account for 15 minutes. */
  signInFailuresPerAccount: { limit: 4, windowSeconds: 900, blockSeconds: 900 },
  codeAttemptsPerAccount: { limit: 4, windowSeconds: 900, blockSeconds: 900 },
  mailPerIp: { limit: 10, windowSeconds: 3600, blockSeconds: 3600 },
  mailPerAddress: { limit: 3, windowSeconds: 3600, blockSeconds: 3600 },
} satisfies Record<string, ThrottleRule>;

const secondsUntil = (until: Date | null, now: Date) => (until && until > now ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0);

/** Whether a key is blocked now (does not count a hit). */
export async function peekThrottle(ex: Executor, key: string, now: Date): Promise<ThrottleState> {
  const [row] = await ex.select({ blockedUntil: throttles.blockedUntil }).from(throttles).where(eq(throttles.key, key));
  const wait = secondsUntil(row?.blockedUntil ?? null, now);
  return { allowed: wait === 0, retryAfterSeconds: wait };
}

/**
 * Counts one hit on a key, on the business clock, atomically (one upsert under the row lock): a new
 * window starts when the old one has passed; going over the limit blocks the key.
 */
export async function hitThrottle(ex: Executor, key: string, rule: ThrottleRule, now: Date): Promise<ThrottleState> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowEnd = sql`${throttles.windowStart} + make_interval(secs => ${rule.windowSeconds}::int)`;
  const fresh = sql`${windowEnd} <= ${at}`;
  const nextCount = sql`case when ${fresh} then 1 else ${throttles.count} + 1 end`;
  const [row] = await ex
    .insert(throttles)
    .values({ key, count: 1, windowStart: now, blockedUntil: rule.limit < 1 ? new Date(now.getTime() + rule.blockSeconds * 1000) : null })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: nextCount,
        windowStart: sql`case when ${fresh} then ${at} else ${throttles.windowStart} end`,
        blockedUntil: sql`case
          when ${throttles.blockedUntil} > ${at} then ${throttles.blockedUntil}
          when ${nextCount} > ${rule.limit}::int then ${new Date(now.getTime() + rule.blockSeconds * 1000).toISOString()}::timestamptz
          else null end`,
      },
    })
    .returning({ blockedUntil: throttles.blockedUntil });
  const wait = secondsUntil(row?.blockedUntil ?? null, now);
  return { allowed: wait === 0, retryAfterSeconds: wait };
}

/** Forgets a key (a successful sign-in clears the account's failures). */
export async function clearThrottle(ex: Executor, key: string): Promise<void> {
  await ex.delete(throttles).where(eq(throttles.key, key));
}
