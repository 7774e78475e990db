/**
 * What a participant is told about an event (promotion, reminders, a move, a cancellation): one
 * in-app notification and the mail their setting asks for, both inside the caller's transaction, with the times in the
 * person's own zone and the organiser's after it.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { programmeEvents, regions, users } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import { notify } from "../notifications/commands.server.ts";
import { personTimeZone } from "../profiles/queries.server.ts";
import { formatEventRange } from "../../utils/datetime.ts";
import { defaultCityOf, MOSCOW_TIME_ZONE } from "../../utils/timezones.ts";

export type ParticipantNoticeKind = "event.promoted" | "event.reminder.day" | "event.reminder.hour" | "event.moved" | "event.cancelled";

const TEXT: Record<ParticipantNoticeKind, { subject: (title: string) => string; lead: string }> = {
  "event.promoted": { subject: (t) => `Для вас освободилось место: «${t}»`, lead: "Освободилось место, и вы переведены из листа ожидания в участники мероприятия." },
  "event.reminder.day": { subject: (t) => `Завтра: «${t}»`, lead: "Напоминаем: мероприятие, на которое вы зарегистрированы, начнётся через сутки." },
  "event.reminder.hour": { subject: (t) => `Через час: «${t}»`, lead: "Напоминаем: мероприятие, на которое вы зарегистрированы, начнётся через час." },
  "event.moved": { subject: (t) => `Изменилось время: «${t}»`, lead: "Организатор изменил время мероприятия, на которое вы записаны." },
  "event.cancelled": { subject: (t) => `Мероприятие отменено: «${t}»`, lead: "Организатор отменил мероприятие, на которое вы записаны." },
};

type NoticeServices = Pick<AppServices, "clock" | "jobs"> & Partial<Pick<AppServices, "config">>;

/** Notifies one participant in-app and (as their setting says) by mail, inside the caller's transaction. */
export async function notifyParticipant(tx: Tx, s: NoticeServices, n: { userId: string; eventId: string; kind: ParticipantNoticeKind }): Promise<void> {
  const [row] = await tx
    .select({ title: programmeEvents.title, startsAt: programmeEvents.startsAt, endsAt: programmeEvents.endsAt, timeZone: programmeEvents.timeZone, capital: regions.capital, venue: programmeEvents.venue, format: programmeEvents.format })
    .from(programmeEvents)
    .innerJoin(regions, eq(regions.id, programmeEvents.regionId))
    .where(eq(programmeEvents.id, n.eventId));
  const [person] = await tx.select({ name: users.name, email: users.email, status: users.status }).from(users).where(eq(users.id, n.userId));
  if (!row || !person || person.status !== "active") return;
  const zone = (await personTimeZone(tx, n.userId)) ?? MOSCOW_TIME_ZONE;
  const when = formatEventRange(row.startsAt, row.endsAt, { timeZone: zone, city: defaultCityOf(zone) }, { timeZone: row.timeZone, city: row.capital });
  const text = TEXT[n.kind];
  const href = `/events/${n.eventId}`;
  const origin = s.config?.allowedOrigins[0] ?? "";
  const place = row.format !== "online" && row.venue ? `Где: ${row.venue}` : row.format !== "offline" ? "Ссылка на трансляцию — на странице мероприятия." : undefined;
  await notify(tx, s, {
    userId: n.userId,
    kind: n.kind,
    payload: { title: row.title, text: `${text.subject(row.title)}. ${when}` },
    href,
    mail: { template: "event-notice", data: { name: person.name, subject: text.subject(row.title), lead: text.lead, title: row.title, when, place, link: `${origin}${href}` } },
  });
}
