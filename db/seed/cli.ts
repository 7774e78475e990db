/**
 * `npm run db:seed [-- --reset]`: loads (or, with --reset, reloads) the demo data into the configured
 * database: PostgreSQL when DATABASE_URL is set, the embedded folder otherwise (stop the server
 * first: the folder is locked while it runs). --reset empties the accounts and directory tables first.
 */
import path from "node:path";
import { openDatabase } from "../client.ts";
import { migrate } from "../migrate.ts";
import { consents, municipalities, organisations, regions, schoolYears, users } from "../schema/index.ts";
import { seedDemo } from "./index.ts";

const reset = process.argv.includes("--reset");
const handle = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: path.resolve(process.env.PGLITE_DIR ?? ".data/pglite"),
});
try {
  await migrate(handle.db);
  if (reset) {
    await handle.db.transaction(async (tx) => {
      await tx.delete(users);
      await tx.delete(consents);
      await tx.delete(schoolYears);
      await tx.delete(organisations);
      await tx.delete(municipalities);
      await tx.delete(regions);
    });
  }
  const summary = await seedDemo(handle.db);
  console.log(`Демонстрационные данные загружены (${handle.engine}): ${JSON.stringify(summary)}`);
} finally {
  await handle.close();
}
