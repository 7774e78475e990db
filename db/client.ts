import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type pg from "pg";
import * as schema from "./schema/index.ts";
import { createListener, createPool, normalizeRows } from "./postgres.ts";

export type Schema = typeof schema;
/** The drizzle database, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handed to `db.transaction(fn)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What every function that touches the database takes: the root client or an open transaction. */
export type Executor = Db | Tx;

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The raw PGlite instance (pg-boss adapter, dumps); absent on PostgreSQL. */
  pglite?: PGlite;
  /** The node-postgres pool; absent on PGlite. */
  pool?: pg.Pool;
  /** Where the embedded data lives; absent in memory and on PostgreSQL. */
  dataDir?: string;
  /**
   * Subscribes to a notification channel (LISTEN); notifications arrive only for committed
   * transactions. On PostgreSQL the connection comes back by itself after the server went away;
   * `onReconnect` then runs, since notifications of the gap are lost. Resolves to an unsubscribe
   * function.
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when empty the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; `memory://` or undefined keeps it in memory. */
  dataDir?: string;
  /** A PGlite data folder dump (tar) to start from, as the test harness does. */
  loadDataDir?: Blob;
  /** Pool size for PostgreSQL. */
  max?: number;
  /** Connection errors on PostgreSQL (the server went away); the failing queries reject as well. */
  onConnectionError?: (err: Error) => void;
}

const LOCK_FILE = "most.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes our own pid lock in a PGlite data folder. PGlite does not stop a second opener of the
 * same folder itself, and two instances on one folder lose writes silently, so a second opener
 * (another process, or this one twice) fails loudly here.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      // Whatever ends the process (a signal handler of a dev tool calling process.exit), the lock goes.
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The PGlite data folder ${dataDir} is already open in process ${holder}` +
            (holder === process.pid ? " (this process)" : "") +
            ". Stop that process, or set DATABASE_URL / PGLITE_DIR to use another database.",
          { cause: error },
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock the PGlite data folder ${dataDir}`);
}

/**
 * Opens the database: node-postgres (`pg`) when a URL is given, PGlite otherwise (persisted in
 * `dataDir`, or in memory). Called once per process by `server/app.ts` and per test file by the
 * harness; nothing else opens a database.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const { pool, db } = createPool(options.url, options.max ?? 10, options.onConnectionError);
    const listener = createListener(options.url, options.onConnectionError);
    return {
      db: db as unknown as Db,
      engine: "postgres",
      pool,
      listen: (channel, onPayload, onReconnect) => listener.listen(channel, { onPayload, onReconnect }),
      async close() {
        await listener.close();
        await pool.end();
      },
    };
  }
  const persistent = options.dataDir && !options.dataDir.startsWith("memory://");
  const release = persistent ? acquirePgliteLock(options.dataDir!) : () => {};
  try {
    const pglite = await PGlite.create(persistent ? options.dataDir : undefined, {
      extensions: { pg_trgm },
      loadDataDir: options.loadDataDir,
    });
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      pglite,
      dataDir: persistent ? options.dataDir : undefined,
      async listen(channel, onPayload) {
        const unsubscribe = await pglite.listen(channel, onPayload);
        return () => unsubscribe();
      },
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Runs raw SQL and returns its rows, on either engine (both answer `{ rows }`; node-postgres's date
 * and time values become Date objects, as PGlite gives them).
 */
export async function queryRows<T extends Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  const { rows, fields } = result as { rows?: T[]; fields?: { name: string; dataTypeID: number }[] };
  return normalizeRows({ rows: rows ?? [], fields });
}
