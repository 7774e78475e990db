/**
 * What the database holds after the fault, checked against what the clients were told: every
 * acknowledged write is there exactly once, and no write is there only in part (a post without its
 * event or its thread's counters, a registration without its event, seats over the capacity).
 */
import type postgres from "postgres";
import type { Write } from "./fault-clients.ts";
import type { FaultWorld } from "./fault-world.ts";

export interface FaultFindings {
  /** Acknowledged writes missing from the database. */
  lost: string[];
  /** Writes stored more than once (same person and client id, or two live registrations). */
  duplicated: string[];
  /** Writes stored in part, or counters that disagree with the rows. */
  partial: string[];
  /** Writes stored although no client was acknowledged for them (allowed: the answer was lost). */
  unacknowledgedStored: number;
  postsStored: number;
  registered: number;
  waitlisted: number;
}

/** Runs every check; each finding is a sentence that names the row. */
export async function checkDatabase(sql: postgres.Sql, world: FaultWorld, writes: Write[]): Promise<FaultFindings> {
  const f: FaultFindings = { lost: [], duplicated: [], partial: [], unacknowledgedStored: 0, postsStored: 0, registered: 0, waitlisted: 0 };
  const posts = await sql<{ id: string; author_id: string; client_id: string | null; seq: number }[]>`
    select id, author_id, client_id, seq from posts where thread_id = ${world.threadId} order by seq`;
  const events = await sql<{ seq: number; type: string; post_id: string | null }[]>`
    select seq::int, type, payload->>'postId' as post_id from events where stream = ${`thread:${world.threadId}`} order by seq`;
  const [thread] = await sql<{ post_count: number; last_post_seq: number }[]>`select post_count, last_post_seq from threads where id = ${world.threadId}`;
  const [head] = await sql<{ seq: number }[]>`select seq::int from streams where key = ${`thread:${world.threadId}`}`;
  f.postsStored = posts.length;

  const byClient = new Map<string, (typeof posts)[number][]>();
  for (const p of posts) if (p.client_id) byClient.set(`${p.author_id}/${p.client_id}`, [...(byClient.get(`${p.author_id}/${p.client_id}`) ?? []), p]);
  for (const w of writes.filter((x) => x.kind !== "registration")) {
    const stored = byClient.get(`${w.person.id}/${w.clientId}`) ?? [];
    if (stored.length > 1) f.duplicated.push(`${w.kind} ${w.clientId} stored ${stored.length} times`);
    if (w.acked && stored.length === 0) f.lost.push(`${w.kind} ${w.clientId} acknowledged as ${w.postId} but not stored`);
    if (w.acked && stored.length === 1 && stored[0]!.id !== w.postId) f.lost.push(`${w.kind} ${w.clientId} acknowledged as ${w.postId}, stored as ${stored[0]!.id}`);
    if (!w.acked && stored.length) f.unacknowledgedStored++;
  }
  // Every post has exactly one post.created (the opening post: thread.created) and the counters agree.
  const created = new Map<string, number>();
  for (const e of events) if (e.post_id && (e.type === "post.created" || e.type === "thread.created")) created.set(e.post_id, (created.get(e.post_id) ?? 0) + 1);
  for (const p of posts) if (created.get(p.id) !== 1) f.partial.push(`post ${p.id} has ${created.get(p.id) ?? 0} creation events`);
  for (const id of created.keys()) if (!posts.some((p) => p.id === id)) f.partial.push(`event names post ${id}, which is not stored`);
  posts.forEach((p, i) => p.seq !== i + 1 && f.partial.push(`post seq ${p.seq} at position ${i + 1}: a gap or a repeat`));
  events.forEach((e, i) => e.seq !== i + 1 && f.partial.push(`event seq ${e.seq} at position ${i + 1}: a gap or a repeat`));
  if (thread?.post_count !== posts.length) f.partial.push(`thread post_count ${thread?.post_count} ≠ ${posts.length} posts`);
  if (thread?.last_post_seq !== posts.length) f.partial.push(`thread last_post_seq ${thread?.last_post_seq} ≠ ${posts.length}`);
  if (head?.seq !== events.length) f.partial.push(`stream head ${head?.seq} ≠ ${events.length} events`);

  const regs = await sql<{ user_id: string; status: string }[]>`select user_id, status from event_registrations where event_id = ${world.eventId}`;
  const regEvents = await sql<{ user_id: string; type: string }[]>`select payload->>'userId' as user_id, type from events where stream = ${`event:${world.eventId}`}`;
  const [ev] = await sql<{ registered_count: number; waitlist_count: number; capacity: number }[]>`select registered_count, waitlist_count, capacity from programme_events where id = ${world.eventId}`;
  f.registered = regs.filter((r) => r.status === "registered").length;
  f.waitlisted = regs.filter((r) => r.status === "waitlisted").length;
  for (const w of writes.filter((x) => x.kind === "registration")) {
    const mine = regs.filter((r) => r.user_id === w.person.id && r.status !== "cancelled");
    if (mine.length > 1) f.duplicated.push(`registration of ${w.person.id} stored ${mine.length} times`);
    if (w.acked && mine.length === 0) f.lost.push(`registration of ${w.person.id} acknowledged (${w.registration}) but not stored`);
    if (w.acked && mine.length === 1 && w.registration !== "already" && mine[0]!.status !== w.registration) f.lost.push(`registration of ${w.person.id} acknowledged as ${w.registration}, stored as ${mine[0]!.status}`);
    if (!w.acked && mine.length) f.unacknowledgedStored++;
    const told = regEvents.filter((e) => e.user_id === w.person.id && e.type.startsWith("registration."));
    if (told.length !== mine.length) f.partial.push(`registration of ${w.person.id}: ${mine.length} rows, ${told.length} events`);
  }
  if (f.registered > world.capacity) f.partial.push(`${f.registered} registered on ${world.capacity} seats`);
  if (f.waitlisted > 0 && f.registered < world.capacity) f.partial.push(`${f.waitlisted} waiting while ${world.capacity - f.registered} seats are free`);
  if (ev?.registered_count !== f.registered || ev?.waitlist_count !== f.waitlisted) f.partial.push(`event counters ${ev?.registered_count}/${ev?.waitlist_count} ≠ rows ${f.registered}/${f.waitlisted}`);
  return f;
}
