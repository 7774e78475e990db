import type { Server as SocketServer } from "socket.io";
import type pgModule from "pg";
import type { AppServices } from "../../app/services.server.ts";
import type { Logger } from "../log.ts";

/**
 * What the postgres adapter is given instead of its pool: queries (NOTIFY, attachments) go to the
 * pool, and its one long-lived LISTEN connection is a client of its own. The adapter checks that
 * connection out with `pool.connect()` and listens only for its `end`: with no `error` listener a
 * PostgreSQL crash was an unhandled `error` event that ended the whole process, and the dead
 * client was never released, so the pool (max 2) filled up with corpses after a restart. Here the
 * client has an `error` listener, and "releasing" it ends it; the adapter reconnects on `end`.
 */
function listenerSource(pg: typeof pgModule, pool: pgModule.Pool, connectionString: string, log: Logger) {
  return {
    query: pool.query.bind(pool),
    async connect() {
      const client = new pg.Client({ connectionString, application_name: "most-sockets-listen" });
      client.on("error", (err) => log.warn({ err: { message: err.message } }, "postgres adapter: LISTEN connection lost; reconnecting"));
      try {
        await client.connect();
      } catch (error) {
        client.end().catch(() => {});
        throw error;
      }
      return Object.assign(client, { release: () => void client.end().catch(() => {}) });
    },
  };
}

/**
 * Chooses the socket.io adapter that carries room broadcasts (presence, typing) between nodes:
 * Redis when REDIS_URL is set, PostgreSQL NOTIFY on PostgreSQL, in-memory on the embedded
 * single-process default. Nodes keep no state of their own. Returns a close function.
 */
export async function configureAdapter(io: SocketServer, services: AppServices): Promise<() => Promise<void>> {
  const { config, log } = services;
  if (config.REDIS_URL) {
    const [{ createClient }, { createAdapter }] = await Promise.all([import("redis"), import("@socket.io/redis-adapter")]);
    const pub = createClient({ url: config.REDIS_URL });
    const sub = pub.duplicate();
    pub.on("error", (err) => log.error({ err }, "redis adapter"));
    sub.on("error", (err) => log.error({ err }, "redis adapter"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    log.info("socket.io adapter: redis");
    return async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
  }
  if (services.engine === "postgres" && config.DATABASE_URL) {
    const [{ default: pg }, { createAdapter }] = await Promise.all([import("pg"), import("@socket.io/postgres-adapter")]);
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2, application_name: "most-sockets" });
    pool.on("error", (err) => log.error({ err }, "postgres adapter pool"));
    io.adapter(createAdapter(listenerSource(pg, pool, config.DATABASE_URL, log) as unknown as InstanceType<typeof pg.Pool>));
    log.info("socket.io adapter: postgres");
    return async () => {
      await pool.end();
    };
  }
  return async () => {};
}
