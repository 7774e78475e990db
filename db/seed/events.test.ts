import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import type { DatabaseHandle } from "../client.ts";
import { programmeEvents, programmeEventSessions } from "../schema/index.ts";
import { EVENT_SEEDS, seedEvents } from "./events.ts";

describe("demo events", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("are all loaded with the plan's dates in the organiser's zone, and a second run changes nothing", async () => {
    const ofPlan = async () => handle.db.select().from(programmeEvents).where(inArray(programmeEvents.title, EVENT_SEEDS.map((e) => e.title)));
    const rows = await ofPlan();
    expect(rows).toHaveLength(EVENT_SEEDS.length);
    await seedEvents(handle.db, new Date());
    expect(await ofPlan()).toHaveLength(EVENT_SEEDS.length);
    const seminar = rows.find((r) => r.title.startsWith("Распространение моделей"))!;
    expect(seminar).toMatchObject({ capacity: 50, timeZone: "Asia/Chita", registeredCount: 3 });
    const days = await handle.db.select().from(programmeEventSessions).where(eq(programmeEventSessions.eventId, seminar.id)).orderBy(asc(programmeEventSessions.position));
    // 10:00 in Чита is 01:00 UTC, on 14 and 15 December.
    expect(days.map((d) => d.startsAt.toISOString().slice(5, 16))).toEqual(["12-14T01:00", "12-15T01:00"]);
  });
});
