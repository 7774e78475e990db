/** Test factories for partnerships: rows inserted directly (no policy), with overridable fields. */
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { organisations, partnershipMembers, partnerships, posts, staffMemberships, threads, type PartnershipMemberRole } from "../../db/schema/index.ts";

export { makePerson, viewerOfUser } from "./people.ts";

const NOW = new Date("2026-11-01T00:00:00Z");

/** A partnership of two schools (active unless told otherwise). */
export async function makePartnership(ex: Executor, over: Partial<typeof partnerships.$inferInsert> & { leaderOrgId: string; partnerOrgId: string }) {
  const status = over.status ?? "active";
  const accepted = status === "proposed" ? null : NOW;
  const [row] = await ex
    .insert(partnerships)
    .values({ status, proposedSide: "partner", leaderAcceptedAt: accepted, partnerAcceptedAt: NOW, goals: "Повышение качества образования в школе-партнёре.", createdAt: NOW, statusChangedAt: NOW, ...over })
    .returning();
  return row!;
}

/** Confirmed staff of a school. */
export async function makeStaff(ex: Executor, organisationId: string, userId: string, position = "учитель") {
  await ex.insert(staffMemberships).values({ userId, organisationId, position, status: "confirmed", requestedAt: NOW, decidedAt: NOW });
}

/** A member of a partnership from one of its schools. */
export async function addPartnershipMember(ex: Executor, partnershipId: string, userId: string, organisationId: string, role: PartnershipMemberRole = "teacher") {
  await ex.insert(partnershipMembers).values({ partnershipId, userId, organisationId, role, addedAt: NOW });
}

/**
 * The policy matrix's partnership: the given school (leader) with СОШ № 3 г. Шилки, active, with a
 * workspace thread by `authorId`; and Холбонская СОШ, a partner school free to be proposed.
 */
export async function makeMatrixPartnership(ex: Executor, input: { leaderOrgId: string; authorId: string }) {
  const [partner] = await ex.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, "7527090034"));
  const [free] = await ex.select({ id: organisations.id }).from(organisations).where(eq(organisations.inn, "7527090108"));
  const p = await makePartnership(ex, { leaderOrgId: input.leaderOrgId, partnerOrgId: partner!.id });
  const [thread] = await ex.insert(threads).values({ ownerKind: "partnership", ownerId: p.id, title: "Рабочая тема партнёрства", authorId: input.authorId, postCount: 1, lastPostSeq: 1, createdAt: NOW, lastActivityAt: NOW }).returning();
  await ex.insert(posts).values({ threadId: thread!.id, seq: 1, authorId: input.authorId, body: { type: "doc", content: [] }, bodyHtml: "<p>Матрица</p>", clientId: `matrix-partnership-${p.id.slice(0, 8)}`, createdAt: NOW });
  return { id: p.id, threadId: thread!.id, freePartnerId: free!.id };
}
