import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, type DatabaseHandle } from "../client.ts";
import { migrate } from "../migrate.ts";
import { REGIONS, SCHOOLS, SEED_SCHOOL_YEARS } from "./data/directory.ts";
import { seedDirectory, type DirectorySeedSummary } from "./directory.ts";

const WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** The legal-entity ИНН check digit: weighted sum of the first nine digits, mod 11, mod 10. */
function innValid(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(inn[i]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

interface Counts {
  regions: number;
  municipalities: number;
  organisations: number;
  schools: number;
  schoolYears: number;
  updated: string;
}

async function counts(handle: DatabaseHandle): Promise<Counts> {
  const [row] = await queryRows<{ [K in keyof Counts]: Counts[K] }>(
    handle.db,
    sql`select
      (select count(*)::int from regions) as regions,
      (select count(*)::int from municipalities) as municipalities,
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from organisations where kind = 'school') as schools,
      (select count(*)::int from school_years) as "schoolYears",
      (select greatest(
        (select max(updated_at) from regions), (select max(updated_at) from municipalities),
        (select max(updated_at) from organisations), (select max(updated_at) from school_years))::text) as updated`,
  );
  return row!;
}

describe("seedDirectory", () => {
  let handle: DatabaseHandle;
  let first: DirectorySeedSummary;
  let second: DirectorySeedSummary;
  let afterFirst: Counts;
  let afterSecond: Counts;

  beforeAll(async () => {
    handle = await openDatabase();
    await migrate(handle.db);
    first = await seedDirectory(handle.db);
    afterFirst = await counts(handle);
    second = await seedDirectory(handle.db);
    afterSecond = await counts(handle);
  });
  afterAll(async () => handle?.close());

  it("loads five regions, the bodies and at least 72 schools with three school years each", () => {
    expect(afterFirst.regions).toBe(5);
    expect(afterFirst.schools).toBeGreaterThanOrEqual(72);
    expect(afterFirst.schoolYears).toBe(afterFirst.schools * 3);
    expect(afterFirst.organisations).toBeGreaterThan(afterFirst.schools);
    expect(first).toEqual({
      regions: afterFirst.regions,
      municipalities: afterFirst.municipalities,
      organisations: afterFirst.organisations,
      schoolYears: afterFirst.schoolYears,
    });
  });

  it("is idempotent: a second run changes no counts and rewrites no rows", () => {
    expect(second).toEqual(first);
    expect(afterSecond).toEqual(afterFirst);
  });

  it("gives every school exactly the three demo school years", async () => {
    const rows = await queryRows<{ years: string }>(
      handle.db,
      sql`select string_agg(sy.school_year, ',' order by sy.school_year) as years
          from organisations o join school_years sy on sy.organisation_id = o.id
          where o.kind = 'school' group by o.id`,
    );
    expect(rows).toHaveLength(afterFirst.schools);
    for (const r of rows) expect(r.years).toBe(SEED_SCHOOL_YEARS.join(","));
    const [bodies] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from school_years sy join organisations o on o.id = sy.organisation_id where o.kind <> 'school'`,
    );
    expect(bodies!.n).toBe(0);
  });

  it("stores the regions' zones and capitals", async () => {
    const rows = await queryRows<{ code: string; time_zone: string; capital: string }>(
      handle.db,
      sql`select code, time_zone, capital from regions order by code`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.code, [r.time_zone, r.capital]]))).toEqual({
      "75": ["Asia/Chita", "Чита"],
      "03": ["Asia/Irkutsk", "Улан-Удэ"],
      "71": ["Europe/Moscow", "Тула"],
      "69": ["Europe/Moscow", "Тверь"],
      "23": ["Europe/Moscow", "Краснодар"],
    });
  });

  it("has in 2026/2027 at least two ШНОР and two leading or training-site schools per region", async () => {
    const rows = await queryRows<{ code: string; low: number; lead: number }>(
      handle.db,
      sql`select r.code,
            (count(*) filter (where sy.low_results))::int as low,
            (count(*) filter (where sy."leading" or sy.training_site))::int as lead
          from regions r
          join organisations o on o.region_id = r.id and o.kind = 'school'
          join school_years sy on sy.organisation_id = o.id and sy.school_year = '2026/2027'
          group by r.code`,
    );
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.low, `region ${r.code}`).toBeGreaterThanOrEqual(2);
      expect(r.lead, `region ${r.code}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("never lists a school as both ШНОР and leading in the same year", async () => {
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from school_years where low_results and "leading"`,
    );
    expect(row!.n).toBe(0);
  });

  it("gives every organisation a unique ИНН with a valid checksum and its region's code", async () => {
    const rows = await queryRows<{ inn: string | null; code: string }>(
      handle.db,
      sql`select o.inn, r.code from organisations o join regions r on r.id = o.region_id`,
    );
    const inns = rows.map((r) => r.inn);
    expect(inns.every((inn) => inn !== null && innValid(inn))).toBe(true);
    expect(new Set(inns).size).toBe(inns.length);
    for (const r of rows) expect(r.inn!.slice(0, 2)).toBe(r.code);
  });

  it("places every school in a municipality of its own region, bodies' municipalities too", async () => {
    const [row] = await queryRows<{ orphans: number; foreign: number }>(
      handle.db,
      sql`select
            (count(*) filter (where o.kind = 'school' and o.municipality_id is null))::int as orphans,
            (count(*) filter (where m.id is not null and m.region_id <> o.region_id))::int as foreign
          from organisations o left join municipalities m on m.id = o.municipality_id`,
    );
    expect(row).toEqual({ orphans: 0, foreign: 0 });
  });

  it("keeps the demo data plausible: teacher counts, rural share, «500+» among ШНОР", () => {
    const rural = SCHOOLS.filter((s) => s.rural).length / SCHOOLS.length;
    expect(rural).toBeGreaterThan(0.35);
    expect(rural).toBeLessThan(0.55);
    for (const s of SCHOOLS) {
      for (const year of SEED_SCHOOL_YEARS) {
        const st = s.years[year];
        const [min, max] = s.rural ? [8, 25] : [25, 90];
        expect(st.teacherCount, s.shortName).toBeGreaterThanOrEqual(min);
        expect(st.teacherCount, s.shortName).toBeLessThanOrEqual(max);
        if (st.project500) expect(st.lowResults, `${s.shortName} ${year}`).toBe(true);
      }
    }
    expect(new Set(SCHOOLS.map((s) => s.regionCode))).toEqual(new Set(REGIONS.map((r) => r.code)));
  });
});
