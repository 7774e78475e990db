import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { seedDirectory } from "./directory.ts";
import { seedPeople } from "./people.ts";

export interface SeedSummary {
  regions: number;
  municipalities: number;
  organisations: number;
  schoolYears: number;
  people: number;
}

/**
 * Loads the demo data (idempotent: a second run changes nothing). People and content join it as the
 * capabilities that own them land.
 */
export async function seedDemo(ex: Executor, now: Date = new Date()): Promise<SeedSummary> {
  return ex.transaction(async (tx) => {
    // Nodes that start together seed one after the other.
    await tx.execute(sql`select pg_advisory_xact_lock(7261535002)`);
    const directory = await seedDirectory(tx);
    return { ...directory, people: await seedPeople(tx, now) };
  });
}
