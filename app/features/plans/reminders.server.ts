/**
 * Reminders to an activity's responsible people a week before its term ends and on the day, at
 * 09:00 in the owner's zone. Assigning a person or changing the term enqueues one job per mark
 * (pg-boss `startAfter`, business clock); marks already past are skipped. The job re-reads the
 * activity and skips when the term moved (the move enqueued fresh jobs) or the activity is done or
 * cancelled. Each person gets a row in `plan_reminders_sent` in the same transaction as the
 * notification and the mail, so a retried or duplicated job never sends twice.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../../db/client.ts";
import { planItemPeople, planItems, planRemindersSent, plans, users } from "../../../db/schema/index.ts";
import { defineJob, enqueue } from "../../../server/jobs/queues.ts";
import type { AppServices } from "../../services.server.ts";
import { notify } from "../notifications/commands.server.ts";
import { formatDate, localDateKey, parseLocalDateTime } from "../../utils/datetime.ts";
import { addDays } from "./terms.ts";

export const REMINDER_MARKS = { week: 7, day: 0 } as const;
export type PlanReminderKind = keyof typeof REMINDER_MARKS;

const ReminderData = z.object({ itemId: z.string().uuid(), kind: z.enum(["week", "day"]), termEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

const TEXT: Record<PlanReminderKind, { subject: (t: string) => string; lead: string }> = {
  week: { subject: (t) => `Через неделю срок: «${t}»`, lead: "Напоминаем: через неделю заканчивается срок мероприятия плана, за которое вы отвечаете." },
  day: { subject: (t) => `Сегодня срок: «${t}»`, lead: "Напоминаем: сегодня заканчивается срок мероприятия плана, за которое вы отвечаете." },
};

/** The instant of a mark: 09:00 in the zone on the day `days` before the term's end. */
export const markAt = (termEnd: string, kind: PlanReminderKind, timeZone: string) => parseLocalDateTime(`${addDays(termEnd, -REMINDER_MARKS[kind])}T09:00`, timeZone);

type JobServices = Pick<AppServices, "db" | "clock" | "jobs"> & Partial<Pick<AppServices, "config">>;

/** Sends one mark's reminders of an activity; returns how many people were reminded now. */
export async function sendPlanReminders(s: JobServices, data: z.infer<typeof ReminderData>): Promise<number> {
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [row] = await tx.select({ item: planItems, plan: { id: plans.id, title: plans.title, timeZone: plans.timeZone } }).from(planItems).innerJoin(plans, eq(plans.id, planItems.planId)).where(eq(planItems.id, data.itemId));
    if (!row || row.item.termEnd !== data.termEnd || row.item.status === "done" || row.item.status === "cancelled") return 0;
    if (now.getTime() < markAt(data.termEnd, data.kind, row.plan.timeZone).getTime()) return 0;
    const people = await tx.select({ id: users.id, name: users.name, email: users.email, status: users.status }).from(planItemPeople).innerJoin(users, eq(users.id, planItemPeople.userId)).where(eq(planItemPeople.itemId, data.itemId));
    const text = TEXT[data.kind];
    const href = `/plans/${row.plan.id}/items/${data.itemId}`;
    const term = formatDate(parseLocalDateTime(`${data.termEnd}T12:00`, row.plan.timeZone), row.plan.timeZone);
    let sent = 0;
    for (const p of people) {
      if (p.status !== "active") continue;
      const fresh = await tx.insert(planRemindersSent).values({ itemId: data.itemId, userId: p.id, kind: data.kind, termEnd: data.termEnd, sentAt: now }).onConflictDoNothing().returning({ itemId: planRemindersSent.itemId });
      if (!fresh.length) continue;
      const origin = s.config?.allowedOrigins[0] ?? "";
      await notify(tx, s, {
        userId: p.id,
        kind: `plan.reminder.${data.kind}`,
        payload: { title: row.item.title, text: `${text.subject(row.item.title)}. Срок — ${term}` },
        href,
        mail: { template: "plan-reminder", data: { name: p.name, subject: text.subject(row.item.title), lead: text.lead, title: row.item.title, plan: row.plan.title, term, link: `${origin}${href}` } },
      });
      sent++;
    }
    return sent;
  });
}

export const PLAN_REMINDER_JOB = defineJob({
  name: "plans.reminder",
  schema: ReminderData,
  options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  async run(data, services) {
    await sendPlanReminders(services, data);
  },
});

/** Enqueues the week-before and on-the-day jobs of an activity's term end, inside the writing transaction. */
export async function schedulePlanReminders(tx: Tx, s: Pick<AppServices, "jobs" | "clock">, item: { id: string; termEnd: string | null }, timeZone: string): Promise<void> {
  if (!item.termEnd) return;
  const now = s.clock.now().getTime();
  const [anyone] = await tx.select({ userId: planItemPeople.userId }).from(planItemPeople).where(and(eq(planItemPeople.itemId, item.id))).limit(1);
  if (!anyone) return;
  for (const kind of ["week", "day"] as const) {
    const due = markAt(item.termEnd, kind, timeZone);
    // The on-the-day mark stays due all day: a person assigned at noon of the last day is still told.
    if (due.getTime() <= now && !(kind === "day" && localDateKey(new Date(now), timeZone) === item.termEnd)) continue;
    await enqueue(tx, s, PLAN_REMINDER_JOB, { itemId: item.id, kind, termEnd: item.termEnd }, { startAfter: due.getTime() > now ? due : new Date(now) });
  }
}
