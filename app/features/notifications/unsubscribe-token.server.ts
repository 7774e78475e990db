/**
 * Signed unsubscribe tokens: who (a user id), from what (a kind or "all"), issued when, with an
 * HMAC-SHA256 over exactly those bytes. Mail clients and people open them without signing in, so
 * the token is the only authority; it expires so a leaked old mail stops working eventually.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import { appSecrets } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import { isNotificationKind, type NotificationKind } from "./catalogue.ts";

export type UnsubscribeScope = NotificationKind | "all";
export interface UnsubscribeClaim {
  userId: string;
  scope: UnsubscribeScope;
  issuedAt: Date;
}

/** Links stay valid for half a year: long enough for old mail, short enough that leaks fade. */
export const UNSUBSCRIBE_TOKEN_DAYS = 180;
const SECRET_NAME = "unsubscribe-hmac";
const DOMAIN = "most:unsubscribe:v1:";

const Claim = z.object({ u: z.uuid(), k: z.string().refine((k) => k === "all" || isNotificationKind(k)), t: z.number().int().nonnegative() });

/**
 * The HMAC key: UNSUBSCRIBE_SECRET when configured, otherwise a random key created on first use
 * and kept in `app_secrets` (so every node agrees). Uses the executor it is given, so it works
 * inside an open transaction on PGlite.
 */
export async function unsubscribeKey(ex: Executor, s: { config?: Pick<AppServices["config"], "UNSUBSCRIBE_SECRET"> }, at: Date): Promise<Buffer> {
  if (s.config?.UNSUBSCRIBE_SECRET) return Buffer.from(s.config.UNSUBSCRIBE_SECRET, "utf8");
  const fresh = crypto.randomBytes(32).toString("base64url");
  const [created] = await ex.insert(appSecrets).values({ name: SECRET_NAME, value: fresh, createdAt: at }).onConflictDoNothing().returning({ value: appSecrets.value });
  const value = created?.value ?? (await ex.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, SECRET_NAME)))[0]?.value;
  if (!value) throw new Error("unsubscribe key missing");
  return Buffer.from(value, "utf8");
}

const mac = (key: Buffer, body: string) => crypto.createHmac("sha256", key).update(DOMAIN + body).digest();

/** Signs a claim into a URL-safe token. */
export function signUnsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.scope, t: Math.floor(claim.issuedAt.getTime() / 1000) })).toString("base64url");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

export type TokenCheck = { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: "invalid" | "expired" };

/** Verifies a token's signature (in constant time) and its age on the business clock. */
export function verifyUnsubscribeToken(key: Buffer, token: string, now: Date): TokenCheck {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body + signature)) return { ok: false, reason: "invalid" };
  // Compared as text: base64url decoding ignores a last character's spare bits, so two spellings would pass.
  const expected = Buffer.from(mac(key, body).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let parsed: z.infer<typeof Claim>;
  try {
    parsed = Claim.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const issuedAt = new Date(parsed.t * 1000);
  if (now.getTime() - issuedAt.getTime() > UNSUBSCRIBE_TOKEN_DAYS * 86_400_000) return { ok: false, reason: "expired" };
  return { ok: true, claim: { userId: parsed.u, scope: parsed.k as UnsubscribeScope, issuedAt } };
}

/** The absolute (or, without a configured origin, site-relative) link of a token. */
export const unsubscribeLink = (origin: string, token: string) => `${origin}/unsubscribe?token=${token}`;
