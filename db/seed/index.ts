import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { seedDirectory } from "./directory.ts";
import { seedPeople } from "./people.ts";
import { seedCommunities } from "./communities.ts";
import { seedEvents } from "./events.ts";
import { seedEventRoom } from "./events-room.ts";
import { seedPartnerships } from "./partnerships.ts";
import { seedLibrary } from "./library.ts";
import { seedPlans } from "./plans.ts";

export interface SeedSummary {
  regions: number;
  municipalities: number;
  organisations: number;
  schoolYears: number;
  people: number;
  communities: number;
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
    const people = await seedPeople(tx, now);
    const communities = await seedCommunities(tx, now);
    await seedPartnerships(tx, now);
    await seedEvents(tx, now);
    await seedEventRoom(tx, now);
    await seedLibrary(tx, now);
    await seedPlans(tx, now);
    return { ...directory, people, communities };
  });
}
