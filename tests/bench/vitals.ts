/**
 * First view on a phone (`npm run bench -- --only=vitals`): LCP and CLS of the main pages in
 * Debian's Chromium with Lighthouse's mobile throttling through CDP (CPU ×4, 150 ms RTT, 1.6 Mbit/s
 * down, 750 kbit/s up), a 360×640 viewport, a cold cache per page. quality.md: LCP ≤ 2.5 s, CLS ≤ 0.05.
 */
import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { signInCookie } from "./live.ts";
import { startBenchServer } from "./server.ts";

/** Collects LCP and CLS (the largest session window: gaps < 1 s, at most 5 s) in the page. */
const OBSERVE = `
  window.__vitals = { lcp: 0, cls: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__vitals.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  let session = 0, first = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (session && e.startTime - last < 1000 && e.startTime - first < 5000) session += e.value;
      else { session = e.value; first = e.startTime; }
      last = e.startTime;
      window.__vitals.cls = Math.max(window.__vitals.cls, session);
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

async function firstLink(base: string, page: string, pattern: RegExp): Promise<string> {
  const m = pattern.exec(await (await fetch(`${base}${page}`)).text());
  if (!m) throw new Error(`no link ${pattern} on ${page}`);
  return m[1]!;
}

export async function benchVitals(options: { quick: boolean }): Promise<void> {
  const server = await startBenchServer({ TRUST_PROXY: "loopback", DEMO_SEED: "always" });
  const executablePath = process.env.CHROMIUM_PATH ?? execSync("command -v chromium || command -v chromium-browser", { shell: "/bin/sh" }).toString().trim();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const base = server.base;
    const community = await firstLink(base, "/communities", /href="(\/communities\/[a-z0-9-]+)"/);
    const pages: Record<string, string> = {
      home: "/",
      community,
      thread: await firstLink(base, community, /href="(\/threads\/[0-9a-f-]{36})"/),
      practice: await firstLink(base, "/library", /href="(\/library\/[0-9a-f-]{36})"/),
      library: "/library",
      search: "/search?q=%D0%BE%D1%86%D0%B5%D0%BD%D0%B8%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5",
      events: "/events",
      "event page": await firstLink(base, "/events", /href="(\/events\/[0-9a-f-]{36})"/),
      "sign-in": "/login",
    };
    const cookie = await signInCookie(base, "teacher.math@most.example");
    const runs = options.quick ? 1 : 3;
    console.log(`mobile: 360×640, CPU ×4, RTT 150 ms, 1.6 Mbit/s down, 750 kbit/s up, cold cache; median of ${runs}`);
    console.log("| page | as | LCP ms | CLS | bar |\n|---|---|---|---|---|");
    for (const [who, session] of [["guest", undefined], ["signed in", cookie]] as const) {
      for (const [label, path] of Object.entries(pages)) {
        if (session && label === "sign-in") continue;
        const results: { lcp: number; cls: number }[] = [];
        for (let i = 0; i < runs; i++) {
          // The session as a header: Chromium refuses to store a __Host- cookie for http://127.0.0.1 from the API.
          const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "ru-RU", timezoneId: "Europe/Moscow", extraHTTPHeaders: session ? { Cookie: session } : {} });
          await context.addInitScript(OBSERVE);
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send("Network.enable");
          await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
          await page.goto(`${base}${path}`, { waitUntil: "load", timeout: 60_000 });
          await page.waitForTimeout(3000); // late shifts (fonts, hydration) and the final LCP candidate
          results.push(await page.evaluate(() => (window as unknown as { __vitals: { lcp: number; cls: number } }).__vitals));
          await context.close();
        }
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const lcp = median(results.map((r) => r.lcp));
        const cls = median(results.map((r) => r.cls));
        console.log(`| ${label} (${path.split("?")[0]}) | ${who} | ${lcp.toFixed(0)} | ${cls.toFixed(3)} | ${lcp <= 2500 && cls <= 0.05 ? "ok" : "OVER"} |`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
