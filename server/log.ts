import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** What every log line written while serving one request carries. */
export interface RequestScope {
  requestId: string;
}

const globals = globalThis as typeof globalThis & { __mostRequestScope?: AsyncLocalStorage<RequestScope> };
/**
 * The request being served, for the logger's mixin. On `globalThis`, so a hot reload of this
 * module in development keeps the one store the logger (created once) reads.
 */
export const requestScope: AsyncLocalStorage<RequestScope> = (globals.__mostRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** Paths that never reach the log, whatever a caller passes in. */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "headers.authorization",
  "req.headers.cookie",
  "req.headers.authorization",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "SMTP_URL",
  "*.SMTP_URL",
  "METRICS_TOKEN",
  "*.METRICS_TOKEN",
];

/**
 * Structured JSON logs (pino) with secrets redacted; a line written while a request is served
 * (in a loader, an action, a command it calls) carries that request's `requestId`.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { app: "most" },
    redact: { paths: REDACTED_PATHS, censor: "[скрыто]" },
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;

/** Strips credentials from a connection URL so it can be logged. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "[invalid url]";
  }
}
