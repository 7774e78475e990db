/** Test factories for plans: rows inserted directly (no policy). */
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { planItems, plans, regions } from "../../db/schema/index.ts";

const NOW = new Date("2026-11-01T00:00:00Z");

/** A plan of an owner with the given rows (a section «1.» and an activity «1.1» by default). */
export async function makePlan(ex: Executor, owner: { kind: "partnership" | "organisation" | "municipality" | "region"; id: string; regionId: string }, over: Partial<typeof plans.$inferInsert> = {}) {
  const [region] = await ex.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, owner.regionId));
  const [plan] = await ex.insert(plans).values({ ownerKind: owner.kind, ownerId: owner.id, title: "План для проверки", schoolYear: "2026/2027", timeZone: region!.timeZone, createdAt: NOW, updatedAt: NOW, ...over }).returning();
  const [, activity] = await ex
    .insert(planItems)
    .values([
      { planId: plan!.id, kind: "section", position: 1, number: "1.", title: "Организация", createdAt: NOW },
      { planId: plan!.id, kind: "activity", position: 2, number: "1.1", title: "Совместное планирование", activityType: "joint_planning", termLabel: "декабрь", termStart: "2026-12-01", termEnd: "2026-12-31", createdAt: NOW },
    ])
    .returning({ id: planItems.id });
  return { id: plan!.id, itemId: activity!.id };
}

/** The policy matrix's roadmap of its partnership. */
export const makeMatrixPlan = (ex: Executor, partnershipId: string, regionId: string) => makePlan(ex, { kind: "partnership", id: partnershipId, regionId });
