import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { consents, organisations, profiles, regions, roleGrants, staffMemberships, users } from "../schema/index.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";
import { PERSONAL_DATA_CONSENT } from "../../app/features/accounts/consent.ts";
import { PUBLIC_PROFILE_CONSENT, type PublicField } from "../../app/features/profiles/fields.ts";
import { russianSortKey } from "../../app/utils/text.ts";

/** The one demo password (embedded default only; listed in the README). */
export const DEMO_PASSWORD = "Мост-демо-2026";

interface DemoPerson {
  email: string;
  name: string;
  roles: Array<{ role: string; regionCode?: string; schoolInn?: string }>;
  /** A confirmed place of work (by ИНН) with the position. */
  staff?: { inn: string; position: string };
  /** The professional card; `public` lists the fields shown to everybody (with consent). */
  profile?: {
    position: string;
    inn?: string;
    subjects?: string[];
    grades?: number[];
    experienceYears?: number;
    canHelp?: string[];
    needsHelp?: string[];
    bio?: string;
    public: PublicField[];
  };
}

const OPEN_CARD: PublicField[] = ["name", "position", "organisation", "subjects", "grades", "experience", "canHelp", "needsHelp", "bio"];

/** Fictional people: no name here comes from the seed documents. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { email: "admin@most.example", name: "Алексей Гусев", roles: [{ role: "admin" }] },
  { email: "coordinator.chita@most.example", name: "Марина Лебедева", roles: [{ role: "coordinator", regionCode: "75" }] },
  { email: "coordinator.buryatia@most.example", name: "Баир Цыренов", roles: [{ role: "coordinator", regionCode: "03" }] },
  { email: "coordinator.tula@most.example", name: "Ирина Полякова", roles: [{ role: "coordinator", regionCode: "71" }] },
  { email: "coordinator.tver@most.example", name: "Сергей Рябов", roles: [{ role: "coordinator", regionCode: "69" }] },
  { email: "coordinator.krasnodar@most.example", name: "Наталья Фомина", roles: [{ role: "coordinator", regionCode: "23" }] },
  {
    email: "expert@most.example",
    name: "Елена Тимофеева",
    roles: [{ role: "expert", regionCode: "75" }],
    profile: {
      position: "методист",
      subjects: ["math"],
      grades: [5, 6, 7, 8, 9],
      experienceYears: 22,
      canHelp: ["formative-assessment", "vpr", "lesson-study", "mentoring"],
      bio: "Методист по математике. Веду сетевое сообщество учителей математики края, помогаю школам разбирать результаты ВПР и строить уроки с формирующим оцениванием.",
      public: OPEN_CARD,
    },
  },
  {
    email: "director.shilka@most.example",
    name: "Виктор Зайцев",
    roles: [{ role: "school_admin", schoolInn: "7527090027" }],
    staff: { inn: "7527090027", position: "директор" },
    profile: { position: "директор", inn: "7527090027", experienceYears: 18, canHelp: ["rural"], needsHelp: ["leadership", "internal-quality", "families"], public: ["name", "position", "organisation", "canHelp", "needsHelp"] },
  },
  {
    email: "teacher.math@most.example",
    name: "Ольга Морозова",
    roles: [],
    profile: {
      position: "учитель",
      inn: "7536090143",
      subjects: ["math"],
      grades: [5, 6, 7, 8, 9, 10, 11],
      experienceYears: 14,
      canHelp: ["formative-assessment", "functional-literacy", "exam-prep"],
      needsHelp: ["inclusive"],
      bio: "Учитель математики, руковожу школьным методическим объединением. Люблю задачи на функциональную грамотность и делюсь своими листами самооценки.",
      public: OPEN_CARD,
    },
  },
  {
    email: "teacher.russian@most.example",
    name: "Анна Белова",
    roles: [],
    profile: { position: "учитель", inn: "7527090108", subjects: ["russian"], grades: [5, 6, 7, 8, 9], experienceYears: 3, needsHelp: ["low-achievers", "motivation", "formative-assessment"], public: ["name", "position", "organisation", "subjects", "needsHelp"] },
  },
  {
    email: "teacher.physics@most.example",
    name: "Дмитрий Ершов",
    roles: [],
    profile: { position: "учитель", inn: "0326090592", subjects: ["physics", "informatics"], grades: [7, 8, 9, 10, 11], experienceYears: 9, canHelp: ["projects", "digital"], needsHelp: ["language-barriers"], public: OPEN_CARD },
  },
  {
    email: "teacher.primary@most.example",
    name: "Светлана Никитина",
    roles: [],
    profile: { position: "учитель", inn: "0304090013", subjects: ["primary"], grades: [1, 2, 3, 4], experienceYears: 27, canHelp: ["differentiation", "families", "rural"], public: ["name", "position", "subjects", "canHelp"] },
  },
  /** A person who keeps the card private: nobody else sees it, the directory doesn't list him. */
  { email: "tutor@most.example", name: "Павел Кравцов", roles: [], profile: { position: "тьютор", inn: "7527090027", canHelp: ["psychology"], public: [] } },
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
    const card = person.profile;
    if (card) {
      const organisationId = card.inn ? ((await orgByInn(card.inn)) ?? null) : null;
      const { inn: _inn, public: publicFields, ...rest } = card;
      await ex.insert(profiles).values({ userId: user!.id, nameSort: russianSortKey(person.name), ...rest, organisationId, publicFields, updatedAt: now });
      if (publicFields.length) {
        await ex.insert(consents).values({ userId: user!.id, document: PUBLIC_PROFILE_CONSENT.document, version: PUBLIC_PROFILE_CONSENT.version, givenAt: now, fields: publicFields });
      }
    }
  }
  return DEMO_PEOPLE.length;
}
