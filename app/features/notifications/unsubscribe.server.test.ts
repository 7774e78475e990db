import crypto from "node:crypto";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson } from "../../../tests/factories/people.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { requestContext, servicesContext } from "../../services.server.ts";
import { GUEST, viewerContext } from "../accounts/viewer.server.ts";
import { action, loader } from "../../routes/unsubscribe.tsx";
import { loadNotificationSettings, saveNotificationSettings } from "./settings.server.ts";
import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken, UNSUBSCRIBE_TOKEN_DAYS } from "./unsubscribe-token.server.ts";

describe("unsubscribe tokens", () => {
  const key = Buffer.from("k".repeat(32));
  const now = new Date("2026-11-24T08:00:00Z");
  const userId = "11111111-1111-4111-8111-111111111111";
  const token = signUnsubscribeToken(key, { userId, scope: "reply", issuedAt: now });

  it("verifies its own signature and reads the claim back", () => {
    expect(verifyUnsubscribeToken(key, token, now)).toEqual({ ok: true, claim: { userId, scope: "reply", issuedAt: now } });
  });

  it("refuses a token signed with another key, a changed claim, a cut or garbled one", () => {
    expect(verifyUnsubscribeToken(Buffer.from("x".repeat(32)), token, now)).toEqual({ ok: false, reason: "invalid" });
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "22222222-2222-4222-8222-222222222222", k: "reply", t: Math.floor(now.getTime() / 1000) })).toString("base64url");
    expect(verifyUnsubscribeToken(key, `${forged}.${sig}`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyUnsubscribeToken(key, `${body}.`, now).ok).toBe(false);
    // The same bytes spelled with different spare bits in the last character are not the signature.
    const last = sig!.at(-1)!;
    const respelled = `${sig!.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) ^ 1)}`;
    expect(verifyUnsubscribeToken(key, `${body}.${respelled}`, now).ok).toBe(false);
    expect(verifyUnsubscribeToken(key, body!, now).ok).toBe(false);
    expect(verifyUnsubscribeToken(key, `${body}.${sig}.x`, now).ok).toBe(false);
    expect(verifyUnsubscribeToken(key, "не токен", now).ok).toBe(false);
    // A well-signed claim of an unknown kind is refused too.
    const unknown = Buffer.from(JSON.stringify({ u: userId, k: "password-reset", t: 1 })).toString("base64url");
    const mac = crypto.createHmac("sha256", key).update(`most:unsubscribe:v1:${unknown}`).digest("base64url");
    expect(verifyUnsubscribeToken(key, `${unknown}.${mac}`, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires after its lifetime on the business clock", () => {
    const later = new Date(now.getTime() + (UNSUBSCRIBE_TOKEN_DAYS + 1) * 86_400_000);
    expect(verifyUnsubscribeToken(key, token, later)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("the unsubscribe page, without a session", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const context = () => {
    const c = new RouterContextProvider();
    c.set(servicesContext, s);
    c.set(requestContext, { nonce: "", requestId: "test", ip: "10.0.0.1" });
    c.set(viewerContext, GUEST);
    return c;
  };
  const post = async (path: string, body: Record<string, string>) => action({ request: new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(body) }), params: {}, context: context() } as never);
  const get = async (path: string) => loader({ request: new Request(`http://localhost${path}`), params: {}, context: context() } as never);
  const statusOf = (v: unknown) => (v as { init?: { status?: number } })?.init?.status ?? 200;

  it("GET only asks; the one-click POST sets the kind to never; a stored random key is reused", async () => {
    const person = await makePerson(handle.db);
    const key = await unsubscribeKey(handle.db, s, s.clock.now());
    expect((await unsubscribeKey(handle.db, s, s.clock.now())).equals(key)).toBe(true);
    const token = signUnsubscribeToken(key, { userId: person, scope: "reply", issuedAt: s.clock.now() });
    const page = await get(`/unsubscribe?token=${token}`);
    expect(statusOf(page)).toBe(200);
    expect((await loadNotificationSettings(handle.db, person)).reply).toBe("immediate");
    const done = await post(`/unsubscribe?token=${token}`, { "List-Unsubscribe": "One-Click" });
    expect(done).toMatchObject({ done: true, error: null });
    const after = await loadNotificationSettings(handle.db, person);
    expect(after.reply).toBe("never");
    expect(after.mention).toBe("immediate");
  });

  it("'all' sets every kind to never", async () => {
    const person = await makePerson(handle.db);
    await saveNotificationSettings(s, person, { community_thread: "digest" });
    const token = signUnsubscribeToken(await unsubscribeKey(handle.db, s, s.clock.now()), { userId: person, scope: "all", issuedAt: s.clock.now() });
    await post("/unsubscribe", { token });
    expect(new Set(Object.values(await loadNotificationSettings(handle.db, person)))).toEqual(new Set(["never"]));
  });

  it("a forged token gets 400 and an expired one 410, each with a Russian message, and nothing changes", async () => {
    const person = await makePerson(handle.db);
    const forged = signUnsubscribeToken(Buffer.from("чужой ключ, не сервера".repeat(3)), { userId: person, scope: "all", issuedAt: s.clock.now() });
    const refused = await post(`/unsubscribe?token=${forged}`, { "List-Unsubscribe": "One-Click" });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(refused)).toContain("Ссылка для отписки повреждена или не настоящая");
    expect(statusOf(await get(`/unsubscribe?token=${forged}`))).toBe(400);
    expect(statusOf(await get("/unsubscribe"))).toBe(400);
    const old = signUnsubscribeToken(await unsubscribeKey(handle.db, s, s.clock.now()), { userId: person, scope: "all", issuedAt: new Date(s.clock.now().getTime() - (UNSUBSCRIBE_TOKEN_DAYS + 2) * 86_400_000) });
    const expired = await post("/unsubscribe", { token: old });
    expect(statusOf(expired)).toBe(410);
    expect(JSON.stringify(expired)).toContain("Ссылка для отписки устарела");
    expect((await loadNotificationSettings(handle.db, person)).reply).toBe("immediate");
  });
});
