/** Test factories for people: accounts with consent, roles and an optional password. */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { consents, roleGrants, users } from "../../db/schema/index.ts";
import type { Viewer } from "../../app/features/accounts/viewer.server.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

export interface PersonOverrides {
  name?: string;
  email?: string;
  /** A real password (hashed with argon2id); without it the account cannot sign in. */
  password?: string;
  roles?: Array<{ role: string; scopeType?: string; scopeId?: string }>;
}

/** A confirmed account with its processing consent and optional role grants; returns its id. */
export async function makePerson(ex: Executor, over: PersonOverrides = {}): Promise<string> {
  const now = new Date("2026-11-01T00:00:00Z");
  const [consent] = await ex.insert(consents).values({ document: "personal_data_processing", version: "2026-11-01", givenAt: now }).returning();
  const passwordHash = over.password ? await hashPassword(over.password) : "x";
  const [user] = await ex
    .insert(users)
    .values({ email: over.email ?? `person.${unique()}@school.example`, name: over.name ?? `Тестовый Педагог ${unique()}`, passwordHash, consentId: consent!.id, emailVerifiedAt: now, createdAt: now })
    .returning();
  await ex.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
  for (const g of over.roles ?? []) await ex.insert(roleGrants).values({ userId: user!.id, role: g.role, scopeType: g.scopeType ?? null, scopeId: g.scopeId ?? null, grantedAt: now });
  return user!.id;
}

/** The viewer of an account, with its role grants, as the session layer builds it. */
export async function viewerOfUser(ex: Executor, userId: string): Promise<Viewer & { id: string }> {
  const grants = await ex.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, userId));
  return { id: userId, anonymous: false, roles: grants.map((g) => ({ role: g.role, scopeType: g.scopeType ?? undefined, scopeId: g.scopeId ?? undefined })) };
}
