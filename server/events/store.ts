import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Tx } from "../../db/client.ts";
import { events, streams } from "../../db/schema/index.ts";

/** The channel every node listens on; the payload names a committed event. */
export const EVENTS_CHANNEL = "most_events";

/** Stream keys: "<kind>:<id>", e.g. "thread:0b7c…", "user:…". */
export const StreamKey = z
  .string()
  .min(3)
  .max(120)
  .regex(/^[a-z][a-z_]*:[A-Za-z0-9_-]+$/, "bad stream key");

export interface StoredEvent {
  stream: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

export interface NewEvent {
  stream: string;
  type: string;
  payload: Record<string, unknown>;
  actorId?: string | null;
  /** Business time from the clock module. */
  at: Date;
}

/**
 * Appends an event inside the caller's transaction: takes the stream's next sequence number under
 * its row lock, stores the event and queues a notification that PostgreSQL delivers only if the
 * transaction commits. Call it with the same `tx` as the write the event describes.
 */
export async function appendEvent(tx: Tx, event: NewEvent): Promise<{ stream: string; seq: number }> {
  StreamKey.parse(event.stream);
  const [row] = await tx
    .insert(streams)
    .values({ key: event.stream, seq: 1, updatedAt: event.at })
    .onConflictDoUpdate({ target: streams.key, set: { seq: sql`${streams.seq} + 1`, updatedAt: event.at } })
    .returning({ seq: streams.seq });
  const seq = Number(row!.seq);
  await tx.insert(events).values({ stream: event.stream, seq, type: event.type, payload: event.payload, actorId: event.actorId ?? null, at: event.at });
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ stream: event.stream, seq })})`);
  return { stream: event.stream, seq };
}

/** Events of a stream after sequence `after`, in order (catch-up after a reconnect). */
export async function readEventsAfter(ex: Executor, stream: string, after: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await ex
    .select({ stream: events.stream, seq: events.seq, type: events.type, payload: events.payload, at: events.at })
    .from(events)
    .where(and(eq(events.stream, stream), gt(events.seq, after)))
    .orderBy(asc(events.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), at: r.at.toISOString() }));
}

/** The last sequence number of a stream (0 when it has no events yet). */
export async function streamHead(ex: Executor, stream: string): Promise<number> {
  const [row] = await ex.select({ seq: streams.seq }).from(streams).where(eq(streams.key, stream));
  return row ? Number(row.seq) : 0;
}
