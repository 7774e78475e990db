/**
 * The room page's forms: parse (zod) → one command → redirect with a notice, or the form's 400
 * with a Russian message. Every form works without JavaScript.
 */
import { data, redirect } from "react-router";
import type { Viewer } from "../accounts/viewer.server.ts";
import { failureResponse, type FormState } from "../accounts/actions.server.ts";
import { fieldErrors } from "../accounts/schemas.ts";
import type { AppServices } from "../../services.server.ts";
import type { Services } from "./commands.server.ts";
import { runRoomCommand } from "./room-commands.server.ts";
import { RoomAction } from "./room-schemas.ts";

/** Runs one form of the room of `eventId` for a signed-in person. */
export async function roomAction(s: Services & Pick<AppServices, "config">, viewer: Viewer & { id: string }, request: Request, eventId: string) {
  const form = await request.formData();
  const raw: Record<string, unknown> = {};
  for (const [k, v] of form) if (typeof v === "string") raw[k] = k === "userIds" ? [...((raw[k] as string[] | undefined) ?? []), v] : v;
  const values = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "userIds").map(([k, v]) => [k, String(v)]));
  const parsed = RoomAction.safeParse(raw);
  if (!parsed.success) return data<FormState>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await runRoomCommand(s, viewer, eventId, parsed.data);
  if (!result.ok) {
    if (result.status === 404) throw data(result.error, { status: 404 });
    return failureResponse({ ok: false, error: result.error, field: result.field, status: 400 }, values);
  }
  return redirect(`/events/${eventId}/room?done=${result.done}${parsed.data.intent === "answered" || parsed.data.intent === "vote" ? "#questions" : ""}`);
}
