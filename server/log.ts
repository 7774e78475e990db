import pino from "pino";

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
];

/** Structured JSON logs (pino) with secrets redacted. */
export function createLogger(level: string) {
  return pino({ level, base: { app: "most" }, redact: { paths: REDACTED_PATHS, censor: "[скрыто]" } });
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
