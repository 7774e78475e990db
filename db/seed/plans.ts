/**
 * Demo plans: every active demo partnership gets a roadmap from the partnership template (some
 * activities done with a report and evidence, members responsible for others), and Бичурский
 * район gets the municipal plan in the style of seed 001. Only invented people and bodies.
 * Idempotent: an owner that has a plan is left alone.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { municipalities, organisations, partnershipMembers, partnerships, planEvidence, planItemPeople, planItems, planItemStatusChanges, plans, regions } from "../schema/index.ts";
import { PLAN_TEMPLATES } from "../../app/features/plans/templates.ts";
import { parseTerm } from "../../app/features/plans/terms.ts";
import { localDateKey, schoolYearOf } from "../../app/utils/datetime.ts";
import type { PlanOwnerKind } from "../../app/features/plans/vocabulary.ts";

const DAY = 86_400_000;

async function hasPlan(ex: Executor, kind: PlanOwnerKind, id: string) {
  return (await ex.select({ id: plans.id }).from(plans).where(and(eq(plans.ownerKind, kind), eq(plans.ownerId, id))).limit(1)).length > 0;
}

async function planFromTemplate(ex: Executor, now: Date, owner: { kind: PlanOwnerKind; id: string; timeZone: string }, templateId: string) {
  const template = PLAN_TEMPLATES.find((t) => t.id === templateId)!;
  const schoolYear = schoolYearOf(now, owner.timeZone);
  const createdAt = new Date(now.getTime() - 60 * DAY);
  const [plan] = await ex.insert(plans).values({ ownerKind: owner.kind, ownerId: owner.id, title: template.title, schoolYear, timeZone: owner.timeZone, createdAt, updatedAt: createdAt }).returning({ id: plans.id });
  const rows = await ex
    .insert(planItems)
    .values(
      template.rows.map((r, i) => {
        const term = r.term ? parseTerm(r.term, schoolYear) : { start: null, end: null };
        return { planId: plan!.id, kind: r.term === undefined ? ("section" as const) : ("activity" as const), position: i + 1, number: r.number, title: r.title, activityType: r.type ?? null, termLabel: r.term ?? "", termStart: term.start, termEnd: term.end, responsibleText: r.responsible ?? "", expectedResult: r.expected ?? "", createdAt };
      }),
    )
    .returning({ id: planItems.id, number: planItems.number, termEnd: planItems.termEnd });
  return { planId: plan!.id, rows, today: localDateKey(now, owner.timeZone) };
}

/** Marks the activities whose term has ended as done (a few days before the end), with a report. */
async function markPastDone(ex: Executor, now: Date, rows: { id: string; number: string; termEnd: string | null }[], today: string, reports: Record<string, { text: string; link?: { url: string; label: string } }>) {
  for (const r of rows) {
    if (!r.termEnd || r.termEnd >= today) continue;
    const at = new Date(Date.parse(`${r.termEnd}T03:00:00Z`) - 3 * DAY);
    const report = reports[r.number];
    await ex.update(planItems).set({ status: "done", statusChangedAt: at, actualResult: report?.text ?? "Выполнено по плану." }).where(eq(planItems.id, r.id));
    await ex.insert(planItemStatusChanges).values({ itemId: r.id, fromStatus: "planned", toStatus: "done", at });
    if (report?.link) await ex.insert(planEvidence).values({ itemId: r.id, kind: "link", url: report.link.url, label: report.link.label, addedAt: at });
  }
}

/** Loads the demo plans; returns how many plans were added. */
export async function seedPlans(ex: Executor, now: Date): Promise<number> {
  let added = 0;
  const active = await ex.select({ id: partnerships.id, partnerOrgId: partnerships.partnerOrgId }).from(partnerships).where(inArray(partnerships.status, ["active"]));
  for (const p of active) {
    if (await hasPlan(ex, "partnership", p.id)) continue;
    const [zone] = await ex.select({ timeZone: regions.timeZone }).from(organisations).innerJoin(regions, eq(regions.id, organisations.regionId)).where(eq(organisations.id, p.partnerOrgId));
    const { rows, today } = await planFromTemplate(ex, now, { kind: "partnership", id: p.id, timeZone: zone!.timeZone }, "partnership-roadmap");
    await markPastDone(ex, now, rows, today, {
      "1.1": { text: "Дорожная карта согласована на совместном совещании администраций школ, подписан протокол.", link: { url: "https://school.example/partnership/roadmap", label: "Протокол совещания на сайте школы" } },
      "1.2": { text: "Проведена диагностика: выявлены дефициты в формирующем оценивании и работе со слабоуспевающими." },
    });
    const members = await ex.select({ userId: partnershipMembers.userId }).from(partnershipMembers).where(eq(partnershipMembers.partnershipId, p.id));
    const open = rows.filter((r) => r.termEnd && r.termEnd >= today);
    for (const [i, r] of open.slice(0, 3).entries()) {
      const person = members[i % Math.max(members.length, 1)];
      if (person) await ex.insert(planItemPeople).values({ itemId: r.id, userId: person.userId }).onConflictDoNothing();
    }
    added++;
  }
  const [bichura] = await ex.select({ id: municipalities.id, timeZone: regions.timeZone }).from(municipalities).innerJoin(regions, eq(regions.id, municipalities.regionId)).where(eq(municipalities.name, "Бичурский район"));
  if (bichura && !(await hasPlan(ex, "municipality", bichura.id))) {
    const { rows, today } = await planFromTemplate(ex, now, { kind: "municipality", id: bichura.id, timeZone: bichura.timeZone }, "municipal-shnor");
    await markPastDone(ex, now, rows, today, { "1.2": { text: "Дорожная карта утверждена приказом управления образования." } });
    added++;
  }
  return added;
}
