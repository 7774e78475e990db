/**
 * The live section of `npm run bench`: on PostgreSQL (DATABASE_URL) two server processes share a
 * database of their own, `most_bench_live`, so the same load also runs through both nodes; on the
 * embedded default one process only (PGlite serves one process).
 */
import { benchPages } from "./pages.ts";
import { benchDatabase, startBenchServer, type BenchServer } from "./server.ts";
import { benchDelivery, prepareThread } from "./live.ts";

export async function benchLive(options: { quick: boolean }): Promise<void> {
  const clients = options.quick ? 200 : 1000;
  const seconds = options.quick ? 10 : 60;
  const url = process.env.DATABASE_URL;
  const servers: BenchServer[] = [];
  let database: Awaited<ReturnType<typeof benchDatabase>> | undefined;
  const name = "most_bench_live";
  try {
    database = await benchDatabase(url, name);
    const env = database.env;
    servers.push(await startBenchServer(env));
    const first = servers[0]!;
    const setup = await prepareThread(first.base, 200);
    console.log(`\n# thread page with 200 posts (autocannon, 10 connections, ${options.quick ? 3 : 10} s per measurement, engine ${url ? "postgres" : "pglite"})`);
    await benchPages(first.base, [`/threads/${setup.threadId}`], options.quick ? 3 : 10);
    console.log(`\n# live delivery (${options.quick ? "quick: 200 readers, 10 s" : "1 000 readers, 60 s"})`);
    await benchDelivery("one process", [first.base], [first.child.pid], setup, { clients, seconds });
    if (!url) {
      console.log("two processes: skipped (set DATABASE_URL: PGlite serves one process)");
      return;
    }
    servers.push(await startBenchServer({ ...env, DEMO_SEED: "never" }));
    await benchDelivery("two processes (readers split, senders on the first)", servers.map((s) => s.base), servers.map((s) => s.child.pid), setup, { clients, seconds });
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await database?.drop();
  }
}
