import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import { SETTINGS_TEXT } from "./strings.ts";

/** The mail outbox holds confirmation and reset links: platform administrators only. */
export function canReadOutbox(viewer: Viewer): boolean {
  return hasRole(viewer, "admin");
}

/** Throws 404 for anyone but an administrator (no hint that the page exists). */
export function requireOutboxReader(viewer: Viewer): void {
  if (!canReadOutbox(viewer)) throw data("Страница не найдена", { status: 404 });
}

/** A person's own stream ("user:<id>") is readable by that person only. */
export function canReadUserStream(viewer: Viewer, userId: string): boolean {
  return viewer.id !== null && viewer.id === userId;
}

/**
 * Unsubscribing needs no session: the signed token is the authority (a forged or expired one is
 * refused with a 4xx and a Russian message). Returns the status and message of a refusal.
 */
export function unsubscribeRefusal(check: { ok: true } | { ok: false; reason: "invalid" | "expired" }): { status: 400 | 410; message: string } | null {
  if (check.ok) return null;
  return check.reason === "expired" ? { status: 410, message: SETTINGS_TEXT.expiredToken } : { status: 400, message: SETTINGS_TEXT.invalidToken };
}
