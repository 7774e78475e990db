import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { accountTokens, consents, users } from "../../../db/schema/index.ts";
import { enqueueMail } from "../../../server/jobs/queues.ts";
import type { AppServices } from "../../services.server.ts";
import { logAuthEvent } from "./audit.server.ts";
import { PERSONAL_DATA_CONSENT } from "./consent.ts";
import { hashPassword, hashToken, randomCode, randomToken, verifyAgainstDummy, verifyPassword } from "./crypto.server.ts";
import { createSession, endSessions } from "./sessions.server.ts";
import { ACCOUNT_TEXT, retryAfterText } from "./strings.ts";
import { clearThrottle, hitThrottle, peekThrottle, THROTTLES } from "./throttle.server.ts";

/** What the HTTP layer knows about a request, for throttling, links and the session list. */
export interface RequestMeta {
  ip: string;
  device: string;
  /** The site's origin, for links in mail. */
  origin: string;
}

export type Failure = { ok: false; error: string; field?: string; status: 400 | 429 };
export type Outcome<T = object> = ({ ok: true } & T) | Failure;

type Services = Pick<AppServices, "db" | "clock" | "jobs">;
const CONFIRM_TTL_MS = 24 * 3600_000;
export const MAX_CODE_ATTEMPTS = 5;

const tooMany = (seconds: number): Failure => ({ ok: false, error: retryAfterText(seconds), status: 429 });

/** Counts a mail-sending request against the IP and the address; refuses when over the limits. */
export async function throttleMail(s: Services, meta: RequestMeta, email: string): Promise<Failure | null> {
  const now = s.clock.now();
  const perIp = await hitThrottle(s.db, `mail:ip:${meta.ip}`, THROTTLES.mailPerIp, now);
  const perAddress = await hitThrottle(s.db, `mail:to:${email}`, THROTTLES.mailPerAddress, now);
  if (!perIp.allowed || !perAddress.allowed) return tooMany(Math.max(perIp.retryAfterSeconds, perAddress.retryAfterSeconds));
  return null;
}

/** Issues a confirmation code and link for a person's address, and enqueues the mail. */
async function sendConfirmation(tx: Tx, s: Services, user: { id: string; name: string; email: string }, origin: string, now: Date) {
  const token = randomToken();
  const code = randomCode();
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "confirm_email"), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    userId: user.id,
    purpose: "confirm_email",
    tokenHash: hashToken(token),
    codeHash: hashToken(`${user.id}:${code}`),
    email: user.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
  });
  await enqueueMail(tx, s, { to: user.email, template: "confirm-email", data: { name: user.name, code, link: `${origin}/confirm-email?token=${token}` } });
}

/**
 * Registers a person. The personal-data consent is stored first, before anything else about
 * them. An address that already has an account gets the same answer (and a mail telling its
 * owner), so the form does not reveal who is registered.
 */
export async function register(s: Services, input: { name: string; email: string; password: string }, meta: RequestMeta): Promise<Outcome<{ email: string }>> {
  const limited = await throttleMail(s, meta, input.email);
  if (limited) return limited;
  const passwordHash = await hashPassword(input.password);
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), eq(users.status, "active")));
    if (existing) {
      await enqueueMail(tx, s, { to: input.email, template: "account-exists", data: { loginLink: `${meta.origin}/login`, resetLink: `${meta.origin}/forgot-password` } });
      await logAuthEvent(tx, existing.id, "register_existing", now);
      return;
    }
    const [consent] = await tx
      .insert(consents)
      .values({ document: PERSONAL_DATA_CONSENT.document, version: PERSONAL_DATA_CONSENT.version, givenAt: now })
      .returning({ id: consents.id });
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, consentId: consent!.id, createdAt: now }).returning({ id: users.id });
    await tx.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
    await sendConfirmation(tx, s, { id: user!.id, name: input.name, email: input.email }, meta.origin, now);
    await logAuthEvent(tx, user!.id, "registered", now, { consentVersion: PERSONAL_DATA_CONSENT.version });
  });
  return { ok: true, email: input.email };
}

async function confirmAndSignIn(tx: Tx, tokenId: string, userId: string, meta: RequestMeta, now: Date) {
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, tokenId));
  await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, userId));
  await logAuthEvent(tx, userId, "email_confirmed", now);
  const session = await createSession(tx, userId, meta.device, now);
  await logAuthEvent(tx, userId, "sign_in", now, { via: "confirmation" });
  return session;
}

/** Confirms an address with the six-digit code from the mail and signs the person in. */
export async function confirmWithCode(s: Services, input: { email: string; code: string }, meta: RequestMeta): Promise<Outcome<{ token: string }>> {
  const now = s.clock.now();
  const key = `code:${input.email}`;
  const blocked = await peekThrottle(s.db, key, now);
  if (!blocked.allowed) return tooMany(blocked.retryAfterSeconds);
  const result = await s.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: accountTokens, userId: users.id })
      .from(accountTokens)
      .innerJoin(users, eq(users.id, accountTokens.userId))
      .where(and(eq(users.email, input.email), eq(users.status, "active"), eq(accountTokens.purpose, "confirm_email"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .orderBy(desc(accountTokens.createdAt))
      .limit(1);
    if (!row || row.token.attempts >= MAX_CODE_ATTEMPTS || row.token.codeHash !== hashToken(`${row.userId}:${input.code}`)) {
      if (row) await tx.update(accountTokens).set({ attempts: row.token.attempts + 1 }).where(eq(accountTokens.id, row.token.id));
      return null;
    }
    return confirmAndSignIn(tx, row.token.id, row.userId, meta, now);
  });
  if (!result) {
    const hit = await hitThrottle(s.db, key, THROTTLES.codeAttemptsPerAccount, now);
    return hit.allowed ? { ok: false, error: ACCOUNT_TEXT.codeInvalid, field: "code", status: 400 } : tooMany(hit.retryAfterSeconds);
  }
  return { ok: true, token: result.token };
}

/**
 * Follows a link from a mail: confirms a new account's address (and signs in) or moves an account to
 * a new address. Single-use and expiring.
 */
export async function confirmWithLink(s: Services, token: string, meta: RequestMeta): Promise<Outcome<{ kind: "confirmed" | "email_changed"; token?: string }>> {
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, hashToken(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
    if (!row || row.purpose === "reset_password") return { ok: false, error: ACCOUNT_TEXT.linkInvalid, status: 400 } as const;
    if (row.purpose === "confirm_email") {
      const session = await confirmAndSignIn(tx, row.id, row.userId, meta, now);
      return { ok: true, kind: "confirmed", token: session.token } as const;
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, row.email), eq(users.status, "active")));
    if (taken && taken.id !== row.userId) return { ok: false, error: ACCOUNT_TEXT.emailTaken, status: 400 } as const;
    await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
    await tx.update(users).set({ email: row.email, emailVerifiedAt: now }).where(eq(users.id, row.userId));
    await logAuthEvent(tx, row.userId, "email_changed", now);
    return { ok: true, kind: "email_changed" } as const;
  });
}

/**
 * Signs a person in. Unknown addresses cost the same password check as known ones; failures are
 * counted per IP and per account, with a clear wait time once over the limit.
 */
export async function signIn(s: Services, input: { email: string; password: string }, meta: RequestMeta): Promise<Outcome<{ token: string; userId: string }>> {
  const now = s.clock.now();
  const perIp = await hitThrottle(s.db, `signin:ip:${meta.ip}`, THROTTLES.signInPerIp, now);
  if (!perIp.allowed) return tooMany(perIp.retryAfterSeconds);
  const accountKey = `signin:acct:${input.email}`;
  const perAccount = await peekThrottle(s.db, accountKey, now);
  const [user] = await s.db.select().from(users).where(and(eq(users.email, input.email), eq(users.status, "active")));
  if (!perAccount.allowed) {
    await logAuthEvent(s.db, user?.id ?? null, "sign_in_blocked", now);
    return tooMany(perAccount.retryAfterSeconds);
  }
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    const hit = await hitThrottle(s.db, accountKey, THROTTLES.signInFailuresPerAccount, now);
    await logAuthEvent(s.db, user?.id ?? null, "sign_in_failed", now);
    return hit.allowed ? { ok: false, error: ACCOUNT_TEXT.wrongCredentials, status: 400 } : tooMany(hit.retryAfterSeconds);
  }
  await clearThrottle(s.db, accountKey);
  if (!user.emailVerifiedAt) {
    if (!(await throttleMail(s, meta, user.email))) await s.db.transaction((tx) => sendConfirmation(tx, s, user, meta.origin, now));
    return { ok: false, error: ACCOUNT_TEXT.emailNotConfirmed, status: 400 };
  }
  const session = await s.db.transaction(async (tx) => {
    const created = await createSession(tx, user.id, meta.device, now);
    await logAuthEvent(tx, user.id, "sign_in", now);
    return created;
  });
  return { ok: true, token: session.token, userId: user.id };
}

/** Ends the current session. */
export async function signOut(s: Services, viewer: { id: string | null; sessionId?: string }): Promise<void> {
  if (!viewer.id || !viewer.sessionId) return;
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await endSessions(tx, viewer.id!, { only: viewer.sessionId }, now);
    await logAuthEvent(tx, viewer.id, "sign_out", now);
  });
}
