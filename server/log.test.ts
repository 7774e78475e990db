import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { REDACTED_PATHS, safeUrl } from "./log.ts";

describe("structured logs", () => {
  it("never write passwords, tokens, cookies or connection secrets", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: "[скрыто]" } }, sink);
    log.info({ password: "секрет-1", token: "tok-2", req: { headers: { cookie: "__Host-most-session=abc", authorization: "Bearer x" } }, user: { password: "секрет-3" } }, "request");
    const out = lines.join("");
    for (const secret of ["секрет-1", "tok-2", "__Host-most-session=abc", "Bearer x", "секрет-3"]) expect(out).not.toContain(secret);
    expect(out).toContain("[скрыто]");
  });
  it("strip the password from a database URL", () => {
    expect(safeUrl("postgres://most:very-secret@db.example:5432/most")).toBe("postgres://most:***@db.example:5432/most");
  });
});
