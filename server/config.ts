import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** Uploaded files (library attachments) on local disk; default: `files` next to PGLITE_DIR. */
  FILES_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_ORIGIN: z.preprocess(emptyToUndefined, z.string().optional()),
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().optional()),
  REDIS_URL: z.preprocess(emptyToUndefined, z.string().optional()),
  MEILI_HOST: z.preprocess(emptyToUndefined, z.string().url().optional()),
  MEILI_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Largest upload on the routes of UPLOAD_PATHS (school lists, later attachments). */
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  /** "auto": load demo data into an empty embedded database; "always"/"never" force it. */
  DEMO_SEED: z.enum(["auto", "always", "never"]).default("auto"),
  /** Enables the test-only endpoints (clock control). Never set in production. */
  MOST_TEST_MODE: flag,
  /** Start the business clock at this instant (test mode only). */
  MOST_TEST_CLOCK_START: z.preprocess(emptyToUndefined, z.string().datetime().optional()),
  RUN_JOBS: z.enum(["1", "0"]).default("1"),
  /** HMAC key of unsubscribe links (≥ 32 characters); unset: a random key generated once and kept in the database. */
  UNSUBSCRIBE_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
  /** Express "trust proxy" (e.g. "loopback" or "1") when a reverse proxy sets X-Forwarded-For. */
  /**
   * A number of hops ("1": the one reverse proxy in front) or addresses/names ("loopback",
   * "10.0.0.10"). Express reads a string as addresses only, so a hop count becomes a number here.
   */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.string().optional()).transform((v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : v)),
  /** Bearer token that lets a scraper outside loopback read `/metrics`. */
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, "at least 16 characters").optional()),
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** Origins allowed for non-GET requests and socket handshakes; empty means "the request's own host". */
  allowedOrigins: string[];
  secureCookies: boolean;
  /** The resolved folder of uploaded files. */
  FILES_DIR: string;
};

/** Parses the environment once; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const cfg = parsed.data;
  const allowedOrigins = (cfg.PUBLIC_ORIGIN ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`Invalid configuration: PUBLIC_ORIGIN "${origin}" is not an origin`);
  }
  return {
    ...cfg,
    PGLITE_DIR: path.resolve(cfg.PGLITE_DIR),
    FILES_DIR: path.resolve(cfg.FILES_DIR ?? path.join(path.dirname(path.resolve(cfg.PGLITE_DIR)), "files")),
    allowedOrigins,
    secureCookies: true,
  };
}
