/**
 * The form actions of the library's pages: parse (zod) → one command → redirect with a "done"
 * notice, or the form's 400 with a Russian message. Every form works without JavaScript.
 */
import { data, redirect } from "react-router";
import type { AppServices } from "../../services.server.ts";
import { fieldErrors } from "../accounts/schemas.ts";
import type { FormState } from "../accounts/actions.server.ts";
import { bodyFromForm } from "../discussions/schemas.ts";
import { createPractice, removeAttachment, savePractice, submitPractice, uploadAttachment } from "./commands.server.ts";
import { decideReview, takeReview } from "./review.server.ts";
import { commentOnPractice, setBookmark, setUseful } from "./reader.server.ts";
import { EditAction, PracticeAction, PracticeForm, practiceFormObject, reviewDecisionOf, ReviewAction } from "./schemas.ts";
import type { LibraryRefusal } from "./outcome.ts";
import type { Person } from "./services.server.ts";
import { UPLOAD_ERRORS, type LibraryDoneKey } from "./strings.ts";

const KEEP = ["kind", "title", "summary", "bodyText", "organisationId", "intent", "decision", "comment"];

function valuesOf(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(KEEP.map((k) => [k, typeof raw[k] === "string" ? (raw[k] as string) : ""]));
}

/** A refusal as a response: 403/404 are thrown (nothing to show), the rest go back to the form. */
function refused(r: LibraryRefusal, values: Record<string, string>) {
  if (r.status === 403 || r.status === 404) throw data(r.error, { status: r.status });
  return data<FormState>({ errors: { [r.field ?? "form"]: r.error }, values }, { status: r.status === 413 ? 400 : r.status === 429 ? 429 : 400 });
}

const done = (path: string, key: LibraryDoneKey) => redirect(`${path}?done=${key}`);

function parsePracticeForm(form: FormData) {
  const raw = practiceFormObject(form);
  const parsed = PracticeForm.safeParse(raw);
  const values = { ...valuesOf(raw), lists: JSON.stringify({ subjects: raw.subjects, gradeBands: raw.gradeBands, themes: raw.themes, coauthors: raw.coauthors }) };
  if (!parsed.success) return { ok: false as const, response: data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 }) };
  return { ok: true as const, input: parsed.data, values };
}

/** /library/new: saves the first draft and opens its edit page (files are added there). */
export async function newPracticeAction(s: AppServices, viewer: Person, request: Request) {
  const form = parsePracticeForm(await request.formData());
  if (!form.ok) return form.response;
  const result = await createPractice(s, viewer, form.input);
  return result.ok ? done(`/library/${result.id}/edit`, "created") : refused(result, form.values);
}

/** /library/:id/edit: save, submit for review, or remove a file. */
export async function editPracticeAction(s: AppServices, viewer: Person, request: Request, id: string) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "save" || intent === null) {
    const form = parsePracticeForm(formData);
    if (!form.ok) return form.response;
    const result = await savePractice(s, viewer, id, form.input);
    return result.ok ? done(`/library/${id}/edit`, result.newVersion ? "newVersion" : "saved") : refused(result, form.values);
  }
  const parsed = EditAction.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values: {} }, { status: 400 });
  if (parsed.data.intent === "submit") {
    const result = await submitPractice(s, viewer, id);
    return result.ok ? done(`/library/${id}`, "submitted") : refused(result, { intent: "submit" });
  }
  const result = await removeAttachment(s, viewer, id, parsed.data.attachmentId);
  return result.ok ? done(`/library/${id}/edit`, "removed") : refused(result, {});
}

/**
 * /library/:id/files: one uploaded file (multipart). The progress component posts it with
 * XMLHttpRequest and asks for JSON; a plain form is sent back to the edit page with the outcome
 * (the refusal as a code the page turns into its message).
 */
export async function uploadAction(s: AppServices, viewer: Person, request: Request, id: string) {
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const form = await request.formData();
  const file = form.get("file");
  const result =
    file instanceof File && file.size > 0
      ? await uploadAttachment(s, viewer, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
      : ({ ok: false, status: 400, error: UPLOAD_ERRORS.empty, field: "file", code: "empty" } as const);
  if (wantsJson) return Response.json(result.ok ? { ok: true, attachmentId: result.attachmentId } : { ok: false, error: result.error }, { status: result.ok ? 200 : result.status });
  if (result.ok) return done(`/library/${id}/edit`, "uploaded");
  if (result.status === 404 || result.status === 403) throw data(result.error, { status: result.status });
  const extension = file instanceof File ? (file.name.split(".").pop() ?? "").toLowerCase() : "";
  return redirect(`/library/${id}/edit?upload=${encodeURIComponent(result.code ?? "empty")}${result.code === "mismatch" ? `&ext=${encodeURIComponent(extension)}` : ""}#files-heading`);
}

/** /library/:id: bookmark, «полезно», comment (the reply form of the comment thread posts here too). */
export async function practicePageAction(s: AppServices, viewer: Person, request: Request, id: string, origin: string) {
  const raw = Object.fromEntries(await request.formData());
  const parsed = PracticeAction.safeParse(raw.intent === "reply" ? { ...raw, intent: "comment" } : raw);
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values: {} }, { status: 400 });
  const d = parsed.data;
  if (d.intent === "comment") {
    const result = await commentOnPractice(s, viewer, id, { body: bodyFromForm(d), clientId: d.clientId, origin });
    return result.ok ? redirect(`/library/${id}?done=commented#comment-${result.postId}`) : refused(result, {});
  }
  const on = d.intent === "bookmark" || d.intent === "useful";
  const result = d.intent === "bookmark" || d.intent === "unbookmark" ? await setBookmark(s, viewer, id, on) : await setUseful(s, viewer, id, on);
  const key: LibraryDoneKey = d.intent === "bookmark" ? "bookmarked" : d.intent === "unbookmark" ? "unbookmarked" : d.intent === "useful" ? "voted" : "unvoted";
  return result.ok ? done(`/library/${id}`, key) : refused(result, {});
}

/** /library/:id/review: take the practice, or decide with the rubric. */
export async function reviewAction(s: AppServices, viewer: Person, request: Request, id: string) {
  const raw = Object.fromEntries(await request.formData());
  const parsed = ReviewAction.safeParse(raw);
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  if (parsed.data.intent === "take") {
    const result = await takeReview(s, viewer, id);
    return result.ok ? done(`/library/${id}/review`, "taken") : refused(result, values);
  }
  const decision = reviewDecisionOf(parsed.data);
  const result = await decideReview(s, viewer, id, decision);
  if (!result.ok) return refused(result, values);
  return done(result.published ? `/library/${id}` : "/library/review", result.published ? "accepted" : "returned");
}
