/**
 * What the event pages show, assembled on the server: the event with its sessions in the viewer's
 * zone (organiser's after it), the viewer's registration and permissions; the organiser's
 * participant list (people through loadPeople); the values of the edit form.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { data } from "react-router";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations, programmeEventCommunities, programmeEventPractices, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { formatDateTime, formatEventRange, toLocalDateTimeInput } from "../../utils/datetime.ts";
import { zoneLabel } from "../../utils/timezones.ts";
import { countRu } from "../../utils/plural.ts";
import { canManageEvent, canSeeOnlineLink, registrationRefusal, requireEventManager, type EventViewerFacts } from "./policy.server.ts";
import { eventLinks, formChoices, liveRegistration, loadEvent, organiserChoices, questionsOf, sessionsOf, type LoadedEvent } from "./queries.server.ts";
import { questionLines } from "./schemas.ts";
import { AUDIENCE_LABELS, EVENT_ERRORS, FORMAT_LABELS, PARTICIPANTS, PEOPLE_WAITING, SEATS, TYPE_LABELS } from "./strings.ts";

/** The event or a Russian 404. */
export async function eventOr404(ex: Executor, id: string): Promise<LoadedEvent> {
  const loaded = /^[0-9a-f-]{36}$/i.test(id) ? await loadEvent(ex, id) : null;
  if (!loaded) throw data(EVENT_ERRORS.notFound, { status: 404 });
  return loaded;
}

/** The event page for the viewer. */
export async function loadEventPage(ex: Executor, viewer: Viewer, facts: EventViewerFacts, input: { id: string; zone: ViewerZone; now: Date }) {
  const e = await eventOr404(ex, input.id);
  const ev = e.event;
  const [sessions, questions, links, mine] = await Promise.all([sessionsOf(ex, [ev.id]), questionsOf(ex, ev.id), eventLinks(ex, ev.id), viewer.id ? liveRegistration(ex, ev.id, viewer.id) : null]);
  const manage = canManageEvent(viewer, e.access, facts);
  const refusal = registrationRefusal(viewer, e.access, facts, input.now);
  let waitPosition: number | null = null;
  if (mine?.status === "waitlisted") {
    const ahead = await ex
      .select({ id: eventRegistrations.id, at: eventRegistrations.waitlistedAt })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, ev.id), eq(eventRegistrations.status, "waitlisted")))
      .orderBy(asc(eventRegistrations.waitlistedAt), asc(eventRegistrations.id));
    waitPosition = ahead.findIndex((a) => a.id === mine.id) + 1;
  }
  const left = ev.capacity === null ? null : Math.max(0, ev.capacity - ev.registeredCount);
  const organiserZone = e.organiserZone;
  return {
    event: {
      id: ev.id,
      title: ev.title,
      type: TYPE_LABELS[ev.type],
      format: FORMAT_LABELS[ev.format],
      audience: AUDIENCE_LABELS[ev.audience],
      summary: ev.summary,
      programmeHtml: ev.programmeHtml,
      venue: ev.venue,
      onlineUrl: canSeeOnlineLink(viewer, e.access, facts, mine?.status ?? null) ? ev.onlineUrl : null,
      hasOnline: ev.format !== "offline",
      organisation: { id: e.org.id, name: e.org.shortName },
      organiserZone: zoneLabel(organiserZone.timeZone, organiserZone.city, ev.startsAt),
      speakers: ev.speakers,
      cancelled: ev.status === "cancelled",
      past: ev.endsAt <= input.now,
      when: formatEventRange(ev.startsAt, ev.endsAt, input.zone, organiserZone),
      sessions: sessions.map((x, i) => ({ id: x.id, label: sessions.length > 1 ? `День ${i + 1}` : "Время", when: formatEventRange(x.startsAt, x.endsAt, input.zone, organiserZone) })),
      seats: ev.capacity === null ? "Без ограничения числа мест" : left! > 0 ? `Свободно ${countRu(left!, SEATS)} из ${ev.capacity}` : `Все ${countRu(ev.capacity, SEATS)} заняты`,
      registered: countRu(ev.registeredCount, PARTICIPANTS),
      waiting: ev.waitlistCount > 0 ? `В листе ожидания: ${countRu(ev.waitlistCount, PEOPLE_WAITING)}` : null,
      full: left === 0,
    },
    links,
    questions,
    me: { signedIn: Boolean(viewer.id), status: mine?.status ?? null, waitPosition },
    can: { manage, register: refusal === null && !mine, refusal: mine ? null : refusal },
    zone: { label: input.zone.label, source: input.zone.source },
  };
}

/** The organiser's participant list: registered, then waiting in order; answers by question. */
export async function loadParticipants(ex: Executor, viewer: Viewer, facts: EventViewerFacts, input: { id: string; zone: ViewerZone }) {
  const e = await eventOr404(ex, input.id);
  requireEventManager(viewer, e.access, facts);
  const [questions, rows] = await Promise.all([
    questionsOf(ex, e.event.id),
    ex
      .select({ userId: eventRegistrations.userId, status: eventRegistrations.status, answers: eventRegistrations.answers, createdAt: eventRegistrations.createdAt, registeredAt: eventRegistrations.registeredAt, waitlistedAt: eventRegistrations.waitlistedAt, promotedAt: eventRegistrations.promotedAt, email: users.email })
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .where(and(eq(eventRegistrations.eventId, e.event.id), ne(eventRegistrations.status, "cancelled")))
      .orderBy(asc(eventRegistrations.status), asc(eventRegistrations.registeredAt), asc(eventRegistrations.waitlistedAt), asc(eventRegistrations.id)),
  ]);
  const people = await loadPeople(ex, viewer, rows.map((r) => r.userId));
  const participants = rows.map((r) => {
    const person = people.get(r.userId)!;
    return {
      userId: r.userId,
      name: person.name,
      href: person.href,
      organisation: person.organisation?.name ?? null,
      position: person.position,
      // The organiser sees addresses to reach participants (the person agreed by registering).
      email: person.deleted ? null : r.email,
      status: r.status as "registered" | "waitlisted",
      at: formatDateTime(r.createdAt, input.zone),
      promoted: r.promotedAt !== null,
      answers: questions.map((q) => r.answers[q.id] ?? ""),
    };
  });
  return { event: { id: e.event.id, title: e.event.title }, questions: questions.map((q) => q.label), participants };
}

/** The edit form's values, times in the organiser's zone. */
export async function loadEventForEdit(ex: Executor, viewer: Viewer, facts: EventViewerFacts, id: string) {
  const e = await eventOr404(ex, id);
  requireEventManager(viewer, e.access, facts);
  const ev = e.event;
  const [sessions, questions, invited, linked] = await Promise.all([
    sessionsOf(ex, [ev.id]),
    questionsOf(ex, ev.id),
    ex.select({ id: programmeEventCommunities.communityId }).from(programmeEventCommunities).where(eq(programmeEventCommunities.eventId, ev.id)),
    ex.select({ id: programmeEventPractices.practiceId }).from(programmeEventPractices).where(eq(programmeEventPractices.eventId, ev.id)),
  ]);
  const values: Record<string, string> = {
    title: ev.title,
    type: ev.type,
    format: ev.format,
    summary: ev.summary,
    onlineUrl: ev.onlineUrl ?? "",
    venue: ev.venue ?? "",
    organisationId: ev.organisationId,
    audience: ev.audience,
    audienceRegionId: ev.audienceRegionId ?? "",
    capacity: ev.capacity === null ? "" : String(ev.capacity),
    speakers: ev.speakers.map((x) => (x.about ? `${x.name} — ${x.about}` : x.name)).join("\n"),
    questions: questionLines(questions),
  };
  sessions.forEach((x, i) => {
    const start = toLocalDateTimeInput(x.startsAt, ev.timeZone);
    values[`session${i}Date`] = start.slice(0, 10);
    values[`session${i}Start`] = start.slice(11);
    values[`session${i}End`] = toLocalDateTimeInput(x.endsAt, ev.timeZone).slice(11);
  });
  return { id: ev.id, title: ev.title, cancelled: ev.status === "cancelled", values, programme: ev.programme, communityIds: invited.map((x) => x.id), practiceIds: linked.map((x) => x.id) };
}


/** What the organiser's form offers: organisations (with their zone labels) and the lists. */
export async function loadFormOptions(ex: Executor, viewer: Viewer, facts: EventViewerFacts, now: Date) {
  const [orgs, choices] = await Promise.all([organiserChoices(ex, viewer, facts), formChoices(ex)]);
  return { organisations: orgs.map((o) => ({ id: o.id, name: o.name, regionName: o.regionName, zoneLabel: zoneLabel(o.timeZone, o.capital, now) })), choices };
}
