/**
 * Form actions of the plan pages: parse (zod) → one command → redirect with a "done" notice, or
 * the form's error. Everything works as a plain form without JavaScript.
 */
import { data, redirect } from "react-router";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { failureResponse, parseForm } from "../accounts/actions.server.ts";
import type { Refusal } from "../discussions/outcome.ts";
import { ImportFileError } from "../directory/import/parse.server.ts";
import { addEvidence, addItem, assignPerson, createPlan, importPlan, removePerson, saveReport, setPublished, setStatus } from "./commands.server.ts";
import { loadPlan } from "./queries.server.ts";
import { canEditPlan, ensurePlan } from "./policy.server.ts";
import { ItemAction, NewPlanForm, PlanAction } from "./schemas.ts";
import { readPlanFile } from "./spreadsheet.server.ts";
import { PLAN_ERRORS, type PlanDoneKey } from "./strings.ts";

type Person = Viewer & { id: string };

/** A refusal: 403/404 are thrown (nothing to show), the rest go back to the form that was sent. */
function refused(r: Refusal, values: Record<string, string>) {
  if (r.status === 403 || r.status === 404) throw data(r.error, { status: r.status });
  return failureResponse({ ok: false, error: r.error, status: r.status === 429 ? 429 : 400 }, values);
}

const KEEP = ["intent", "number", "title", "termLabel", "termStart", "termEnd", "responsibleText", "expectedResult", "actualResult", "url", "label"];

/** /plans/new */
export async function newPlanAction(s: AppServices, viewer: Person, request: Request) {
  const form = await parseForm(request, NewPlanForm, ["ownerKind", "ownerId", "title", "schoolYear", "templateId"]);
  if (!form.ok) return form.response;
  const r = await createPlan(s, viewer, form.data);
  return r.ok ? redirect(`/plans/${r.id}?done=created`) : refused(r, form.values);
}

/** /plans/:id — add a section or an activity, publish. */
export async function planPageAction(s: AppServices, viewer: Person, request: Request, planId: string) {
  const form = await parseForm(request, PlanAction, KEEP);
  if (!form.ok) return form.response;
  const d = form.data;
  const done = (key: PlanDoneKey, anchor = "") => redirect(`/plans/${planId}?done=${key}${anchor}`);
  if (d.intent === "publish") {
    const r = await setPublished(s, viewer, { planId, published: d.published === "yes" });
    return r.ok ? done(d.published === "yes" ? "published" : "unpublished") : refused(r, form.values);
  }
  const r = d.intent === "section" ? await addItem(s, viewer, { planId, kind: "section", number: d.number, title: d.title }) : await addItem(s, viewer, { planId, kind: "activity", ...d });
  return r.ok ? done("item", `#item-${r.itemId}`) : refused(r, form.values);
}

/** /plans/:id/items/:itemId — status, people, report, evidence. */
export async function itemPageAction(s: AppServices, viewer: Person, request: Request, planId: string, itemId: string) {
  const form = await parseForm(request, ItemAction, KEEP);
  if (!form.ok) return form.response;
  const d = form.data;
  const p = { planId, itemId };
  const r =
    d.intent === "status" ? await setStatus(s, viewer, { ...p, status: d.status })
    : d.intent === "person" ? await assignPerson(s, viewer, { ...p, userId: d.userId })
    : d.intent === "remove-person" ? await removePerson(s, viewer, { ...p, userId: d.userId })
    : d.intent === "report" ? await saveReport(s, viewer, { ...p, actualResult: d.actualResult, markDone: d.markDone })
    : await addEvidence(s, viewer, { ...p, url: d.url, label: d.label });
  const key: PlanDoneKey = d.intent === "remove-person" ? "person-removed" : d.intent;
  return r.ok ? redirect(`/plans/${planId}/items/${itemId}?done=${key}`) : refused(r, form.values);
}

/** /plans/:id/import — a file (multipart) replaces the plan's rows. */
export async function importAction(s: AppServices, viewer: Person, request: Request, planId: string) {
  const found = await loadPlan(s.db, viewer, planId);
  if (!found) throw data(PLAN_ERRORS.notFound, { status: 404 });
  ensurePlan(canEditPlan(viewer, found.owner.access));
  const file = (await request.formData()).get("file");
  if (!(file instanceof File) || file.size === 0) return data({ error: "Выберите файл XLSX или CSV." }, { status: 400 });
  let items;
  try {
    items = await readPlanFile(new Uint8Array(await file.arrayBuffer()), file.name, found.plan.schoolYear);
  } catch (error) {
    if (error instanceof ImportFileError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  const r = await importPlan(s, viewer, { planId, items });
  if (!r.ok) {
    if (r.status === 403 || r.status === 404) throw data(r.error, { status: r.status });
    return data({ error: r.error }, { status: 400 });
  }
  const unknown = r.unknownPeople.length ? `&unknown=${encodeURIComponent(r.unknownPeople.join("; "))}` : "";
  return redirect(`/plans/${planId}?done=imported${unknown}`);
}
