import { inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { russianSortKey } from "../../app/utils/text.ts";
import type { Executor } from "../client.ts";
import { municipalities, organisations, regions, schoolYears } from "../schema/index.ts";
import {
  BODIES,
  MUNICIPALITIES,
  REGIONS,
  SCHOOLS,
  SEED_SCHOOL_YEARS,
  type BodySeed,
  type SchoolSeed,
} from "./data/directory.ts";

/** Rows per INSERT statement: well under the bind-parameter limit for every table. */
const BATCH_SIZE = 200;

export interface DirectorySeedSummary {
  regions: number;
  municipalities: number;
  organisations: number;
  schoolYears: number;
}

function chunks<T>(rows: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `excluded.<column>`: the value the conflicting INSERT proposed. */
function excluded(column: PgColumn): SQL {
  return sql.raw(`excluded."${column.name}"`);
}

/**
 * The `ON CONFLICT DO UPDATE` parts that copy the proposed values of `columns`, but only when one
 * of them differs, so a re-run leaves unchanged rows (and their `updated_at`) alone.
 */
function upsertChanged<K extends string>(columns: Record<K, PgColumn>): { set: Record<K | "updatedAt", SQL>; setWhere: SQL } {
  const set = {} as Record<K | "updatedAt", SQL>;
  const current: SQL[] = [];
  const proposed: SQL[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const column = columns[key];
    set[key] = excluded(column);
    current.push(sql`${column}`);
    proposed.push(excluded(column));
  }
  set.updatedAt = sql`now()`;
  return { set, setWhere: sql`(${sql.join(current, sql`, `)}) is distinct from (${sql.join(proposed, sql`, `)})` };
}

/**
 * Loads the demo directory (`./data/directory.ts`): the five regions of the seed documents, their
 * municipalities, the bodies that run the programme, the schools and each school's status in the
 * school years 2024/2025–2026/2027.
 *
 * Idempotent: regions are upserted by code, municipalities by (region, name), organisations (bodies
 * included) by ИНН and school years by (organisation, school year), so a second run adds nothing
 * and only rewrites rows whose demo data changed. Rows that are not in the demo data are never
 * touched. Sort keys are computed with {@link russianSortKey}. Run it inside a transaction
 * (`seedDemo` does) to load all or nothing.
 *
 * @param ex - The database or an open transaction.
 * @returns How many rows of each kind the demo data holds (all present after the run).
 */
export async function seedDirectory(ex: Executor): Promise<DirectorySeedSummary> {
  // Regions, by code.
  await ex
    .insert(regions)
    .values(
      REGIONS.map((r) => ({ code: r.code, name: r.name, nameSort: russianSortKey(r.name), timeZone: r.timeZone, capital: r.capital })),
    )
    .onConflictDoUpdate({
      target: regions.code,
      ...upsertChanged({ name: regions.name, nameSort: regions.nameSort, timeZone: regions.timeZone, capital: regions.capital }),
    });
  const regionRows = await ex
    .select({ id: regions.id, code: regions.code })
    .from(regions)
    .where(inArray(regions.code, REGIONS.map((r) => r.code)));
  const regionId = new Map(regionRows.map((r) => [r.code, r.id]));
  const regionOf = (code: string): string => {
    const id = regionId.get(code);
    if (!id) throw new Error(`Seed: unknown region code ${code}`);
    return id;
  };

  // Municipalities, by (region, name).
  for (const batch of chunks(MUNICIPALITIES)) {
    await ex
      .insert(municipalities)
      .values(batch.map((m) => ({ regionId: regionOf(m.regionCode), name: m.name, nameSort: russianSortKey(m.name) })))
      .onConflictDoUpdate({
        target: [municipalities.regionId, municipalities.name],
        ...upsertChanged({ nameSort: municipalities.nameSort }),
      });
  }
  const municipalityRows = await ex
    .select({ id: municipalities.id, regionId: municipalities.regionId, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.regionId, [...regionId.values()]));
  const municipalityId = new Map(municipalityRows.map((m) => [`${m.regionId}\u0000${m.name}`, m.id]));
  const municipalityOf = (regionCode: string, name: string | null): string | null => {
    if (name === null) return null;
    const id = municipalityId.get(`${regionOf(regionCode)}\u0000${name}`);
    if (!id) throw new Error(`Seed: no municipality «${name}» in region ${regionCode}`);
    return id;
  };

  // Organisations (bodies and schools), by ИНН.
  const all: (BodySeed | (SchoolSeed & { kind: "school" }))[] = [
    ...BODIES,
    ...SCHOOLS.map((s) => ({ ...s, kind: "school" as const })),
  ];
  for (const batch of chunks(all)) {
    await ex
      .insert(organisations)
      .values(
        batch.map((o) => ({
          kind: o.kind,
          name: o.name,
          shortName: o.shortName,
          nameSort: russianSortKey(o.name),
          regionId: regionOf(o.regionCode),
          municipalityId: municipalityOf(o.regionCode, o.municipality),
          inn: o.inn,
          rural: "rural" in o ? o.rural : null,
          address: o.address,
          phone: o.phone,
          email: o.email,
          website: o.website ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.inn,
        ...upsertChanged({
          kind: organisations.kind,
          name: organisations.name,
          shortName: organisations.shortName,
          nameSort: organisations.nameSort,
          regionId: organisations.regionId,
          municipalityId: organisations.municipalityId,
          rural: organisations.rural,
          address: organisations.address,
          phone: organisations.phone,
          email: organisations.email,
          website: organisations.website,
        }),
      });
  }
  const organisationRows = await ex
    .select({ id: organisations.id, inn: organisations.inn })
    .from(organisations)
    .where(inArray(organisations.inn, all.map((o) => o.inn)));
  const organisationId = new Map(organisationRows.map((o) => [o.inn, o.id]));

  // School years, by (organisation, school year).
  const yearRows = SCHOOLS.flatMap((s) => {
    const id = organisationId.get(s.inn);
    if (!id) throw new Error(`Seed: school ${s.inn} was not stored`);
    return SEED_SCHOOL_YEARS.map((schoolYear) => ({ organisationId: id, schoolYear, ...s.years[schoolYear] }));
  });
  for (const batch of chunks(yearRows)) {
    await ex
      .insert(schoolYears)
      .values(batch)
      .onConflictDoUpdate({
        target: [schoolYears.organisationId, schoolYears.schoolYear],
        ...upsertChanged({
          lowResults: schoolYears.lowResults,
          adverseConditions: schoolYears.adverseConditions,
          leading: schoolYears.leading,
          trainingSite: schoolYears.trainingSite,
          project500: schoolYears.project500,
          teacherCount: schoolYears.teacherCount,
        }),
      });
  }

  return {
    regions: REGIONS.length,
    municipalities: MUNICIPALITIES.length,
    organisations: all.length,
    schoolYears: yearRows.length,
  };
}
