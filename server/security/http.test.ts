import type { AddressInfo } from "node:net";
import type http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit, csrfGuard, cspNonce, securityHeaders } from "./http.ts";
import { isAllowedHandshake, isAllowedOrigin } from "./origin.ts";

describe("isAllowedOrigin", () => {
  it("accepts the request's own host and nothing else when no origin is configured", () => {
    expect(isAllowedOrigin("http://localhost:3000", "localhost:3000", [])).toBe(true);
    expect(isAllowedOrigin("https://most.example", "most.example", [])).toBe(true);
    expect(isAllowedOrigin("http://evil.example", "localhost:3000", [])).toBe(false);
    expect(isAllowedOrigin("http://localhost:3001", "localhost:3000", [])).toBe(false);
    expect(isAllowedOrigin(undefined, "localhost:3000", [])).toBe(false);
    expect(isAllowedOrigin("null", "localhost:3000", [])).toBe(false);
  });
  it("accepts only the configured origins when PUBLIC_ORIGIN is set", () => {
    const allowed = ["https://most.example"];
    expect(isAllowedOrigin("https://most.example", "internal:3000", allowed)).toBe(true);
    expect(isAllowedOrigin("http://internal:3000", "internal:3000", allowed)).toBe(false);
  });
});

describe("isAllowedHandshake", () => {
  it("accepts a same-origin polling handshake without Origin only when the browser marks it same-origin", () => {
    expect(isAllowedHandshake({ host: "localhost:3000", "sec-fetch-site": "same-origin" }, [])).toBe(true);
    expect(isAllowedHandshake({ host: "localhost:3000", "sec-fetch-site": "cross-site" }, [])).toBe(false);
    expect(isAllowedHandshake({ host: "localhost:3000" }, [])).toBe(false);
    expect(isAllowedHandshake({ host: "localhost:3000", origin: "http://evil.example", "sec-fetch-site": "same-origin" }, [])).toBe(false);
    expect(isAllowedHandshake({ host: "localhost:3000", origin: "http://localhost:3000" }, [])).toBe(true);
  });
});

describe("the HTTP guards", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(cspNonce, securityHeaders({ development: false, hstsEnabled: false }), csrfGuard([]), bodyLimit(1024, { paths: [/^\/upload(?:\/?|\.data)$/], maxBytes: 8192 }));
    app.all(["/echo", "/upload", "/upload.data", "/unsubscribe", "/unsubscribe.data"], (req, res) => {
      let size = 0;
      req.on("data", (c: Buffer) => (size += c.length));
      req.on("end", () => res.json({ method: req.method, size, nonce: res.locals.cspNonce, origin: req.headers.origin ?? null }));
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("lets GET through without an Origin and sets the security headers", async () => {
    const res = await fetch(`${base}/echo`);
    expect(res.status).toBe(200);
    const { nonce } = (await res.json()) as { nonce: string };
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("gives every response a different nonce", async () => {
    const a = (await (await fetch(`${base}/echo`)).json()) as { nonce: string };
    const b = (await (await fetch(`${base}/echo`)).json()) as { nonce: string };
    expect(a.nonce).not.toBe(b.nonce);
  });

  it("refuses a POST with a foreign or missing Origin, accepts a same-origin one", async () => {
    expect((await fetch(`${base}/echo`, { method: "POST", body: "a=1", headers: { Origin: "http://evil.example" } })).status).toBe(403);
    expect((await fetch(`${base}/echo`, { method: "DELETE" })).status).toBe(403);
    const ok = await fetch(`${base}/echo`, { method: "POST", body: "a=1", headers: { Origin: base } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { size: number }).size).toBe(3);
  });

  it("lets only the listed token-authorised path (one-click unsubscribe) skip the Origin check", async () => {
    // A mail client's RFC 8058 POST carries no Origin of ours; the signed token in the link authorises it.
    expect((await fetch(`${base}/unsubscribe?token=x`, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(200);
    const foreign = await fetch(`${base}/unsubscribe`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { Origin: "http://mail.example" } });
    expect(foreign.status).toBe(200);
    // The foreign Origin does not reach the app (React Router would refuse the action for it).
    expect(((await foreign.json()) as { origin: string | null }).origin).toBeNull();
    expect((await fetch(`${base}/unsubscribe.data`, { method: "POST", body: "a=1", headers: { Origin: "http://evil.example" } })).status).toBe(403);
  });

  it("gives upload routes, with or without JavaScript (.data), their own larger limit", async () => {
    for (const path of ["/upload", "/upload.data"]) {
      expect((await fetch(`${base}${path}`, { method: "POST", body: "x".repeat(4096), headers: { Origin: base } })).status).toBe(200);
      expect((await fetch(`${base}${path}`, { method: "POST", body: "x".repeat(9000), headers: { Origin: base } })).status).toBe(413);
    }
    expect((await fetch(`${base}/echo`, { method: "POST", body: "x".repeat(4096), headers: { Origin: base } })).status).toBe(413);
  });

  it("refuses bodies over the limit with 413 and unsized streams with 411", async () => {
    const big = await fetch(`${base}/echo`, { method: "POST", body: "x".repeat(2048), headers: { Origin: base } });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Слишком большой запрос");
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("abc")); c.close(); } });
    const unsized = await fetch(`${base}/echo`, { method: "POST", body: stream, headers: { Origin: base }, duplex: "half" } as RequestInit);
    expect(unsized.status).toBe(411);
  });
});
