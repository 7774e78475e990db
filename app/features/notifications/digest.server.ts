/**
 * The daily digest: at 08:00 in each person's own zone (their profile's zone, by default their
 * organisation's region, else Moscow), one mail with what waited for it: notifications whose kind
 * the person has set to "digest", not read in the app meanwhile, created before that morning's
 * 08:00. A recurring sweep on the business clock finds who is due; each person's morning is claimed
 * by a unique (user, local date) row in the same transaction that marks the notifications and
 * enqueues the mail, so a re-run, a retried job or a restart never sends a second digest.
 */
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { notificationDigests, notifications, users } from "../../../db/schema/index.ts";
import { defineJob, enqueue, MAIL_JOB } from "../../../server/jobs/queues.ts";
import type { AppServices } from "../../services.server.ts";
import { formatDate, localDateKey, parseLocalDateTime } from "../../utils/datetime.ts";
import { MOSCOW_TIME_ZONE } from "../../utils/timezones.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { personTimeZone } from "../profiles/queries.server.ts";
import { isNotificationKind, type NotificationKind } from "./catalogue.ts";
import { recipientViewer, siteOrigin, unsubscribeParts } from "./delivery.server.ts";
import { renderDigest, type DigestItem } from "./digest-mail.server.ts";
import { digestKindsOf } from "./settings.server.ts";

/** The local hour of the morning digest. */
export const DIGEST_HOUR = 8;
/** How often the sweep looks for people whose morning has come (business time). */
export const DIGEST_SWEEP_MS = 10 * 60_000;
const SWEEP_BATCH = 500;

type DigestServices = Pick<AppServices, "db" | "clock" | "jobs" | "log"> & Partial<Pick<AppServices, "config">>;

/** The morning whose digest is due at `now` in `zone`: today's 08:00 once it has passed, else none yet. */
export function dueMorning(now: Date, zone: string): { localDate: string; cutoff: Date } | null {
  const localDate = localDateKey(now, zone);
  const cutoff = parseLocalDateTime(`${localDate}T${String(DIGEST_HOUR).padStart(2, "0")}:00`, zone);
  return now.getTime() >= cutoff.getTime() ? { localDate, cutoff } : null;
}

export type DigestResult = { sent: false; reason: "not-due" | "nothing" | "already-sent" } | { sent: true; digestId: string; items: number; localDate: string };

/**
 * Sends one person's digest for the morning due now, if any. In one transaction: claims
 * (user, local date), settles every notification waiting from before the cutoff (included or not,
 * so none is looked at twice), and enqueues the mail only when something is left to tell.
 */
export async function sendDigestFor(s: DigestServices, userId: string): Promise<DigestResult> {
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const zone = (await personTimeZone(tx, userId)) ?? MOSCOW_TIME_ZONE;
    const due = dueMorning(now, zone);
    if (!due) return { sent: false, reason: "not-due" } as const;
    const waiting = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.emailChannel, "digest"), isNull(notifications.digestId), lt(notifications.createdAt, due.cutoff)))
      .orderBy(asc(notifications.createdAt));
    if (!waiting.length) return { sent: false, reason: "nothing" } as const;
    const [person] = await tx.select({ email: users.email, name: users.name, status: users.status }).from(users).where(eq(users.id, userId));
    // The person's latest choice wins: a kind switched away from the digest, or read in the app, is not mailed.
    const stillDigest = await digestKindsOf(tx, userId, [...new Set(waiting.map((n) => n.kind))]);
    const included = person?.status === "active" ? waiting.filter((n) => n.readAt === null && isNotificationKind(n.kind) && stillDigest.has(n.kind)) : [];
    const [claim] = await tx
      .insert(notificationDigests)
      .values({ userId, localDate: due.localDate, timeZone: zone, itemCount: included.length, sentAt: now })
      .onConflictDoNothing()
      .returning({ id: notificationDigests.id });
    if (!claim) return { sent: false, reason: "already-sent" } as const;
    await tx.update(notifications).set({ digestId: claim.id }).where(inArray(notifications.id, waiting.map((n) => n.id)));
    if (!included.length || !person) return { sent: false, reason: "nothing" } as const;
    const actorIds = included.map((n) => n.payload.actorId).filter((id): id is string => typeof id === "string");
    const people = await loadPeople(tx, recipientViewer(userId), actorIds);
    const items: DigestItem[] = included.map((n) => ({ kind: n.kind as NotificationKind, payload: n.payload, href: n.href, createdAt: n.createdAt, actorName: typeof n.payload.actorId === "string" ? (people.get(n.payload.actorId)?.name ?? null) : null }));
    const origin = siteOrigin(s);
    const kinds = [...new Set(items.map((i) => i.kind))];
    const { footer, headers } = await unsubscribeParts(tx, s, userId, ["all", ...kinds], origin, now);
    const mail = renderDigest({ name: person.name, date: formatDate(due.cutoff, zone), items, origin, footer });
    await enqueue(tx, s, MAIL_JOB, { to: person.email, template: "digest", ...mail, ...(headers ? { headers } : {}) });
    return { sent: true, digestId: claim.id, items: items.length, localDate: due.localDate } as const;
  });
}

/** One pass: everyone with notifications waiting for a digest, each in their own transaction. */
export async function sendDueDigests(s: DigestServices): Promise<{ sent: number; checked: number }> {
  const now = s.clock.now();
  const rows = await s.db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.emailChannel, "digest"), isNull(notifications.digestId), lt(notifications.createdAt, now)))
    .orderBy(notifications.userId)
    .limit(SWEEP_BATCH);
  let sent = 0;
  for (const { userId } of rows) {
    try {
      if ((await sendDigestFor(s, userId)).sent) sent++;
    } catch (err) {
      // One person's failure must not hold back everyone else's morning; the next pass retries them.
      s.log.error({ err, userId }, "digest failed");
    }
  }
  return { sent, checked: rows.length };
}

/** The recurring sweep (registerJobs keeps exactly one queued, DIGEST_SWEEP_MS apart on the business clock). */
export const DIGEST_SWEEP_JOB = defineJob({
  name: "notifications.digest-sweep",
  schema: z.object({}),
  options: { policy: "stately", retryLimit: 0 },
  recurring: { everyMs: DIGEST_SWEEP_MS },
  async run(_data, services) {
    await sendDueDigests(services);
  },
});

/** Pending digest notifications of a person (the settings page tells how many wait for the morning). */
export async function waitingForDigest(s: Pick<AppServices, "db">, userId: string): Promise<number> {
  const [row] = await s.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.emailChannel, "digest"), isNull(notifications.digestId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
