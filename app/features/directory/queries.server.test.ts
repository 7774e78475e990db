import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { organisations, regions, schoolYears } from "../../../db/schema/index.ts";
import { listRegionOverviews } from "./queries.server.ts";

describe("listRegionOverviews", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("counts each region's schools on the given year's lists, in Russian order", async () => {
    const overviews = await listRegionOverviews(handle.db, "2026/2027");
    expect(overviews.map((r) => r.name)).toEqual([...overviews.map((r) => r.name)].sort((a, b) => a.localeCompare(b, "ru")));
    for (const region of overviews) {
      const [expected] = await handle.db
        .select({
          schools: sql<number>`count(*)::int`,
          low: sql<number>`(count(*) filter (where ${schoolYears.lowResults}))::int`,
          teachers: sql<number>`coalesce(sum(${schoolYears.teacherCount}), 0)::int`,
        })
        .from(schoolYears)
        .innerJoin(organisations, eq(organisations.id, schoolYears.organisationId))
        .where(and(eq(organisations.regionId, region.id), eq(schoolYears.schoolYear, "2026/2027")));
      expect(region.schools).toBe(expected!.schools);
      expect(region.lowResults).toBe(expected!.low);
      expect(region.teachers).toBe(expected!.teachers);
      expect(region.schools).toBeGreaterThan(0);
    }
  });

  it("shows a region with no schools that year with zeros rather than hiding it", async () => {
    await handle.db.insert(regions).values({ code: "98", name: "Тестовая область", nameSort: "тестовая область", timeZone: "Asia/Omsk", capital: "Омск" });
    const overviews = await listRegionOverviews(handle.db, "2026/2027");
    const empty = overviews.find((r) => r.name === "Тестовая область");
    expect(empty).toMatchObject({ schools: 0, lowResults: 0, teachers: 0, municipalities: 0 });
    expect(await listRegionOverviews(handle.db, "1999/2000")).toSatisfy((rows: { schools: number }[]) => rows.every((r) => r.schools === 0));
  });
});
