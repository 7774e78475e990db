import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import type { DatabaseHandle } from "../client.ts";
import { eventCertificates, programmeEvents, programmeEventSessions } from "../schema/index.ts";
import { findCertificate } from "../../app/features/events/certificates.server.ts";
import { PAST_COURSE, seedEventRoom, UPCOMING_COURSE } from "./events-room.ts";

describe("demo courses of the live room", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("has a past course with verifiable certificates (hours added over its days) and an upcoming course of three sessions; a second run changes nothing", async () => {
    const [past] = await handle.db.select().from(programmeEvents).where(eq(programmeEvents.title, PAST_COURSE));
    const [upcoming] = await handle.db.select().from(programmeEvents).where(eq(programmeEvents.title, UPCOMING_COURSE));
    expect(past!.endsAt.getTime()).toBeLessThan(Date.now());
    expect(upcoming!.startsAt.getTime()).toBeGreaterThan(Date.now());
    expect(await handle.db.select().from(programmeEventSessions).where(eq(programmeEventSessions.eventId, upcoming!.id))).toHaveLength(3);
    const certificates = await handle.db.select().from(eventCertificates).where(eq(eventCertificates.eventId, past!.id));
    expect(certificates.map((c) => c.minutes).sort()).toEqual([240, 480]);
    const verified = await Promise.all(certificates.map((c) => findCertificate(handle.db, c.code)));
    expect(verified.map((v) => v?.hours).sort()).toEqual(["4 часа", "8 часов"]);
    await seedEventRoom(handle.db, new Date());
    expect(await handle.db.select().from(eventCertificates)).toHaveLength(2);
  });
});
