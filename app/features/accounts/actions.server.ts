import { data } from "react-router";
import type { z } from "zod";
import { fieldErrors } from "./schemas.ts";
import type { Failure } from "./commands.server.ts";

export type FormState = { errors: Record<string, string>; values: Record<string, string> };

/** Reads a form and parses it with its zod schema; on failure a 400 with Russian field errors. */
export async function parseForm<T extends z.ZodType>(request: Request, schema: T, keep: string[] = []) {
  const raw = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(keep.map((k) => [k, typeof raw[k] === "string" ? (raw[k] as string) : ""]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false as const, response: data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 }), values };
  return { ok: true as const, data: parsed.data as z.infer<T>, values };
}

/** A command's refusal as the form's response (400 or 429 with the message on its field). */
export function failureResponse(failure: Failure, values: Record<string, string>) {
  return data<FormState>({ errors: { [failure.field ?? "form"]: failure.error }, values }, { status: failure.status });
}

/** A single field error (e.g. a common password) as the form's 400 response. */
export function fieldError(field: string, message: string, values: Record<string, string>) {
  return data<FormState>({ errors: { [field]: message }, values }, { status: 400 });
}
