import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates migrations here; they are applied by the app itself under an
// advisory lock (db/migrate.ts), never by `drizzle-kit push`/`migrate` against a live database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
