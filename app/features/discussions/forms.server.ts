/** Form glue of the discussion engine, for its own routes and owners' pages. */
import { data, redirect } from "react-router";
import type { z } from "zod";
import { fieldErrors } from "../accounts/schemas.ts";
import type { Actor, DiscussionServices } from "./commands.server.ts";
import { createThread } from "./commands.server.ts";
import type { Refusal } from "./outcome.ts";
import type { OwnerKind } from "./owners.server.ts";
import { bodyFromForm, NewThreadForm } from "./schemas.ts";

export type DiscussionFormState = { errors: Record<string, string>; values: Record<string, string> };

/** A command's refusal as a form response with its status (400, 403, 404, 409, 429). */
export const refusalResponse = (r: Refusal, values: Record<string, string> = {}) => data<DiscussionFormState>({ errors: { form: r.error }, values }, { status: r.status });

/** Parses a form with a schema; a 400 with Russian field errors when it does not fit. */
export function parseDiscussionForm<T extends z.ZodType>(raw: Record<string, FormDataEntryValue>, schema: T, keep: string[] = []) {
  const values = Object.fromEntries(keep.map((k) => [k, typeof raw[k] === "string" ? (raw[k] as string) : ""]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false as const, response: data<DiscussionFormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 }) };
  return { ok: true as const, data: parsed.data as z.infer<T>, values };
}

/**
 * The action half of `<NewThreadForm>` for an owner's page: parses the form, starts the thread
 * and redirects to it, or answers the form's errors. The caller has checked nothing but sign-in.
 */
export async function startThreadFromForm(s: DiscussionServices, actor: Actor, request: Request, owner: { kind: OwnerKind; id: string }, origin?: string) {
  const raw = Object.fromEntries(await request.formData());
  const form = parseDiscussionForm(raw, NewThreadForm, ["title"]);
  if (!form.ok) return form.response;
  const result = await createThread(s, actor, { ownerKind: owner.kind, ownerId: owner.id, title: form.data.title, body: bodyFromForm(form.data), clientId: form.data.clientId, origin });
  if (!result.ok) return refusalResponse(result, form.values);
  return redirect(`/threads/${result.threadId}`);
}
