/** A school's declared strengths (from the professional topics vocabulary), edited by its administrator. */
import { eq } from "drizzle-orm";
import { orgStrengths } from "../../../db/schema/index.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import type { Person, PartnershipServices } from "./lifecycle.server.ts";
import { canEditStrengths, ensurePartnership } from "./policy.server.ts";
import { orgScope } from "./queries.server.ts";
import { PARTNERSHIP_ERRORS as E } from "./strings.ts";

/** Replaces the school's strengths with the given topic codes (already checked against the vocabulary). */
export async function setStrengths(s: PartnershipServices, viewer: Person, input: { organisationId: string; topics: readonly string[] }): Promise<Outcome> {
  const org = await orgScope(s.db, input.organisationId);
  if (!org) return refuse(404, E.schoolNotFound);
  ensurePartnership(canEditStrengths(viewer, org));
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.delete(orgStrengths).where(eq(orgStrengths.organisationId, org.id));
    const topics = [...new Set(input.topics)];
    if (topics.length) await tx.insert(orgStrengths).values(topics.map((topicCode) => ({ organisationId: org.id, topicCode, updatedBy: viewer.id, updatedAt: now })));
  });
  return { ok: true };
}
