import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { municipalities, organisations, regions, schoolYears } from "../../../db/schema/index.ts";

export interface RegionOverview {
  id: string;
  name: string;
  timeZone: string;
  capital: string;
  municipalities: number;
  bodies: number;
  schools: number;
  lowResults: number;
  adverseConditions: number;
  leading: number;
  trainingSites: number;
  project500: number;
  teachers: number;
}

/**
 * The programme in one school year, region by region: schools on that year's lists and their
 * teachers. Regions come in Russian alphabetical order (stored sort key).
 */
export async function listRegionOverviews(ex: Executor, schoolYear: string): Promise<RegionOverview[]> {
  const sy = schoolYears;
  return ex
    .select({
      id: regions.id,
      name: regions.name,
      timeZone: regions.timeZone,
      capital: regions.capital,
      municipalities: sql<number>`(select count(*)::int from ${municipalities} where ${municipalities.regionId} = ${regions.id})`,
      bodies: sql<number>`(select count(*)::int from ${organisations} o where o.region_id = ${regions.id} and o.kind <> 'school')`,
      schools: sql<number>`count(${sy.organisationId})::int`,
      lowResults: sql<number>`(count(*) filter (where ${sy.lowResults}))::int`,
      adverseConditions: sql<number>`(count(*) filter (where ${sy.adverseConditions}))::int`,
      leading: sql<number>`(count(*) filter (where ${sy.leading}))::int`,
      trainingSites: sql<number>`(count(*) filter (where ${sy.trainingSite}))::int`,
      project500: sql<number>`(count(*) filter (where ${sy.project500}))::int`,
      teachers: sql<number>`coalesce(sum(${sy.teacherCount}), 0)::int`,
    })
    .from(regions)
    .leftJoin(organisations, and(eq(organisations.regionId, regions.id), eq(organisations.kind, "school")))
    .leftJoin(sy, and(eq(sy.organisationId, organisations.id), eq(sy.schoolYear, schoolYear)))
    .groupBy(regions.id)
    .orderBy(asc(regions.nameSort));
}
