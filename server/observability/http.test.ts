import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { Registry } from "./metrics.ts";
import { createRouteLabeler, mayReadMetrics, requestIdOf, type RouteManifest } from "./http.ts";

/** The manifest React Router builds from app/routes.ts: the root with every route as its child. */
function manifestOfAppRoutes(): RouteManifest {
  const manifest: RouteManifest = { root: { id: "root", path: "" } };
  for (const r of routes) manifest[r.id ?? r.file] = { id: r.id ?? r.file, parentId: "root", path: r.path, index: r.index };
  return manifest;
}

async function serve(app: express.Express, fn: (base: string) => Promise<void>) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe("route labels", () => {
  const label = createRouteLabeler(manifestOfAppRoutes());
  it("name the route pattern, never the id in the path", () => {
    expect(label("/")).toBe("/");
    expect(label("/threads/6f1c2d7e-0000-4000-8000-000000000001")).toBe("/threads/:id");
    expect(label("/communities/formiruyushchee-otsenivanie")).toBe("/communities/:slug");
    expect(label("/plans/6f1c2d7e-0000-4000-8000-000000000001/items/42/files")).toBe("/plans/:id/items/:itemId/files");
    expect(label("/events/abc/ics")).toBe("/events/:id/ics");
  });
  it("mark the router's data requests and fold unknown paths into the catch-all", () => {
    expect(label("/threads/abc.data")).toBe("/threads/:id.data");
    expect(label("/_root.data")).toBe("/.data");
    expect(label("/any/unknown/path/123")).toBe("/*");
    expect(label("/healthz")).toBe("/healthz");
    expect(label("/__test/clock")).toBe("/__test");
    expect(label("/__test/empty")).toBe("/__test/empty");
  });
  it("give paths that differ only in their UUIDs the same label, and keep the data suffix apart", () => {
    const a = "6f1c2d7e-0000-4000-8000-000000000001";
    const b = "0a9b8c7d-1111-4222-8333-444455556666";
    expect(label(`/threads/${a}`)).toBe("/threads/:id");
    expect(label(`/threads/${b}.data`)).toBe("/threads/:id.data");
    expect(label(`/threads/${a}.data`)).toBe("/threads/:id.data");
    expect(label(`/threads/${b}`)).toBe("/threads/:id");
    expect(label(`/plans/${b}/items/7/files`)).toBe("/plans/:id/items/:itemId/files");
    expect(label(`/${a}`)).toBe("/*");
    // A segment that only contains a UUID is not a UUID segment.
    expect(label(`/threads/${a}x`)).toBe("/threads/:id");
    expect(label(`/threads/${a}/people`)).toBe("/threads/:id/people");
  });
  it("stay right past the cache's bound", () => {
    for (let i = 0; i < 6000; i++) expect(label(`/communities/slug-${i}`)).toBe("/communities/:slug");
    expect(label("/communities")).toBe("/communities");
    expect(label("/communities/new")).toBe("/communities/new");
  });
});

describe("Prometheus text", () => {
  it("renders counters, gauges and cumulative histogram buckets with escaped labels", async () => {
    const registry = new Registry();
    const c = registry.counter("x_total", "Things.");
    c.inc({ route: '/a"b' });
    c.inc({ route: '/a"b' }, 2);
    const h = registry.histogram("x_seconds", "Time.", [0.1, 1]);
    h.observe({ route: "/" }, 0.05);
    h.observe({ route: "/" }, 0.5);
    h.observe({ route: "/" }, 5);
    const g = registry.gauge("x_now", "Now.");
    registry.onCollect(() => g.set({}, 7));
    registry.onCollect(() => {
      throw new Error("a broken collector leaves the scrape working");
    });
    const text = await registry.render();
    expect(text).toContain('# TYPE x_total counter\nx_total{route="/a\\"b"} 3');
    expect(text).toContain('x_seconds_bucket{route="/",le="0.1"} 1\nx_seconds_bucket{route="/",le="1"} 2\nx_seconds_bucket{route="/",le="+Inf"} 3');
    expect(text).toContain('x_seconds_sum{route="/"} 5.55\nx_seconds_count{route="/"} 3');
    expect(text).toContain("# TYPE x_now gauge\nx_now 7");
  });
});

describe("request ids and /metrics access", () => {
  function probe(trustProxy: string | false) {
    const app = express();
    app.set("trust proxy", trustProxy);
    app.get("/", (req, res) => res.json({ id: requestIdOf(req), metrics: mayReadMetrics(req, "token-0123456789abcdef") }));
    return app;
  }
  it("pass an incoming id on only from a trusted proxy, and only a sane one", async () => {
    await serve(probe("loopback"), async (base) => {
      expect(await (await fetch(base, { headers: { "X-Request-Id": "edge-12345678" } })).json()).toMatchObject({ id: "edge-12345678" });
      expect((await (await fetch(base, { headers: { "X-Request-Id": "bad id with spaces" } })).json()).id).toMatch(/^[0-9a-f-]{36}$/);
    });
    await serve(probe(false), async (base) => {
      expect((await (await fetch(base, { headers: { "X-Request-Id": "edge-12345678" } })).json()).id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
  it("let loopback read metrics unless a proxy forwarded the request; the token works from anywhere", async () => {
    await serve(probe(false), async (base) => {
      const read = async (headers: Record<string, string>) => ((await (await fetch(base, { headers })).json()) as { metrics: boolean }).metrics;
      expect(await read({})).toBe(true);
      expect(await read({ "X-Forwarded-For": "203.0.113.1" })).toBe(false);
      expect(await read({ Forwarded: "for=203.0.113.1" })).toBe(false);
      expect(await read({ "X-Forwarded-For": "203.0.113.1", Authorization: "Bearer token-0123456789abcdef" })).toBe(true);
      expect(await read({ "X-Forwarded-For": "203.0.113.1", Authorization: "Bearer token-0123456789abcdeX" })).toBe(false);
    });
  });
});
