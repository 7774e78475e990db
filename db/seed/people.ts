import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { consents, organisations, regions, roleGrants, staffMemberships, users } from "../schema/index.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";
import { PERSONAL_DATA_CONSENT } from "../../app/features/accounts/consent.ts";

/** The one demo password (embedded default only; listed in the README). */
export const DEMO_PASSWORD = "Мост-демо-2026";

interface DemoPerson {
  email: string;
  name: string;
  roles: Array<{ role: string; regionCode?: string; schoolInn?: string }>;
  /** A confirmed place of work (by ИНН) with the position. */
  staff?: { inn: string; position: string };
}

/** Fictional people: no name here comes from the seed documents. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { email: "admin@most.example", name: "Алексей Гусев", roles: [{ role: "admin" }] },
  { email: "coordinator.chita@most.example", name: "Марина Лебедева", roles: [{ role: "coordinator", regionCode: "75" }] },
  { email: "coordinator.buryatia@most.example", name: "Баир Цыренов", roles: [{ role: "coordinator", regionCode: "03" }] },
  { email: "coordinator.tula@most.example", name: "Ирина Полякова", roles: [{ role: "coordinator", regionCode: "71" }] },
  { email: "coordinator.tver@most.example", name: "Сергей Рябов", roles: [{ role: "coordinator", regionCode: "69" }] },
  { email: "coordinator.krasnodar@most.example", name: "Наталья Фомина", roles: [{ role: "coordinator", regionCode: "23" }] },
  { email: "expert@most.example", name: "Елена Тимофеева", roles: [{ role: "expert", regionCode: "75" }] },
  { email: "director.shilka@most.example", name: "Виктор Зайцев", roles: [{ role: "school_admin", schoolInn: "7527090027" }], staff: { inn: "7527090027", position: "директор" } },
  { email: "teacher.math@most.example", name: "Ольга Морозова", roles: [] },
  { email: "teacher.russian@most.example", name: "Анна Белова", roles: [] },
  { email: "teacher.physics@most.example", name: "Дмитрий Ершов", roles: [] },
  { email: "teacher.primary@most.example", name: "Светлана Никитина", roles: [] },
  { email: "tutor@most.example", name: "Павел Кравцов", roles: [] },
];

/**
 * Loads the demo people with confirmed addresses and their role grants (idempotent). Regional
 * roles are scoped to the region by its code.
 */
export async function seedPeople(ex: Executor, now: Date): Promise<number> {
  const existing = new Set((await ex.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_PEOPLE.map((p) => p.email)))).map((u) => u.email));
  const passwordHash = existing.size === DEMO_PEOPLE.length ? "" : await hashPassword(DEMO_PASSWORD);
  const regionIds = new Map((await ex.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]));
  const orgByInn = async (inn: string) => (await ex.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, inn)))[0]?.id;
  for (const person of DEMO_PEOPLE) {
    if (existing.has(person.email)) continue;
    const [consent] = await ex.insert(consents).values({ document: PERSONAL_DATA_CONSENT.document, version: PERSONAL_DATA_CONSENT.version, givenAt: now }).returning({ id: consents.id });
    const [user] = await ex
      .insert(users)
      .values({ email: person.email, name: person.name, passwordHash, consentId: consent!.id, emailVerifiedAt: now, createdAt: now })
      .returning({ id: users.id });
    await ex.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
    for (const grant of person.roles) {
      const orgId = grant.schoolInn ? await orgByInn(grant.schoolInn) : undefined;
      const scopeId = orgId ?? (grant.regionCode ? regionIds.get(grant.regionCode) : undefined);
      const scopeType = orgId ? "organisation" : scopeId ? "region" : null;
      await ex.insert(roleGrants).values({ userId: user!.id, role: grant.role, scopeType, scopeId: scopeId ?? null, grantedAt: now, reason: "Демонстрационные данные" });
    }
    const staffOrg = person.staff ? await orgByInn(person.staff.inn) : undefined;
    if (staffOrg) {
      await ex.insert(staffMemberships).values({ userId: user!.id, organisationId: staffOrg, position: person.staff!.position, status: "confirmed", requestedAt: now, decidedAt: now });
    }
  }
  return DEMO_PEOPLE.length;
}
