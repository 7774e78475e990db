/**
 * Structured logs, request ids, `/metrics`, and secrets that never reach the log: against a server
 * of this file's own (the production build on a fresh embedded database) whose every output line
 * is kept, with a real SMTP server that wants a password.
 */
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { io as connect } from "socket.io-client";
import { startOwnServer, type OwnServer } from "../helpers/own-server";

const PLANTED = {
  password: "Планта-Пароль-8841-qzv",
  wrongPassword: "Неверный-Планта-5517-wkx",
  smtpPassword: "smtp-planted-6a1f93e2c7",
  metricsToken: "metrics-planted-0c4be81d55aa",
};
const CONTROL = "control-marker-3f9d17";
const EMAIL = "teacher.physics@most.example";

/** The forms a value can take in a log: as is, URL-encoded, base64. */
const forms = (value: string) => [value, encodeURIComponent(value), Buffer.from(value).toString("base64")];
/** The planted secrets found in `text` (the same search the control must pass). */
const leaked = (text: string, secrets: Record<string, string>) => Object.entries(secrets).filter(([, v]) => forms(v).some((f) => text.includes(f))).map(([k]) => k);

/** The readable text of a received mail: its base64 parts decoded (nodemailer encodes Cyrillic text so). */
const mailText = (raw: string) =>
  [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ""), "base64").toString("utf8")).join("\n") || raw;

test.describe("logs, request ids and metrics", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  let smtp: SMTPServer;
  const mails: { to: string; raw: string }[] = [];
  let ip = 0;
  const form = (path: string, fields: Record<string, string>, cookie?: string) =>
    fetch(`${server.base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.91.0.${++ip}`, ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(fields),
    });

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    smtp = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "most" && auth.password === PLANTED.smtpPassword) return callback(null, { user: "most" });
        callback(new Error("bad credentials"));
      },
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: mailText(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startOwnServer({
      LOG_LEVEL: "trace",
      TRUST_PROXY: "loopback",
      DEMO_SEED: "always",
      SMTP_URL: `smtp://most:${PLANTED.smtpPassword}@127.0.0.1:${smtpPort}`,
      METRICS_TOKEN: PLANTED.metricsToken,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  test("every response names its request id, and the request's log lines carry it", async () => {
    const res = await fetch(`${server.base}/communities`);
    await res.text();
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // An id from the trusted proxy (loopback here) is passed on; a malformed one is replaced.
    const passed = await fetch(`${server.base}/events`, { headers: { "X-Request-Id": "edge-4711-abcdef" } });
    expect(passed.headers.get("x-request-id")).toBe("edge-4711-abcdef");
    await passed.text();
    const refused = await fetch(`${server.base}/events`, { headers: { "X-Request-Id": "<script>alert(1)</script>" } });
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // A loader that fails logs through the structured logger, with the id of its request.
    const failing = await fetch(`${server.base}/__test/error`);
    expect(failing.status).toBe(500);
    await failing.text();
    const failingId = failing.headers.get("x-request-id");
    await expect.poll(() => server.lines().filter((l) => l.requestId === failingId).map((l) => l.msg)).toEqual(expect.arrayContaining(["unhandled error", "request"]));
    const requestLine = server.lines().find((l) => l.msg === "request" && l.requestId === id);
    expect(requestLine).toMatchObject({ method: "GET", path: "/communities", route: "/communities", status: 200 });
    expect(server.lines().find((l) => l.msg === "request" && l.requestId === "edge-4711-abcdef")).toBeTruthy();
  });

  test("/metrics: Prometheus text by route pattern, for loopback or the bearer token only", async () => {
    const threadLike = "/threads/00000000-0000-4000-8000-000000000000";
    // Read the bodies: a request is counted when its response has finished.
    expect((await (await fetch(`${server.base}${threadLike}`)).text()).length).toBeGreaterThan(0);
    const socket = connect(server.base, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Origin: server.base } });
    await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
    try {
      const res = await fetch(`${server.base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      const text = await res.text();
      expect(text).toContain("# TYPE most_http_requests_total counter");
      expect(text).toMatch(/most_http_requests_total\{method="GET",route="\/communities",status="200"\} [1-9]/);
      expect(text).toMatch(/most_http_requests_total\{method="GET",route="\/threads\/:id",status="404"\} [1-9]/);
      expect(text).not.toContain("00000000-0000-4000-8000-000000000000");
      expect(text).toMatch(/most_http_request_duration_seconds_bucket\{method="GET",route="\/communities",le="0.05"\} \d+/);
      expect(text).toMatch(/most_sockets_connected [1-9]/);
      expect(text).toMatch(/most_jobs\{queue="mail.send",state="total"\} \d+/);
      expect(text).toContain('most_db_connections{application="most",state="open"} 1');
      expect(text).toMatch(/most_process_resident_memory_bytes \d{7,}/);
      expect(text).toMatch(/most_event_loop_lag_seconds\{quantile="0.99"\} [\d.e-]+/);
    } finally {
      socket.close();
    }
    // Through a proxy (X-Forwarded-For) or with a wrong token: as if there were no such page.
    expect((await fetch(`${server.base}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.9" } })).status).toBe(404);
    expect((await fetch(`${server.base}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.9", Authorization: "Bearer wrong-token-123456789" } })).status).toBe(404);
    const withToken = await fetch(`${server.base}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.9", Authorization: `Bearer ${PLANTED.metricsToken}` } });
    expect(withToken.status).toBe(200);
  });

  test("a password, a reset token, a session token and the SMTP and metrics secrets never reach the log", async () => {
    test.setTimeout(90_000);
    expect((await form("/forgot-password", { email: EMAIL })).status).toBeLessThan(400);
    await expect.poll(() => mails.filter((m) => m.to === EMAIL).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const resetToken = /\/reset-password\?token=([a-z2-7]{32})/.exec(mails.find((m) => m.to === EMAIL)!.raw)?.[1];
    expect(resetToken).toBeTruthy();
    expect((await fetch(`${server.base}/reset-password?token=${resetToken}`)).status).toBe(200);
    const reset = await form("/reset-password", { token: resetToken!, password: PLANTED.password, passwordRepeat: PLANTED.password });
    expect(reset.status).toBe(302);
    // A failed sign-in (wrong passwords are the classic leak), then the real one.
    expect((await form("/login", { email: EMAIL, password: PLANTED.wrongPassword, returnTo: "/" })).status).toBe(400);
    const login = await form("/login", { email: EMAIL, password: PLANTED.password, returnTo: "/" });
    expect(login.status).toBe(302);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("__Host-most-session="))!.split(";")[0]!;
    const sessionToken = cookie.slice(cookie.indexOf("=") + 1);
    expect(sessionToken.length).toBeGreaterThan(16);
    for (const path of ["/account", "/account/sessions", "/notifications"]) expect((await fetch(`${server.base}${path}`, { headers: { Cookie: cookie } })).status).toBe(200);
    const socket = connect(server.base, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Origin: server.base, Cookie: cookie } });
    await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
    socket.close();
    expect((await fetch(`${server.base}/metrics`, { headers: { Authorization: `Bearer ${PLANTED.metricsToken}` } })).status).toBe(200);
    // The control: a marker sent where the log must show it (the request path), searched the same way.
    expect((await fetch(`${server.base}/no-such-page-${CONTROL}`)).status).toBe(404);
    await server.stop();
    const log = server.output();
    expect(log.split("\n").length).toBeGreaterThan(10);
    expect(leaked(log, { control: CONTROL })).toEqual(["control"]);
    expect(leaked(log, { ...PLANTED, resetToken: resetToken!, sessionToken })).toEqual([]);
  });
});
