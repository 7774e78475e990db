/**
 * `npm run search:rebuild`: rebuilds the search index of the configured database (PostgreSQL when
 * DATABASE_URL is set, the embedded folder otherwise: stop the server first, the folder is locked
 * while it runs) into the configured engine (Meilisearch when MEILI_HOST is set), printing progress.
 */
import { openDatabase } from "./client.ts";
import { migrate } from "./migrate.ts";
import { loadConfig } from "../server/config.ts";
import { indexerDeps, rebuildSearch, type RebuildProgress } from "../app/features/search/indexer.server.ts";
import type { BusinessClock } from "../server/clock.ts";
import { createLogger } from "../server/log.ts";
import { searchFailures } from "./schema/index.ts";

const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR });
const started = performance.now();
let lastLine = "";
function report(p: RebuildProgress) {
  const pct = p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 100;
  const line = `${p.kind}: ${p.done} из ${p.total} (${pct} %)`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
  else if (line !== lastLine && (pct % 10 === 0 || p.done === 0)) console.log(line);
  lastLine = line;
}
try {
  await migrate(handle.db);
  const deps = await indexerDeps({ db: handle.db, config, clock: { now: () => new Date() } as BusinessClock, log: createLogger("warn") });
  console.log(`Перестройка поискового индекса: ${deps.provider.name}, база ${handle.engine}`);
  let kind = "";
  const counts = await rebuildSearch(deps, (p) => {
    if (process.stdout.isTTY && kind && p.kind !== kind) process.stdout.write("\n");
    kind = p.kind;
    report(p);
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(`Готово за ${((performance.now() - started) / 1000).toFixed(1)} с: ${JSON.stringify(counts)}`);
  const failed = await handle.db.select({ target: searchFailures.target }).from(searchFailures);
  if (failed.length) console.log(`Не проиндексировано (повторит синхронизация): ${failed.length} — ${failed.slice(0, 10).map((f) => f.target).join(", ")}`);
} finally {
  await handle.close();
}
