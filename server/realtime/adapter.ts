import type { Server as SocketServer } from "socket.io";
import type { AppServices } from "../../app/services.server.ts";

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
    io.adapter(createAdapter(pool));
    log.info("socket.io adapter: postgres");
    return async () => {
      await pool.end();
    };
  }
  return async () => {};
}
