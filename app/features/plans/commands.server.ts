/**
 * Writes of plans. Each checks the plans policy on the owner, writes and appends its event to the
 * plan's stream in one transaction; reminders are enqueued in the same transaction. Business time
 * comes from the clock.
 */
import { and, eq, inArray, max } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { planEvidence, planItemPeople, planItems, planItemStatusChanges, plans } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import { canEditPlan, canPublishPlan } from "./policy.server.ts";
import { loadOwner, loadPlan, responsibleCandidates, type PlanOwner, type PlanRow } from "./queries.server.ts";
import { schedulePlanReminders } from "./reminders.server.ts";
import type { SheetItem } from "./spreadsheet.server.ts";
import { PLAN_ERRORS } from "./strings.ts";
import { templateById } from "./templates.ts";
import { parseTerm } from "./terms.ts";
import type { ActivityStatus, ActivityType, PlanOwnerKind } from "./vocabulary.ts";

type S = Pick<AppServices, "db" | "clock" | "jobs">;
type Person = Viewer & { id: string };

const planStream = (id: string) => `plan:${id}`;

async function event(tx: Tx, s: S, planId: string, type: string, actorId: string, payload: Record<string, unknown> = {}) {
  await tx.update(plans).set({ updatedAt: s.clock.now() }).where(eq(plans.id, planId));
  await appendEvent(tx, { stream: planStream(planId), type, payload, actorId, at: s.clock.now() });
}

/** Loads the plan and checks that the viewer may edit it. */
async function editable(s: S, viewer: Person, planId: string): Promise<Outcome<{ plan: PlanRow; owner: PlanOwner }>> {
  const found = await loadPlan(s.db, viewer, planId);
  if (!found) return refuse(404, PLAN_ERRORS.notFound);
  if (!canEditPlan(viewer, found.owner.access)) return refuse(403, PLAN_ERRORS.forbidden);
  return { ok: true, ...found };
}

async function editableItem(s: S, viewer: Person, planId: string, itemId: string) {
  const found = await editable(s, viewer, planId);
  if (!found.ok) return found;
  const [item] = await s.db.select().from(planItems).where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)));
  if (!item || item.kind !== "activity") return refuse(404, PLAN_ERRORS.itemNotFound);
  return { ...found, item };
}

type NewRow = Omit<SheetItem, "people" | "evidence">;

async function insertRows(tx: Tx, s: S, planId: string, rows: readonly NewRow[], from: number) {
  const now = s.clock.now();
  if (!rows.length) return [];
  return tx
    .insert(planItems)
    .values(rows.map((r, i) => ({ planId, kind: r.kind, position: from + i, number: r.number, title: r.title, activityType: r.activityType, termLabel: r.termLabel, termStart: r.termStart, termEnd: r.termEnd, responsibleText: r.responsibleText, expectedResult: r.expectedResult, actualResult: r.actualResult, status: r.status, statusChangedAt: r.status === "planned" ? null : now, createdAt: now })))
    .returning({ id: planItems.id, status: planItems.status });
}

/**
 * Creates a plan for an owner, empty or from a template (its rows with terms read against the
 * school year).
 */
export async function createPlan(s: S, viewer: Person, input: { ownerKind: PlanOwnerKind; ownerId: string; title: string; schoolYear: string; templateId?: string }): Promise<Outcome<{ id: string }>> {
  const owner = await loadOwner(s.db, viewer, input.ownerKind, input.ownerId);
  if (!owner) return refuse(404, PLAN_ERRORS.ownerNotFound);
  if (!canEditPlan(viewer, owner.access)) return refuse(403, PLAN_ERRORS.forbidden);
  const template = input.templateId ? templateById(input.templateId) : undefined;
  if (input.templateId && !template) return refuse(400, PLAN_ERRORS.templateUnknown);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values({ ownerKind: owner.kind, ownerId: owner.id, title: input.title, schoolYear: input.schoolYear, timeZone: owner.timeZone, createdBy: viewer.id, createdAt: now, updatedAt: now }).returning({ id: plans.id });
    const rows: NewRow[] = (template?.rows ?? []).map((r) => {
      const term = r.term ? parseTerm(r.term, input.schoolYear) : { start: null, end: null };
      return { kind: r.term === undefined ? "section" : "activity", number: r.number, title: r.title, activityType: r.type ?? null, termLabel: r.term ?? "", termStart: term.start, termEnd: term.end, responsibleText: r.responsible ?? "", expectedResult: r.expected ?? "", actualResult: "", status: "planned" };
    });
    await insertRows(tx, s, plan!.id, rows, 1);
    await event(tx, s, plan!.id, "plan.created", viewer.id, { template: template?.id ?? null });
    return { ok: true as const, id: plan!.id };
  });
}

/** Adds a section or an activity at the end of the plan. */
export async function addItem(s: S, viewer: Person, input: { planId: string; kind: "section" | "activity"; number: string; title: string; activityType?: ActivityType; termLabel?: string; termStart?: string; termEnd?: string; responsibleText?: string; expectedResult?: string }): Promise<Outcome<{ itemId: string }>> {
  const found = await editable(s, viewer, input.planId);
  if (!found.ok) return found;
  const parsed = input.termLabel && !input.termStart && !input.termEnd ? parseTerm(input.termLabel, found.plan.schoolYear) : { start: input.termStart ?? null, end: input.termEnd ?? null };
  return s.db.transaction(async (tx) => {
    const [last] = await tx.select({ n: max(planItems.position) }).from(planItems).where(eq(planItems.planId, input.planId));
    const [row] = await insertRows(tx, s, input.planId, [{ kind: input.kind, number: input.number, title: input.title, activityType: input.kind === "activity" ? (input.activityType ?? null) : null, termLabel: input.termLabel ?? "", termStart: parsed.start, termEnd: parsed.end, responsibleText: input.responsibleText ?? "", expectedResult: input.expectedResult ?? "", actualResult: "", status: "planned" }], (last?.n ?? 0) + 1);
    await event(tx, s, input.planId, "plan.item.added", viewer.id, { itemId: row!.id });
    return { ok: true as const, itemId: row!.id };
  });
}

async function recordStatus(tx: Tx, s: S, itemId: string, from: string | null, to: ActivityStatus, byUserId: string) {
  await tx.update(planItems).set({ status: to, statusChangedAt: s.clock.now() }).where(eq(planItems.id, itemId));
  await tx.insert(planItemStatusChanges).values({ itemId, fromStatus: from, toStatus: to, byUserId, at: s.clock.now() });
}

/** Changes an activity's status; the change is stored with its date. */
export async function setStatus(s: S, viewer: Person, input: { planId: string; itemId: string; status: ActivityStatus }): Promise<Outcome> {
  const found = await editableItem(s, viewer, input.planId, input.itemId);
  if (!found.ok) return found;
  if (found.item.status === input.status) return refuse(400, PLAN_ERRORS.sameStatus);
  return s.db.transaction(async (tx) => {
    await recordStatus(tx, s, input.itemId, found.item.status, input.status, viewer.id);
    await event(tx, s, input.planId, "plan.item.status", viewer.id, { itemId: input.itemId, status: input.status });
    return { ok: true as const };
  });
}

/** Makes a person (one of the owner's people) responsible for an activity and schedules their reminders. */
export async function assignPerson(s: S, viewer: Person, input: { planId: string; itemId: string; userId: string }): Promise<Outcome> {
  const found = await editableItem(s, viewer, input.planId, input.itemId);
  if (!found.ok) return found;
  const candidates = await responsibleCandidates(s.db, found.owner);
  if (!candidates.some((c) => c.id === input.userId)) return refuse(400, PLAN_ERRORS.personUnknown);
  return s.db.transaction(async (tx) => {
    const added = await tx.insert(planItemPeople).values({ itemId: input.itemId, userId: input.userId }).onConflictDoNothing().returning({ userId: planItemPeople.userId });
    if (!added.length) return refuse(400, PLAN_ERRORS.alreadyResponsible);
    await schedulePlanReminders(tx, s, found.item, found.plan.timeZone);
    await event(tx, s, input.planId, "plan.item.person", viewer.id, { itemId: input.itemId, userId: input.userId });
    return { ok: true as const };
  });
}

/** Removes a responsible person from an activity. */
export async function removePerson(s: S, viewer: Person, input: { planId: string; itemId: string; userId: string }): Promise<Outcome> {
  const found = await editableItem(s, viewer, input.planId, input.itemId);
  if (!found.ok) return found;
  return s.db.transaction(async (tx) => {
    await tx.delete(planItemPeople).where(and(eq(planItemPeople.itemId, input.itemId), eq(planItemPeople.userId, input.userId)));
    await event(tx, s, input.planId, "plan.item.person-removed", viewer.id, { itemId: input.itemId, userId: input.userId });
    return { ok: true as const };
  });
}

/** Saves the report (фактический результат) of an activity; «done» also marks it done today. */
export async function saveReport(s: S, viewer: Person, input: { planId: string; itemId: string; actualResult: string; markDone: boolean }): Promise<Outcome> {
  const found = await editableItem(s, viewer, input.planId, input.itemId);
  if (!found.ok) return found;
  return s.db.transaction(async (tx) => {
    await tx.update(planItems).set({ actualResult: input.actualResult }).where(eq(planItems.id, input.itemId));
    if (input.markDone && found.item.status !== "done") await recordStatus(tx, s, input.itemId, found.item.status, "done", viewer.id);
    await event(tx, s, input.planId, "plan.item.report", viewer.id, { itemId: input.itemId });
    return { ok: true as const };
  });
}

/** The kind and label of a piece of evidence: a page of this platform's events or library, or an outside link. */
export function evidenceOf(url: string, label: string): { kind: "link" | "event" | "practice"; url: string; label: string } {
  const local = /^\/(events|library)\/([0-9a-f-]{36})\/?$/i.exec(url);
  const kind = local ? (local[1] === "events" ? "event" : "practice") : "link";
  return { kind, url, label: label || url };
}

/** Adds a link as evidence of an activity's report. */
export async function addEvidence(s: S, viewer: Person, input: { planId: string; itemId: string; url: string; label: string }): Promise<Outcome> {
  const found = await editableItem(s, viewer, input.planId, input.itemId);
  if (!found.ok) return found;
  return s.db.transaction(async (tx) => {
    await tx.insert(planEvidence).values({ itemId: input.itemId, ...evidenceOf(input.url, input.label), addedBy: viewer.id, addedAt: s.clock.now() });
    await event(tx, s, input.planId, "plan.item.evidence", viewer.id, { itemId: input.itemId });
    return { ok: true as const };
  });
}

/**
 * Replaces the plan's rows with those of a file. A row that matches an existing one (same kind,
 * number and title) updates it in place, so its history, evidence and sent reminders stay: an
 * export uploaded back changes nothing. Other existing rows are removed, new ones added.
 * Responsible people named in the file are matched by name among the owner's people (unknown
 * names are reported back, not guessed); evidence links are added when not there yet.
 */
export async function importPlan(s: S, viewer: Person, input: { planId: string; items: readonly SheetItem[] }): Promise<Outcome<{ count: number; unknownPeople: string[] }>> {
  const found = await editable(s, viewer, input.planId);
  if (!found.ok) return found;
  const candidates = await responsibleCandidates(s.db, found.owner);
  const byName = new Map(candidates.map((c) => [c.name.toLocaleLowerCase("ru"), c.id]));
  const unknownPeople = new Set<string>();
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const existing = await tx.select().from(planItems).where(eq(planItems.planId, input.planId));
    const key = (i: { kind: string; number: string; title: string }) => `${i.kind}\u0000${i.number}\u0000${i.title}`;
    const pool = new Map<string, (typeof existing)[number][]>();
    for (const e of existing) pool.set(key(e), [...(pool.get(key(e)) ?? []), e]);
    const kept = new Set<string>();
    for (const [index, item] of input.items.entries()) {
      const match = pool.get(key(item))?.shift();
      const fields = { position: index + 1, activityType: item.activityType, termLabel: item.termLabel, termStart: item.termStart, termEnd: item.termEnd, responsibleText: item.responsibleText, expectedResult: item.expectedResult, actualResult: item.actualResult };
      let itemId: string;
      if (match) {
        itemId = match.id;
        kept.add(itemId);
        await tx.update(planItems).set(fields).where(eq(planItems.id, itemId));
        if (match.status !== item.status) await recordStatus(tx, s, itemId, match.status, item.status, viewer.id);
      } else {
        const [row] = await insertRows(tx, s, input.planId, [item], index + 1);
        itemId = row!.id;
        if (item.status !== "planned") await tx.insert(planItemStatusChanges).values({ itemId, fromStatus: null, toStatus: item.status, byUserId: viewer.id, at: now });
      }
      if (item.kind !== "activity") continue;
      const ids = [...new Set(item.people.map((n) => byName.get(n.toLocaleLowerCase("ru")) ?? (unknownPeople.add(n), null)).filter((x): x is string => Boolean(x)))];
      await tx.delete(planItemPeople).where(eq(planItemPeople.itemId, itemId));
      if (ids.length) {
        await tx.insert(planItemPeople).values(ids.map((userId) => ({ itemId, userId })));
        await schedulePlanReminders(tx, s, { id: itemId, termEnd: item.termEnd }, found.plan.timeZone);
      }
      const known = new Set((await tx.select({ url: planEvidence.url }).from(planEvidence).where(eq(planEvidence.itemId, itemId))).map((e) => e.url));
      for (const e of item.evidence) if (!known.has(e.url)) await tx.insert(planEvidence).values({ itemId, ...evidenceOf(e.url, e.label), addedBy: viewer.id, addedAt: now });
    }
    const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (gone.length) await tx.delete(planItems).where(inArray(planItems.id, gone));
    await event(tx, s, input.planId, "plan.imported", viewer.id, { count: input.items.length });
    return { ok: true as const, count: input.items.length, unknownPeople: [...unknownPeople] };
  });
}

/** Shows or hides a school's plan on its public page. */
export async function setPublished(s: S, viewer: Person, input: { planId: string; published: boolean }): Promise<Outcome> {
  const found = await loadPlan(s.db, viewer, input.planId);
  if (!found) return refuse(404, PLAN_ERRORS.notFound);
  if (!canEditPlan(viewer, found.owner.access)) return refuse(403, PLAN_ERRORS.forbidden);
  if (!canPublishPlan(viewer, found.owner.access)) return refuse(400, PLAN_ERRORS.notPublishable);
  return s.db.transaction(async (tx) => {
    await tx.update(plans).set({ published: input.published }).where(eq(plans.id, input.planId));
    await event(tx, s, input.planId, input.published ? "plan.published" : "plan.unpublished", viewer.id);
    return { ok: true as const };
  });
}

