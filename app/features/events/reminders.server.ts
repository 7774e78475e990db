/**
 * Reminders a day and an hour before an event. Creating or moving an event enqueues one job per
 * kind, due at the mark (pg-boss `startAfter`, business clock). The job re-reads the event and
 * skips if it was moved (the move enqueued fresh jobs) or cancelled, or the event has begun. Each
 * participant gets a row in `event_reminders_sent` inserted in the same transaction as the
 * notification and the mail, so a retried, duplicated or restarted job never sends twice.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../../db/client.ts";
import { eventRegistrations, eventRemindersSent, programmeEvents } from "../../../db/schema/index.ts";
import { defineJob, enqueue } from "../../../server/jobs/queues.ts";
import type { AppServices } from "../../services.server.ts";
import { notifyParticipant } from "./notices.server.ts";

export const REMINDER_OFFSETS = { day: 24 * 3600_000, hour: 3600_000 } as const;
export type ReminderKindName = keyof typeof REMINDER_OFFSETS;

const ReminderData = z.object({ eventId: z.string().uuid(), kind: z.enum(["day", "hour"]), startsAt: z.string().datetime() });

/** Sends the due reminders of one event; returns how many participants were reminded now. */
export async function sendEventReminders(s: Pick<AppServices, "db" | "clock" | "jobs"> & Partial<Pick<AppServices, "config">>, data: z.infer<typeof ReminderData>): Promise<number> {
  const now = s.clock.now();
  const startsAt = new Date(data.startsAt);
  return s.db.transaction(async (tx) => {
    const [ev] = await tx.select({ status: programmeEvents.status, startsAt: programmeEvents.startsAt }).from(programmeEvents).where(eq(programmeEvents.id, data.eventId));
    if (!ev || ev.status !== "scheduled" || ev.startsAt.getTime() !== startsAt.getTime()) return 0;
    if (now.getTime() >= startsAt.getTime() || now.getTime() < startsAt.getTime() - REMINDER_OFFSETS[data.kind]) return 0;
    const people = await tx
      .select({ id: eventRegistrations.id, userId: eventRegistrations.userId })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, data.eventId), eq(eventRegistrations.status, "registered")));
    let sent = 0;
    for (const p of people) {
      const fresh = await tx.insert(eventRemindersSent).values({ registrationId: p.id, kind: data.kind, startsAt, sentAt: now }).onConflictDoNothing().returning({ id: eventRemindersSent.registrationId });
      if (!fresh.length) continue;
      await notifyParticipant(tx, s, { userId: p.userId, eventId: data.eventId, kind: data.kind === "day" ? "event.reminder.day" : "event.reminder.hour" });
      sent++;
    }
    return sent;
  });
}

export const EVENT_REMINDER_JOB = defineJob({
  name: "events.reminder",
  schema: ReminderData,
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  async run(data, services) {
    await sendEventReminders(services, data);
  },
});

/**
 * Enqueues the day-before and hour-before jobs for the event's start, inside the writing
 * transaction; marks already past are skipped.
 */
export async function scheduleEventReminders(tx: Tx, s: Pick<AppServices, "jobs" | "clock">, event: { id: string; startsAt: Date }): Promise<void> {
  const now = s.clock.now().getTime();
  for (const kind of ["day", "hour"] as const) {
    const due = event.startsAt.getTime() - REMINDER_OFFSETS[kind];
    if (due <= now) continue;
    await enqueue(tx, s, EVENT_REMINDER_JOB, { eventId: event.id, kind, startsAt: event.startsAt.toISOString() }, { startAfter: new Date(due) });
  }
}
