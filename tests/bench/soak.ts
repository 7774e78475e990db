/**
 * Soak (`npm run bench -- --only=soak`): pages, posting and sockets together against the production
 * build on a fresh database of its own, for 10 minutes (`--quick`: 1 minute). Prints p95 per route,
 * the error rate, and the server's RSS sampled over time with a fitted slope (flat or growing).
 */
import type { Socket } from "socket.io-client";
import { advanceClock, openSocket, prepareThread, rssMb } from "./live.ts";
import { benchDatabase, startBenchServer, type BenchServer } from "./server.ts";

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

/** Least-squares slope of (minutes, MB). */
export function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mm = points.reduce((s, p) => s + p.mb, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den ? num / den : NaN;
}

async function firstLink(base: string, page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${base}${page}`)).text();
  const m = pattern.exec(html);
  if (!m) throw new Error(`no link ${pattern} on ${page}`);
  return m[0].slice('href="'.length, -1);
}

/** The server's V8 heap in use, read from its own /metrics (the bench connects from loopback). */
async function heapMb(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = /most_process_heap_bytes\{kind="used"\} (\d+)/.exec(text);
  return m ? Math.round(Number(m[1]) / 1024 / 1024) : NaN;
}

interface Tally {
  times: number[];
  errors: number;
}

export async function benchSoak(options: { quick: boolean }): Promise<void> {
  const seconds = options.quick ? 60 : 600;
  const readers = options.quick ? 50 : 200;
  const workers = 4;
  const sampleEvery = options.quick ? 5 : 15;
  const url = process.env.DATABASE_URL;
  const name = "most_bench_soak";
  let database: Awaited<ReturnType<typeof benchDatabase>> | undefined;
  let server: BenchServer | undefined;
  const sockets: Socket[] = [];
  try {
    database = await benchDatabase(url, name);
    const env = database.env;
    server = await startBenchServer(env);
    const base = server.base;
    // Readers follow (and senders post into) a live thread; the page loop reads another with 100
    // posts, so the page measured does not grow heavier as the run goes on.
    const setup = await prepareThread(base, 1);
    const readThread = await prepareThread(base, 100);
    const practice = await firstLink(base, "/library", /href="\/library\/[0-9a-f-]{36}"/);
    const event = await firstLink(base, "/events", /href="\/events\/[0-9a-f-]{36}"/);
    const routes: Record<string, string> = {
      "/": "/",
      "/communities": "/communities",
      "/threads/:id": `/threads/${readThread.threadId}`,
      "/library/:id": practice,
      "/search": "/search?q=%D0%BE%D1%86%D0%B5%D0%BD%D0%B8%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5",
      "/events": "/events",
      "/events/:id": event,
    };
    const tallies = new Map<string, Tally>(Object.keys(routes).map((r) => [r, { times: [], errors: 0 }]));
    tallies.set("post (socket)", { times: [], errors: 0 });
    for (let i = 0; i < readers; i += 25) {
      const batch = await Promise.all(Array.from({ length: Math.min(25, readers - i) }, () => openSocket(base)));
      for (const s of batch) await s.emitWithAck("stream:subscribe", { stream: `thread:${setup.threadId}`, after: 1_000_000 });
      sockets.push(...batch);
    }
    const senders = await Promise.all(setup.senders.map((s) => openSocket(base, s.cookie)));
    sockets.push(...senders);
    const pid = server.child.pid;
    const samples: { t: number; mb: number; heap: number }[] = [{ t: 0, mb: rssMb(pid), heap: await heapMb(base) }];
    const started = Date.now();
    const until = started + seconds * 1000;
    const sampler = setInterval(() => void heapMb(base).then((heap) => samples.push({ t: (Date.now() - started) / 60_000, mb: rssMb(pid), heap })), sampleEvery * 1000);
    const clock = setInterval(() => void advanceClock(base, 61_000).catch(() => {}), 4000);
    const pageLoop = async (w: number) => {
      const names = Object.keys(routes);
      for (let i = w; Date.now() < until; i++) {
        const route = names[i % names.length]!;
        const tally = tallies.get(route)!;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}${routes[route]}`, { headers: { "accept-encoding": "gzip" } });
          await res.arrayBuffer();
          if (res.status >= 400) tally.errors++;
          else tally.times.push(performance.now() - t0);
        } catch {
          tally.errors++;
        }
      }
    };
    // Each sender posts every 2 s (within the per-person limit, the clock moved on every 4 s).
    const postLoop = async (socket: Socket, k: number) => {
      const tally = tallies.get("post (socket)")!;
      await new Promise((r) => setTimeout(r, k * 200));
      for (let n = 0; Date.now() < until; n++) {
        const t0 = performance.now();
        const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Сообщение нагрузки ${k}-${n}` }] }] };
        const ack = (await socket.timeout(10_000).emitWithAck("post:create", { clientId: `soak${k}x${n}x${Date.now().toString(36)}`, threadId: setup.threadId, body }).catch(() => null)) as { ok: boolean } | null;
        if (ack?.ok) tally.times.push(performance.now() - t0);
        else tally.errors++;
        await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - t0))));
      }
    };
    await Promise.all([...Array.from({ length: workers }, (_, w) => pageLoop(w)), ...senders.map((s, k) => postLoop(s, k))]);
    clearInterval(sampler);
    clearInterval(clock);
    samples.push({ t: (Date.now() - started) / 60_000, mb: rssMb(pid), heap: await heapMb(base) });
    let total = 0;
    let errors = 0;
    console.log(`${seconds} s, ${workers} page loops (closed), ${senders.length} posters every 2 s, ${readers} reader sockets in the thread; engine ${url ? "postgres" : "pglite"}`);
    console.log("| route | requests | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|");
    for (const [route, t] of tallies) {
      t.times.sort((a, b) => a - b);
      total += t.times.length + t.errors;
      errors += t.errors;
      console.log(`| ${route} | ${t.times.length + t.errors} | ${pct(t.times, 50).toFixed(0)} | ${pct(t.times, 95).toFixed(0)} | ${pct(t.times, 99).toFixed(0)} | ${t.errors} |`);
    }
    // The slope after the first fifth (warm-up: caches and JIT fill up first).
    const steady = samples.filter((s) => s.t >= samples.at(-1)!.t / 5);
    const perMin = slope(steady);
    const max = Math.max(...samples.map((s) => s.mb));
    console.log(`error rate ${((100 * errors) / Math.max(1, total)).toFixed(2)} % (${errors} of ${total})`);
    console.log(`RSS MB every ${sampleEvery} s: ${samples.map((s) => s.mb).join(" ")}`);
    console.log(`V8 heap used MB (from /metrics): ${samples.map((s) => s.heap).join(" ")}; slope after warm-up ${slope(steady.map((s) => ({ t: s.t, mb: s.heap }))).toFixed(2)} MB/min`);
    console.log(`RSS max ${max} MB (bar ≤ 400 MB); slope after warm-up ${perMin.toFixed(2)} MB/min → ${Math.abs(perMin) <= 1 ? "flat" : perMin > 0 ? "GROWING" : "shrinking"} (flat: |slope| ≤ 1 MB/min)`);
  } finally {
    for (const s of sockets) s.close();
    await server?.stop();
    await database?.drop();
  }
}
