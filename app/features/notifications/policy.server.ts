import { data } from "react-router";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";

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
