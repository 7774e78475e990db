import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { queryRows, type DatabaseHandle } from "../../../db/client.ts";
import { accountTokens, authEvents, consents, events, mailOutbox, sessions, users } from "../../../db/schema/index.ts";
import { confirmWithCode, confirmWithLink, register, signIn, type RequestMeta } from "./commands.server.ts";
import { changePassword, requestEmailChange, requestPasswordReset, resetPassword } from "./recovery.server.ts";
import { hashToken } from "./crypto.server.ts";
import { resolveViewer } from "./viewer.server.ts";
import { SESSION_COOKIE } from "./sessions.server.ts";
import { isCommonPassword, passwordProblem } from "./password-policy.server.ts";
import { RegisterForm } from "./schemas.ts";

const meta: RequestMeta = { ip: "10.0.0.1", device: "Chrome, Linux", origin: "http://localhost:3000" };
const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

describe("accounts", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle);
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  async function mailTo(to: string, count = 1) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(mailOutbox.at);
      if (mails.length >= count) return mails;
      if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const linkToken = (text: string, path: string) => new RegExp(`${path}\\?token=([a-z2-7]{32})`).exec(text)![1]!;

  async function registered(email: string, password = "Байкал-омуль-2026") {
    expect(await register(s, { name: "Ольга Тестова", email, password }, meta)).toEqual({ ok: true, email });
    const [mail] = await mailTo(email);
    const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;
    return { code, link: linkToken(mail!.text, "/confirm-email"), password };
  }

  it("stores the personal-data consent first, then the person, and only hashes of tokens", async () => {
    const { code, link } = await registered("first@school.example");
    const [user] = await handle.db.select().from(users).where(eq(users.email, "first@school.example"));
    const [consent] = await handle.db.select().from(consents).where(eq(consents.userId, user!.id));
    expect(consent).toMatchObject({ document: "personal_data_processing", version: "2026-11-01" });
    expect(consent!.givenAt.getTime()).toBeLessThanOrEqual(user!.createdAt.getTime());
    expect(user!.consentId).toBe(consent!.id);
    // The schema makes "consent first" structural: no person row without an existing consent row.
    await expect(
      handle.db.insert(users).values({ email: "noconsent@school.example", name: "Без согласия", passwordHash: "x", consentId: "00000000-0000-4000-8000-000000000000", createdAt: s.clock.now() }),
    ).rejects.toThrow();
    const tokens = await handle.db.select().from(accountTokens).where(eq(accountTokens.userId, user!.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(hashToken(link));
    expect(tokens[0]!.codeHash).not.toContain(code);
    const [dump] = await queryRows<{ hit: number }>(handle.db, sql`select count(*)::int as hit from account_tokens where token_hash = ${link} or code_hash = ${code}`);
    expect(dump!.hit).toBe(0);
  });

  it("a form without consent stores nothing", () => {
    const parsed = RegisterForm.safeParse({ name: "Иван Петров", email: "noconsent@school.example", password: "Байкал-омуль-2026" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("Без согласия на обработку персональных данных зарегистрироваться нельзя.");
  });

  it("confirms with the code once, creates a session stored as a hash, and refuses the code again", async () => {
    const { code } = await registered("code@school.example");
    expect(await confirmWithCode(s, { email: "code@school.example", code: code === "000000" ? "000001" : "000000" }, meta)).toMatchObject({ ok: false, status: 400 });
    const ok = await confirmWithCode(s, { email: "code@school.example", code }, meta);
    if (!ok.ok) throw new Error(ok.error);
    const [session] = await handle.db.select().from(sessions).where(eq(sessions.id, hashToken(ok.token)));
    expect(session).toBeDefined();
    expect((await handle.db.select().from(sessions).where(eq(sessions.id, ok.token))).length).toBe(0);
    expect((await resolveViewer(cookie(ok.token), handle.db, s.clock.now())).email).toBe("code@school.example");
    expect(await confirmWithCode(s, { email: "code@school.example", code }, meta)).toMatchObject({ ok: false });
  });

  it("confirmation links are single-use", async () => {
    const { link } = await registered("link@school.example");
    expect(await confirmWithLink(s, link, meta)).toMatchObject({ ok: true, kind: "confirmed" });
    expect(await confirmWithLink(s, link, meta)).toMatchObject({ ok: false, error: expect.stringContaining("недействительна") });
  });

  it("answers the same for a registered and an unknown address", async () => {
    await registered("twice@school.example");
    expect(await register(s, { name: "Кто-то", email: "twice@school.example", password: "Другой-пароль-99" }, meta)).toEqual({ ok: true, email: "twice@school.example" });
    const mails = await mailTo("twice@school.example", 2);
    expect(mails.map((m) => m.subject)).toContain("Попытка регистрации с вашим адресом");
    expect((await handle.db.select().from(users).where(eq(users.email, "twice@school.example"))).length).toBe(1);
    const unknown = await signIn(s, { email: "nobody@school.example", password: "Байкал-омуль-2026" }, meta);
    const wrong = await signIn(s, { email: "twice@school.example", password: "не тот пароль" }, meta);
    expect(unknown).toEqual(wrong);
    expect(await requestPasswordReset(s, "nobody@school.example", { ...meta, ip: "10.0.0.9" })).toEqual({ ok: true });
  });

  it("throttles failed sign-ins per account on the business clock, with the wait in Russian", async () => {
    const { link, password } = await registered("throttle@school.example");
    await confirmWithLink(s, link, meta);
    for (let i = 0; i < 4; i++) expect(await signIn(s, { email: "throttle@school.example", password: "wrong-password" }, { ...meta, ip: `10.1.0.${i}` })).toMatchObject({ status: 400 });
    expect(await signIn(s, { email: "throttle@school.example", password: "wrong-password" }, meta)).toMatchObject({ status: 429 });
    const blocked = await signIn(s, { email: "throttle@school.example", password }, meta);
    expect(blocked).toEqual({ ok: false, error: "Слишком много попыток. Попробуйте через 15 минут.", status: 429 });
    await s.clock.advance(16 * 60_000);
    expect(await signIn(s, { email: "throttle@school.example", password }, meta)).toMatchObject({ ok: true });
    const kinds = (await handle.db.select({ kind: authEvents.kind, detail: authEvents.detail }).from(authEvents)).map((e) => JSON.stringify(e));
    expect(kinds.some((k) => k.includes("sign_in_blocked"))).toBe(true);
    expect(kinds.join()).not.toContain(password);
  });

  it("reset links are single-use and expire after an hour; a reset ends every session", async () => {
    const { link, password } = await registered("reset@school.example");
    const confirmed = await confirmWithLink(s, link, meta);
    const before = confirmed.ok ? confirmed.token! : "";
    await requestPasswordReset(s, "reset@school.example", { ...meta, ip: "10.2.0.1" });
    const resetMail = (await mailTo("reset@school.example", 2)).find((m) => m.subject.includes("Восстановление"))!;
    const token = linkToken(resetMail.text, "/reset-password");
    const done = await resetPassword(s, { token, password: "Новый-пароль-Чита" }, meta);
    expect(done.ok).toBe(true);
    expect((await resolveViewer(cookie(before), handle.db, s.clock.now())).id).toBeNull();
    expect(await resetPassword(s, { token, password: "Ещё-один-пароль" }, meta)).toMatchObject({ ok: false });
    expect(await signIn(s, { email: "reset@school.example", password }, { ...meta, ip: "10.2.0.2" })).toMatchObject({ ok: false });
    await requestPasswordReset(s, "reset@school.example", { ...meta, ip: "10.2.0.3" });
    const second = (await mailTo("reset@school.example", 4)).filter((m) => m.subject.includes("Восстановление")).at(-1)!;
    await s.clock.advance(61 * 60_000);
    expect(await resetPassword(s, { token: linkToken(second.text, "/reset-password"), password: "Поздний-пароль-1" }, meta)).toMatchObject({ ok: false });
  });

  it("a password change ends the other sessions and records the event that disconnects their sockets", async () => {
    const { link, password } = await registered("change@school.example");
    const first = await confirmWithLink(s, link, meta);
    const second = await signIn(s, { email: "change@school.example", password }, { ...meta, ip: "10.3.0.1" });
    if (!first.ok || !second.ok) throw new Error("setup");
    const viewer = await resolveViewer(cookie(second.token), handle.db, s.clock.now());
    expect(await changePassword(s, viewer, { currentPassword: "неверный", password: "Совсем-новый-пароль" }, meta)).toMatchObject({ ok: false, field: "currentPassword" });
    expect(await changePassword(s, viewer, { currentPassword: password, password: "Совсем-новый-пароль" }, meta)).toEqual({ ok: true });
    expect((await resolveViewer(cookie(first.token!), handle.db, s.clock.now())).id).toBeNull();
    expect((await resolveViewer(cookie(second.token), handle.db, s.clock.now())).id).toBe(viewer.id);
    const ended = await handle.db.select().from(events).where(eq(events.stream, `user:${viewer.id}`));
    expect(ended.map((e) => e.type)).toContain("sessions.ended");
  });

  it("changes the e-mail after re-authentication and a link sent to the new address", async () => {
    const { link, password } = await registered("old.address@school.example");
    const confirmed = await confirmWithLink(s, link, meta);
    if (!confirmed.ok) throw new Error("setup");
    const viewer = await resolveViewer(cookie(confirmed.token!), handle.db, s.clock.now());
    expect(await requestEmailChange(s, viewer, { currentPassword: "не тот", email: "new.address@school.example" }, meta)).toMatchObject({ ok: false, field: "currentPassword" });
    expect(await requestEmailChange(s, viewer, { currentPassword: password, email: "new.address@school.example" }, { ...meta, ip: "10.4.0.1" })).toEqual({ ok: true });
    const [mail] = await mailTo("new.address@school.example");
    const notice = (await mailTo("old.address@school.example", 2)).find((m) => m.subject === "Смена адреса на «Мосте»");
    expect(notice?.text).toContain("new.address@school.example");
    expect(await confirmWithLink(s, linkToken(mail!.text, "/confirm-email"), meta)).toMatchObject({ ok: true, kind: "email_changed" });
    expect(await signIn(s, { email: "old.address@school.example", password }, { ...meta, ip: "10.4.0.2" })).toMatchObject({ ok: false });
    expect(await signIn(s, { email: "new.address@school.example", password }, { ...meta, ip: "10.4.0.3" })).toMatchObject({ ok: true });
  });

  it("sessions expire after 14 days without activity", async () => {
    const { link } = await registered("idle@school.example");
    const confirmed = await confirmWithLink(s, link, meta);
    if (!confirmed.ok) throw new Error("setup");
    await s.clock.advance(13 * 24 * 3600_000);
    expect((await resolveViewer(cookie(confirmed.token!), handle.db, s.clock.now())).id).not.toBeNull();
    await s.clock.advance(15 * 24 * 3600_000);
    expect((await resolveViewer(cookie(confirmed.token!), handle.db, s.clock.now())).id).toBeNull();
  });
});

describe("password policy", () => {
  it("refuses common passwords, also typed in the other keyboard layout, with a Russian explanation", () => {
    for (const p of ["password", "qwerty123", "12345678", "пароль123", "gfhjkm123", "йцукенгш", "ааааааааа", "1q2w3e4r"]) expect(isCommonPassword(p), p).toBe(true);
    expect(passwordProblem("qwerty123")).toMatch(/слишком распространён/);
    expect(passwordProblem("коротко")).toBe("Пароль слишком короткий: нужно не меньше 8 символов.");
    expect(passwordProblem("х".repeat(257))).toBe("Пароль слишком длинный: не больше 256 символов.");
    expect(passwordProblem("Омуль любит Байкал")).toBeNull();
    expect(passwordProblem("🦊🦊🦊🦊🐻🐻🐻🐻")).toBeNull();
  });
});
