import type { Executor } from "../../../db/client.ts";
import { authEvents } from "../../../db/schema/index.ts";

export type AuthEventKind =
  | "registered"
  | "register_existing"
  | "email_confirmed"
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_blocked"
  | "sign_out"
  | "reset_requested"
  | "password_reset"
  | "password_changed"
  | "email_change_requested"
  | "email_changed"
  | "sessions_ended"
  | "account_deleted";

/** Records an authentication event. Never pass passwords, tokens or codes in `detail`. */
export async function logAuthEvent(ex: Executor, userId: string | null, kind: AuthEventKind, at: Date, detail: Record<string, string | number | boolean | null> = {}): Promise<void> {
  await ex.insert(authEvents).values({ userId, kind, at, detail });
}
