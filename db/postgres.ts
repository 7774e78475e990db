/**
 * The PostgreSQL side of `openDatabase`: a node-postgres pool that survives the server going
 * away (crash, restart, failover) and a LISTEN connection that comes back by itself.
 *
 * Why node-postgres and not postgres.js (see docs/decisions/019): postgres.js 3.4.9 defers small
 * writes to a `setImmediate` that dereferences a socket a crash has already nulled (the process
 * dies with an uncatchable TypeError, its own transaction ROLLBACK being such a write), and it
 * leaves the connection's write timer set, so that connection never flushes again.
 */
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "./schema/index.ts";

export interface Subscriber {
  onPayload(payload: string): void;
  /** Called when the connection was lost and LISTEN is back: notifications in between are gone. */
  onReconnect?(): void;
}

export interface Listener {
  listen(channel: string, subscriber: Subscriber): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * A dedicated LISTEN connection (never from the pool: it stays checked out for ever). When it
 * drops it reconnects with a short capped backoff, LISTENs again on every channel and tells the
 * subscribers, who catch up on what they missed.
 */
export function createListener(connectionString: string, onError: (err: Error) => void = () => {}): Listener {
  const channels = new Map<string, Set<Subscriber>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let closed = false;

  const lost = (c: pg.Client, err?: Error) => {
    if (client !== c) return;
    client = null;
    if (err) onError(err);
    c.end().catch(() => {});
    schedule();
  };

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString, application_name: "most-listen", keepAlive: true });
    // Always heard: an unheard 'error' on a pg client ends the process.
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c));
    c.on("notification", (msg) => {
      for (const s of channels.get(msg.channel) ?? []) s.onPayload(msg.payload ?? "");
    });
    try {
      await c.connect();
      for (const channel of channels.keys()) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      c.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await c.end().catch(() => {});
      throw new Error("listener closed");
    }
    client = c;
    return c;
  }

  function schedule() {
    if (closed || timer) return;
    const delay = Math.min(2000, 100 * 2 ** attempt++);
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          attempt = 0;
          for (const subs of channels.values()) for (const s of subs) s.onReconnect?.();
        },
        () => schedule(),
      );
    }, delay);
  }

  const ready = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => (connecting = null));
    return connecting;
  };

  return {
    async listen(channel, subscriber) {
      const subs = channels.get(channel) ?? new Set<Subscriber>();
      const fresh = !channels.has(channel);
      subs.add(subscriber);
      channels.set(channel, subs);
      const wasConnected = client !== null;
      const c = await ready();
      // A new connection LISTENs on every channel already; an existing one learns the new channel.
      if (fresh && wasConnected) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        subs.delete(subscriber);
        if (subs.size || !channels.has(channel)) return;
        channels.delete(channel);
        await client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/**
 * The app's pool. A pooled client that dies while idle is dropped by the pool; one that dies while
 * checked out (inside a transaction) emits 'error', which ends the process unless someone listens:
 * every client gets a listener here, and the failing query rejects as usual.
 */
export function createPool(connectionString: string, max: number, onError: (err: Error) => void = () => {}) {
  const pool = new pg.Pool({ connectionString, max, application_name: "most", connectionTimeoutMillis: 10_000 });
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  const db = drizzle({ client: pool, schema });
  return { pool, db };
}

const TIME_TYPES = new Set([1082, 1114, 1184]); // date, timestamp, timestamptz

/**
 * Raw SQL results of node-postgres as the other engines give them: drizzle keeps date and time
 * columns of raw queries as strings, PGlite (and the code written for it) returns Date objects.
 */
export function normalizeRows<T>(result: { rows: T[]; fields?: { name: string; dataTypeID: number }[] }): T[] {
  const times = (result.fields ?? []).filter((f) => TIME_TYPES.has(f.dataTypeID)).map((f) => f.name);
  if (!times.length) return result.rows;
  for (const row of result.rows as Record<string, unknown>[]) {
    for (const name of times) if (typeof row[name] === "string") row[name] = new Date(row[name] as string);
  }
  return result.rows;
}
