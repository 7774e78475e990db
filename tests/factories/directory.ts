/** Test factories for the directory: minimal valid rows with overridable fields. */
import crypto from "node:crypto";
import type { Executor } from "../../db/client.ts";
import { municipalities, organisations, regions, schoolYears, type OrganisationKind } from "../../db/schema/index.ts";
import { russianSortKey } from "../../app/utils/text.ts";

const unique = () => crypto.randomBytes(3).toString("hex");

/** A valid 10-digit legal-entity ИНН with the given region prefix. */
export function fakeInn(regionCode = "75"): string {
  const digits = (regionCode + String(crypto.randomInt(0, 10_000_000)).padStart(7, "0")).split("").map(Number);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const control = (digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 11) % 10;
  return digits.join("") + String(control);
}

export async function makeRegion(ex: Executor, over: Partial<typeof regions.$inferInsert> = {}) {
  const name = over.name ?? `Тестовый регион ${unique()}`;
  const [row] = await ex
    .insert(regions)
    .values({ code: String(crypto.randomInt(100, 999)), name, nameSort: russianSortKey(name), timeZone: "Asia/Chita", capital: "Чита", ...over })
    .returning();
  return row!;
}

export async function makeMunicipality(ex: Executor, regionId: string, over: Partial<typeof municipalities.$inferInsert> = {}) {
  const name = over.name ?? `Тестовый район ${unique()}`;
  const [row] = await ex.insert(municipalities).values({ regionId, name, nameSort: russianSortKey(name), ...over }).returning();
  return row!;
}

export async function makeOrganisation(
  ex: Executor,
  regionId: string,
  over: Partial<typeof organisations.$inferInsert> & { kind?: OrganisationKind } = {},
) {
  const name = over.name ?? `МБОУ СОШ № ${crypto.randomInt(1, 99)} (${unique()})`;
  const [row] = await ex
    .insert(organisations)
    .values({ kind: "school", name, shortName: name, nameSort: russianSortKey(name), regionId, inn: fakeInn(), ...over })
    .returning();
  return row!;
}

export async function makeSchoolYear(ex: Executor, organisationId: string, schoolYear: string, over: Partial<typeof schoolYears.$inferInsert> = {}) {
  const [row] = await ex.insert(schoolYears).values({ organisationId, schoolYear, teacherCount: 20, ...over }).returning();
  return row!;
}
