import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client.ts";
import { roleGrants, sessions, users } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { hashToken, randomToken } from "./crypto.server.ts";
import type { RoleGrant, Viewer } from "./viewer.server.ts";

export const SESSION_COOKIE = "__Host-most-session";
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600_000;
export const SESSION_INACTIVITY_MS = 14 * 24 * 3600_000;
/** last_seen_at is written at most this often, so reading pages does not mean writing rows. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** The Set-Cookie value for a session token (or a removal when token is null). */
export function sessionCookie(token: string | null, maxAgeSeconds = SESSION_ABSOLUTE_MS / 1000): string {
  const base = `${SESSION_COOKIE}=${token ?? ""}; Path=/; HttpOnly; Secure; SameSite=Lax`;
  return token ? `${base}; Max-Age=${Math.floor(maxAgeSeconds)}` : `${base}; Max-Age=0`;
}

/** The session token from a Cookie header. */
export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** «Chrome, Windows» from a User-Agent: enough for a person to recognise their device. */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? "";
  const browser =
    /YaBrowser\/(\d+)/.exec(ua)?.[0]?.replace("YaBrowser/", "Яндекс Браузер ") ??
    /Edg\/(\d+)/.exec(ua)?.[0]?.replace("Edg/", "Edge ") ??
    /OPR\/(\d+)/.exec(ua)?.[0]?.replace("OPR/", "Opera ") ??
    /Firefox\/(\d+)/.exec(ua)?.[0]?.replace("Firefox/", "Firefox ") ??
    /(?:Chrome|Chromium)\/(\d+)/.exec(ua)?.[0]?.replace(/(Chrome|Chromium)\//, "Chrome ") ??
    (/Safari\//.test(ua) ? "Safari" : "Браузер");
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "неизвестная система";
  return `${browser}, ${os}`.slice(0, 120);
}

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(ex: Executor, userId: string, device: string, now: Date): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomToken();
  const id = hashToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await ex.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, expiresAt, device });
  return { token, id, expiresAt };
}

export interface ValidSession {
  sessionId: string;
  viewer: Viewer;
  name: string;
  email: string;
}

/**
 * Looks a token up: expired (absolutely or by inactivity) sessions are deleted and give null; a
 * live one is touched at most every few minutes. Returns the viewer with their role grants.
 */
export async function validateSessionToken(ex: Executor, token: string, now: Date): Promise<ValidSession | null> {
  const id = hashToken(token);
  const [row] = await ex
    .select({ session: sessions, user: { id: users.id, name: users.name, email: users.email, status: users.status } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const { session, user } = row;
  if (user.status !== "active" || session.expiresAt <= now || session.lastSeenAt.getTime() + SESSION_INACTIVITY_MS <= now.getTime()) {
    await ex.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await ex.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const grants = await ex.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, user.id));
  const roles: RoleGrant[] = grants.map((g) => ({ role: g.role, scopeType: g.scopeType ?? undefined, scopeId: g.scopeId ?? undefined }));
  return { sessionId: id, name: user.name, email: user.email, viewer: { id: user.id, anonymous: false, roles: [{ role: "member" }, ...roles] } };
}

/** A person's live sessions, newest activity first. */
export async function listSessions(ex: Executor, userId: string, now: Date) {
  return ex
    .select({ id: sessions.id, device: sessions.device, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_INACTIVITY_MS))))
    .orderBy(desc(sessions.lastSeenAt));
}

/**
 * Ends sessions of a person (one, all but one, or all) inside the caller's transaction, and records
 * a `sessions.ended` event on the person's stream: after commit every node disconnects the sockets
 * of those sessions. Returns the ids ended.
 */
export async function endSessions(tx: Tx, userId: string, which: { only?: string; except?: string }, now: Date): Promise<string[]> {
  const conditions = [eq(sessions.userId, userId)];
  if (which.only) conditions.push(eq(sessions.id, which.only));
  if (which.except) conditions.push(ne(sessions.id, which.except));
  const ended = await tx.delete(sessions).where(and(...conditions)).returning({ id: sessions.id });
  const ids = ended.map((s) => s.id);
  if (ids.length) await appendEvent(tx, { stream: `user:${userId}`, type: "sessions.ended", payload: { sessionIds: ids }, actorId: userId, at: now });
  return ids;
}
