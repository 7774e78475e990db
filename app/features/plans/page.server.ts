/**
 * What the plan pages show: the plan and its owner, the rows with their terms, people, evidence
 * and derived flags (overdue, report status), progress counts, and for editors the people they may
 * assign. Overdue is computed here from the business day in the owner's zone.
 */
import { data } from "react-router";
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { localDateKey } from "../../utils/datetime.ts";
import { canEditPlan, canPublishPlan, requirePlanReader } from "./policy.server.ts";
import { listPlanItems, listStatusHistory, loadPlan, responsibleCandidates, type PlanItemView } from "./queries.server.ts";
import { inQuarter, quarterOf, reportStatus, summarise, type Quarter, type ReportItemInput } from "./report.ts";
import { PLAN_ERRORS, REPORT_STATUS_LABELS, type ReportStatus } from "./strings.ts";
import { dottedDate, isOverdue } from "./terms.ts";
import { ACTIVITY_TYPE_LABELS, OWNER_KIND_LABELS, STATUS_LABELS, type ActivityType } from "./vocabulary.ts";
import type { SheetItem } from "./spreadsheet.server.ts";

/** The term as the plan writes it, with its dates when the label does not show them. */
export function termText(item: { termLabel: string; termStart: string | null; termEnd: string | null }): string {
  const dates = item.termStart && item.termEnd ? (item.termStart === item.termEnd ? dottedDate(item.termEnd) : `${dottedDate(item.termStart)} – ${dottedDate(item.termEnd)}`) : item.termEnd ? `до ${dottedDate(item.termEnd)}` : "";
  if (!item.termLabel) return dates || "без срока";
  return dates && !item.termLabel.includes(dottedDate(item.termEnd)) ? `${item.termLabel} (${dates})` : item.termLabel;
}

const toReportInput = (i: PlanItemView, zone: string): ReportItemInput => ({ id: i.id, kind: i.kind, number: i.number, title: i.title, termStart: i.termStart, termEnd: i.termEnd, status: i.status, doneOn: i.doneAt ? localDateKey(i.doneAt, zone) : null });

export function viewItem(i: PlanItemView, today: string, zone: string) {
  const status = reportStatus(toReportInput(i, zone), today);
  return {
    id: i.id,
    kind: i.kind,
    number: i.number,
    title: i.title,
    type: i.activityType ? (ACTIVITY_TYPE_LABELS[i.activityType as ActivityType] ?? "") : "",
    term: termText(i),
    termStart: i.termStart,
    termEnd: i.termEnd,
    responsible: i.responsibleText,
    people: i.people,
    expected: i.expectedResult,
    actual: i.actualResult,
    status: i.status,
    statusLabel: STATUS_LABELS[i.status],
    overdue: isOverdue(i, today),
    reportStatus: status as ReportStatus,
    reportStatusLabel: REPORT_STATUS_LABELS[status],
    evidence: i.evidence,
  };
}
export type PlanItemCard = ReturnType<typeof viewItem>;

/** Loads a plan for a page, or throws 404 for those who may not read it. */
export async function loadPlanForPage(ex: Executor, viewer: Viewer, planId: string) {
  const found = await loadPlan(ex, viewer, planId);
  if (!found) throw data(PLAN_ERRORS.notFound, { status: 404 });
  requirePlanReader(viewer, found.owner.access, found.plan);
  return found;
}

/**
 * The plan's rows with responsible people named as the viewer may see them. The plan's editors
 * (insiders who assign people) see names as stored; every other reader, a guest on a published
 * plan included, sees what each person made public (profiles' rule, «Удалённый пользователь» after
 * a deletion).
 */
async function itemsFor(ex: Executor, viewer: Viewer, planId: string, insider: boolean): Promise<PlanItemView[]> {
  const rows = await listPlanItems(ex, planId);
  if (insider) return rows;
  const people = await loadPeople(ex, viewer, rows.flatMap((r) => r.people.map((p) => p.id)));
  return rows.map((r) => ({ ...r, people: r.people.map((p) => ({ id: p.id, name: people.get(p.id)?.name ?? p.name })) }));
}

/** The plan page: rows, counts by section, the timeline's data and the editor's choices. */
export async function loadPlanPage(ex: Executor, viewer: Viewer, planId: string, now: Date) {
  const { plan, owner } = await loadPlanForPage(ex, viewer, planId);
  const today = localDateKey(now, plan.timeZone);
  const canEdit = canEditPlan(viewer, owner.access);
  const rows = await itemsFor(ex, viewer, plan.id, canEdit);
  const items = rows.map((i) => viewItem(i, today, plan.timeZone));
  const summary = summarise(rows.map((i) => toReportInput(i, plan.timeZone)), today);
  return {
    plan: { id: plan.id, title: plan.title, schoolYear: plan.schoolYear, published: plan.published, ownerKindLabel: OWNER_KIND_LABELS[plan.ownerKind] },
    owner: { kind: owner.kind, name: owner.name, href: owner.href },
    today,
    items,
    summary,
    canEdit,
    canPublish: canPublishPlan(viewer, owner.access),
    candidates: canEdit ? await responsibleCandidates(ex, owner) : [],
  };
}

/** The quarterly report's rows and counts. */
export async function loadQuarterReport(ex: Executor, viewer: Viewer, planId: string, now: Date, quarterKey?: string) {
  const { plan, owner } = await loadPlanForPage(ex, viewer, planId);
  const today = localDateKey(now, plan.timeZone);
  const quarter: Quarter = quarterOf(quarterKey ?? today);
  const rows = await itemsFor(ex, viewer, plan.id, canEditPlan(viewer, owner.access));
  const inputs = rows.map((i) => toReportInput(i, plan.timeZone));
  const included = new Set(inputs.filter((i) => i.kind === "activity" && inQuarter(i, quarter)).map((i) => i.id));
  const items = rows.filter((i) => i.kind === "section" || included.has(i.id)).map((i) => viewItem(i, today, plan.timeZone));
  // Sections without a listed activity are left out of the table.
  const visible = items.filter((i, n) => i.kind === "activity" || items.slice(n + 1).find((x) => x.kind === "section" || x.kind === "activity")?.kind === "activity");
  return {
    plan: { id: plan.id, title: plan.title, schoolYear: plan.schoolYear },
    owner: { name: owner.name, href: owner.href },
    quarter,
    today,
    items: visible,
    summary: summarise(inputs, today, (i) => included.has(i.id)),
  };
}

/** The plan's rows as a spreadsheet carries them (export). */
export async function loadPlanSheet(ex: Executor, viewer: Viewer, planId: string) {
  const { plan, owner } = await loadPlanForPage(ex, viewer, planId);
  const rows = await itemsFor(ex, viewer, plan.id, canEditPlan(viewer, owner.access));
  const items: SheetItem[] = rows.map((i) => ({ kind: i.kind, number: i.number, title: i.title, activityType: (i.activityType as ActivityType | null) ?? null, termLabel: i.termLabel, termStart: i.termStart, termEnd: i.termEnd, responsibleText: i.responsibleText, people: i.people.map((p) => p.name), expectedResult: i.expectedResult, actualResult: i.actualResult, evidence: i.evidence.map((e) => ({ label: e.label, url: e.url })), status: i.status }));
  return { plan, items };
}

/** One activity's page: the activity, its status history and, for editors, the people to assign. */
export async function loadItemPage(ex: Executor, viewer: Viewer, planId: string, itemId: string, now: Date) {
  const { plan, owner } = await loadPlanForPage(ex, viewer, planId);
  const today = localDateKey(now, plan.timeZone);
  const canEdit = canEditPlan(viewer, owner.access);
  const row = (await itemsFor(ex, viewer, plan.id, canEdit)).find((i) => i.id === itemId && i.kind === "activity");
  if (!row) throw data(PLAN_ERRORS.itemNotFound, { status: 404 });
  const history = await listStatusHistory(ex, itemId);
  const candidates = canEdit ? (await responsibleCandidates(ex, owner)).filter((c) => !row.people.some((p) => p.id === c.id)) : [];
  return {
    plan: { id: plan.id, title: plan.title, timeZone: plan.timeZone },
    item: viewItem(row, today, plan.timeZone),
    history: history.map((h) => ({ from: h.from ? STATUS_LABELS[h.from as keyof typeof STATUS_LABELS] : null, to: STATUS_LABELS[h.to as keyof typeof STATUS_LABELS], at: h.at, by: canEdit ? h.by : null })),
    canEdit,
    candidates,
  };
}
