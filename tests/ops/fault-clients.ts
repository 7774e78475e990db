/**
 * Clients of the fault test, behaving as the site's own clients do: a reply form (no JavaScript)
 * and a socket `post:create` both carry a client id and are retried with the SAME id until the
 * server acknowledges them; a registration form is retried until it redirects with the outcome
 * or answers «already registered» (the first attempt committed, its answer was lost).
 */
import type { Socket } from "socket.io-client";
import { EVENT_ERRORS } from "../../app/features/events/strings.ts";
import { doc, newClientId, postForm, type FaultWorld, type Person } from "./fault-world.ts";

export type WriteKind = "socket post" | "form post" | "registration";

export interface Write {
  kind: WriteKind;
  person: Person;
  clientId?: string;
  attempts: number;
  /** Answers that were not an acknowledgement, by what came back (status, error text, timeout). */
  failures: Map<string, number>;
  acked: boolean;
  /** When the acknowledgement arrived (performance.now()). */
  ackedAt?: number;
  postId?: string;
  registration?: "registered" | "waitlisted" | "already";
  /** A refusal that retrying cannot change (a 4xx with a reason): recorded, never retried. */
  refused?: string;
}

export interface RetryPolicy {
  /** performance.now() after which a write gives up. */
  deadline: number;
  /** Called after every acknowledgement with the number acknowledged so far. */
  onAck(count: number): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(1500, 100 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random());
const bump = (w: Write, why: string) => w.failures.set(why, (w.failures.get(why) ?? 0) + 1);

type Answer = { ack: true; postId?: string; registration?: Write["registration"] } | { ack: false; why: string; final?: boolean };

async function formPostOnce(world: FaultWorld, w: Write): Promise<Answer> {
  const res = await postForm(world.base, `/threads/${world.threadId}`, w.person, { intent: "reply", clientId: w.clientId!, bodyText: `Ответ формой во время отказа (${w.clientId}).` }, AbortSignal.timeout(10_000));
  const postId = /#post-([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")?.[1];
  await res.body?.cancel();
  if (res.status >= 300 && res.status < 400 && postId) return { ack: true, postId };
  return { ack: false, why: `HTTP ${res.status}`, final: res.status >= 400 && res.status < 500 && res.status !== 429 };
}

async function registerOnce(world: FaultWorld, w: Write): Promise<Answer> {
  const res = await postForm(world.base, `/events/${world.eventId}`, w.person, { intent: "register" }, AbortSignal.timeout(10_000));
  const done = /[?&]done=(registered|waitlisted)/.exec(res.headers.get("location") ?? "")?.[1] as "registered" | "waitlisted" | undefined;
  const text = res.status === 400 ? await res.text() : (await res.body?.cancel(), "");
  if (res.status >= 300 && res.status < 400 && done) return { ack: true, registration: done };
  if (res.status === 400 && text.includes(EVENT_ERRORS.alreadyRegistered)) return { ack: true, registration: "already" };
  return { ack: false, why: `HTTP ${res.status}`, final: res.status >= 400 && res.status < 500 && res.status !== 429 };
}

async function socketPostOnce(world: FaultWorld, w: Write, socket: Socket): Promise<Answer> {
  if (!socket.connected) return { ack: false, why: "socket disconnected" };
  const reply = (await socket
    .timeout(10_000)
    .emitWithAck("post:create", { clientId: w.clientId!, threadId: world.threadId, body: doc(`Ответ по сокету во время отказа (${w.clientId}).`) })
    .catch(() => ({ ok: false, error: "ack timeout" }))) as { ok: boolean; postId?: string; error?: string };
  if (reply.ok && reply.postId) return { ack: true, postId: reply.postId };
  return { ack: false, why: reply.error ?? "no answer" };
}

/** One write, retried with the same client id until acknowledged, refused or out of time. */
async function drive(world: FaultWorld, w: Write, once: () => Promise<Answer>, policy: RetryPolicy, acked: { n: number }): Promise<void> {
  while (performance.now() < policy.deadline) {
    w.attempts++;
    let answer: Answer;
    try {
      answer = await once();
    } catch (error) {
      answer = { ack: false, why: (error as Error).name === "TimeoutError" ? "HTTP timeout" : "connection error" };
    }
    if (answer.ack) {
      Object.assign(w, { acked: true, ackedAt: performance.now(), postId: answer.postId, registration: answer.registration });
      policy.onAck(++acked.n);
      return;
    }
    bump(w, answer.why);
    if (answer.final) {
      w.refused = answer.why;
      return;
    }
    await sleep(backoff(w.attempts));
  }
}

/**
 * Fires every write at once: socket posts from the first `socketPosts` people (one socket each),
 * form posts from the next `formPosts`, and a registration from each of the first `registrations`.
 * Resolves when every write is acknowledged, refused or past the deadline.
 */
export async function fireWrites(world: FaultWorld, sockets: Socket[], counts: { socketPosts: number; formPosts: number; registrations: number }, policy: RetryPolicy): Promise<Write[]> {
  const writes: Write[] = [];
  const make = (kind: WriteKind, person: Person, clientId?: string): Write => ({ kind, person, clientId, attempts: 0, failures: new Map(), acked: false });
  const acked = { n: 0 };
  const jobs: Promise<void>[] = [];
  for (let i = 0; i < counts.socketPosts; i++) {
    const w = make("socket post", world.people[i]!, newClientId());
    writes.push(w);
    jobs.push(drive(world, w, () => socketPostOnce(world, w, sockets[i]!), policy, acked));
  }
  for (let i = counts.socketPosts; i < counts.socketPosts + counts.formPosts; i++) {
    const w = make("form post", world.people[i]!, newClientId());
    writes.push(w);
    jobs.push(drive(world, w, () => formPostOnce(world, w), policy, acked));
  }
  for (let i = 0; i < counts.registrations; i++) {
    const w = make("registration", world.people[i]!);
    writes.push(w);
    jobs.push(drive(world, w, () => registerOnce(world, w), policy, acked));
  }
  await Promise.all(jobs);
  return writes;
}
