import { and, eq, gt, isNull } from "drizzle-orm";
import { accountTokens, users } from "../../../db/schema/index.ts";
import { enqueue, enqueueMail } from "../../../server/jobs/queues.ts";
import type { Viewer } from "./viewer.server.ts";
import { logAuthEvent } from "./audit.server.ts";
import { throttleMail, type Failure, type Outcome, type RequestMeta } from "./commands.server.ts";
import { hashPassword, hashToken, randomToken, verifyPassword } from "./crypto.server.ts";
import { PASSWORD_RESET_REQUEST_JOB } from "./jobs.server.ts";
import { createSession, endSessions } from "./sessions.server.ts";
import { ACCOUNT_TEXT, retryAfterText } from "./strings.ts";
import { clearThrottle, hitThrottle, peekThrottle, THROTTLES } from "./throttle.server.ts";
import type { AppServices } from "../../services.server.ts";

type Services = Pick<AppServices, "db" | "clock" | "jobs">;
const CHANGE_EMAIL_TTL_MS = 24 * 3600_000;

/** Asks for a reset link. The answer never says whether the address has an account. */
export async function requestPasswordReset(s: Services, email: string, meta: RequestMeta): Promise<Outcome> {
  const limited = await throttleMail(s, meta, email);
  if (limited) return limited;
  await s.db.transaction((tx) => enqueue(tx, s, PASSWORD_RESET_REQUEST_JOB, { email, origin: meta.origin }));
  return { ok: true };
}

/** Whether a reset link is still good (to show the form or an explanation). */
export async function isResetTokenValid(s: Services, token: string): Promise<boolean> {
  const [row] = await s.db
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, s.clock.now())));
  return Boolean(row);
}

/**
 * Sets a new password from a single-use reset link: ends every session of the account, then signs
 * this browser in with a fresh one.
 */
export async function resetPassword(s: Services, input: { token: string; password: string }, meta: RequestMeta): Promise<Outcome<{ token: string }>> {
  const passwordHash = await hashPassword(input.password);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: accountTokens.id, userId: accountTokens.userId, name: users.name, email: users.email, verified: users.emailVerifiedAt })
      .from(accountTokens)
      .innerJoin(users, eq(users.id, accountTokens.userId))
      .where(and(eq(accountTokens.tokenHash, hashToken(input.token)), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now), eq(users.status, "active")));
    if (!row) return { ok: false, error: ACCOUNT_TEXT.linkInvalid, status: 400 } as const;
    await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
    // The link came to this address, so it is confirmed too.
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, emailVerifiedAt: row.verified ?? now }).where(eq(users.id, row.userId));
    await endSessions(tx, row.userId, {}, now);
    await logAuthEvent(tx, row.userId, "password_reset", now);
    await enqueueMail(tx, s, { to: row.email, template: "password-changed", data: { name: row.name, resetLink: `${meta.origin}/forgot-password` } });
    const session = await createSession(tx, row.userId, meta.device, now);
    return { ok: true, token: session.token } as const;
  });
}

/** Checks the current password of a signed-in person, counting failures like sign-in does. */
export async function reauthenticate(s: Services, viewer: Viewer, password: string): Promise<{ user: typeof users.$inferSelect } | Failure> {
  const now = s.clock.now();
  const key = `reauth:${viewer.id}`;
  const blocked = await peekThrottle(s.db, key, now);
  if (!blocked.allowed) return { ok: false, error: retryAfterText(blocked.retryAfterSeconds), status: 429 };
  const [user] = await s.db.select().from(users).where(eq(users.id, viewer.id!));
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    const hit = await hitThrottle(s.db, key, THROTTLES.signInFailuresPerAccount, now);
    return hit.allowed ? { ok: false, error: ACCOUNT_TEXT.currentPasswordWrong, field: "currentPassword", status: 400 } : { ok: false, error: retryAfterText(hit.retryAfterSeconds), status: 429 };
  }
  await clearThrottle(s.db, key);
  return { user };
}

/** Changes the password after re-authentication and ends the person's other sessions. */
export async function changePassword(s: Services, viewer: Viewer, input: { currentPassword: string; password: string }, meta: RequestMeta): Promise<Outcome> {
  const auth = await reauthenticate(s, viewer, input.currentPassword);
  if ("ok" in auth) return auth;
  const passwordHash = await hashPassword(input.password);
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, auth.user.id));
    await endSessions(tx, auth.user.id, { except: viewer.sessionId }, now);
    await logAuthEvent(tx, auth.user.id, "password_changed", now);
    await enqueueMail(tx, s, { to: auth.user.email, template: "password-changed", data: { name: auth.user.name, resetLink: `${meta.origin}/forgot-password` } });
  });
  return { ok: true };
}

/** Starts an e-mail change after re-authentication: the new address confirms by a link. */
export async function requestEmailChange(s: Services, viewer: Viewer, input: { currentPassword: string; email: string }, meta: RequestMeta): Promise<Outcome> {
  const auth = await reauthenticate(s, viewer, input.currentPassword);
  if ("ok" in auth) return auth;
  if (auth.user.email === input.email) return { ok: false, error: ACCOUNT_TEXT.sameEmail, field: "email", status: 400 };
  const limited = await throttleMail(s, meta, input.email);
  if (limited) return limited;
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    const token = randomToken();
    await tx.insert(accountTokens).values({ userId: auth.user.id, purpose: "change_email", tokenHash: hashToken(token), email: input.email, createdAt: now, expiresAt: new Date(now.getTime() + CHANGE_EMAIL_TTL_MS) });
    await enqueueMail(tx, s, { to: input.email, template: "change-email", data: { name: auth.user.name, link: `${meta.origin}/confirm-email?token=${token}` } });
    await enqueueMail(tx, s, { to: auth.user.email, template: "email-change-requested", data: { name: auth.user.name, newEmail: input.email } });
    await logAuthEvent(tx, auth.user.id, "email_change_requested", now);
  });
  return { ok: true };
}

/** Ends one of the person's own sessions, or all but the current one. */
export async function endOwnSessions(s: Services, viewer: Viewer, which: { only?: string; allOthers?: boolean }): Promise<number> {
  if (!viewer.id) return 0;
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const ended = await endSessions(tx, viewer.id!, which.allOthers ? { except: viewer.sessionId } : { only: which.only }, now);
    if (ended.length) await logAuthEvent(tx, viewer.id, "sessions_ended", now, { count: ended.length });
    return ended.length;
  });
}

