/**
 * What the fault test writes into: people with sessions (members of an open demo community), a
 * thread they reply in and an event with fewer seats than registrants, on the server's own database.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import type { Executor } from "../../db/client.ts";
import { communities, communityMembers, programmeEvents, programmeEventSessions } from "../../db/schema/index.ts";
import { createSession, SESSION_COOKIE } from "../../app/features/accounts/sessions.server.ts";
import { bodyOf, regionId } from "../factories/events.ts";
import { makePerson } from "../factories/people.ts";

export const COMMUNITY = "formiruyushchee-otsenivanie";

export interface Person {
  id: string;
  cookie: string;
  /** A client address of their own, so per-address throttles apply per person (TRUST_PROXY=loopback). */
  ip: string;
}

export interface FaultWorld {
  base: string;
  people: Person[];
  threadId: string;
  eventId: string;
  capacity: number;
}

export const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
export const newClientId = () => `ops${crypto.randomBytes(9).toString("hex")}`;

/** A form post as a browser without JavaScript sends it; redirects are not followed. */
export function postForm(base: string, path: string, person: Person, fields: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    signal,
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", Cookie: person.cookie, "X-Forwarded-For": person.ip },
    body: new URLSearchParams(fields),
  });
}

/** A socket of a person (or a guest) that reconnects by itself, as the site's client does. */
export async function openSocket(base: string, person: Person | null): Promise<Socket> {
  const socket = connect(base, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    extraHeaders: { Origin: base, ...(person ? { Cookie: person.cookie } : {}) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** `n` people who may post in the community and register for the event; a thread; the event. */
export async function prepareWorld(base: string, ex: Executor, n: number, capacity: number): Promise<FaultWorld> {
  const now = new Date();
  const [community] = await ex.select({ id: communities.id }).from(communities).where(eq(communities.slug, COMMUNITY));
  if (!community) throw new Error(`demo community ${COMMUNITY} is missing`);
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const id = await makePerson(ex, { name: `Участник проверки отказов ${i + 1}`, email: `ops.fault.${i + 1}.${crypto.randomBytes(3).toString("hex")}@school.example` });
    await ex.insert(communityMembers).values({ communityId: community.id, userId: id, role: "member", status: "active", requestedAt: now, joinedAt: now });
    const { token } = await createSession(ex, id, "fault test", now);
    people.push({ id, cookie: `${SESSION_COOKIE}=${token}`, ip: `10.66.${Math.floor(i / 250)}.${(i % 250) + 1}` });
  }
  const started = await postForm(base, `/communities/${COMMUNITY}`, people[0]!, { intent: "thread", title: `Проверка отказов ${now.toISOString()}`, bodyText: "Первое сообщение темы проверки отказов.", clientId: newClientId() });
  const threadId = /\/threads\/([0-9a-f-]{36})/.exec(started.headers.get("location") ?? "")?.[1];
  if (!threadId) throw new Error(`thread not created: ${started.status}`);

  const instituteId = await bodyOf(ex, "75", "institute");
  const chita = await regionId(ex, "75");
  const startsAt = new Date(now.getTime() + 30 * 24 * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000);
  const [event] = await ex
    .insert(programmeEvents)
    .values({ title: "Вебинар проверки отказов", titleSort: "вебинар проверки отказов", type: "webinar", format: "online", summary: "Регистрация во время отказа базы данных.", programme: { type: "doc", content: [] }, programmeHtml: "", onlineUrl: "https://example.org/faults", organisationId: instituteId, regionId: chita, timeZone: "Asia/Chita", audience: "open", capacity, startsAt, endsAt, createdAt: now, updatedAt: now })
    .returning({ id: programmeEvents.id });
  await ex.insert(programmeEventSessions).values({ eventId: event!.id, position: 0, startsAt, endsAt });
  return { base, people, threadId, eventId: event!.id, capacity };
}
