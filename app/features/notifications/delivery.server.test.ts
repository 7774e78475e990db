import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson } from "../../../tests/factories/people.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { events, mailOutbox, notifications, users } from "../../../db/schema/index.ts";
import { notify } from "./commands.server.ts";
import { loadNotificationSettings, saveNotificationSettings } from "./settings.server.ts";

const ORIGIN = "https://most.example";

async function until(fn: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("notification e-mail follows each person's setting", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { env: { PUBLIC_ORIGIN: ORIGIN } });
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const emailOf = async (id: string) => (await handle.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email;
  const mailsTo = async (id: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, await emailOf(id)));
  const reply = (userId: string, title = "ОГЭ по математике") =>
    handle.db.transaction((tx) => notify(tx, s, { userId, kind: "reply", payload: { threadTitle: title, excerpt: "Согласна, давайте обсудим" }, href: "/threads/00000000-0000-4000-8000-000000000001#post-1" }));

  it("defaults come from the catalogue; a saved choice replaces them and an unoffered channel falls back", async () => {
    const person = await makePerson(handle.db);
    const before = await loadNotificationSettings(handle.db, person);
    expect(before.reply).toBe("immediate");
    expect(before.community_thread).toBe("digest");
    await saveNotificationSettings(s, person, { reply: "never", "event.reminder.hour": "digest" as never });
    const after = await loadNotificationSettings(handle.db, person);
    expect(after.reply).toBe("never");
    // The hour-before reminder offers no digest: the stored value cannot make it one.
    expect(after["event.reminder.hour"]).toBe("immediate");
  });

  it("immediately: one mail with unsubscribe links and RFC 8058 headers, enqueued with the notification", async () => {
    const person = await makePerson(handle.db, { name: "Анна Сразу" });
    await reply(person);
    await until(async () => (await mailsTo(person)).length === 1);
    const [mail] = await mailsTo(person);
    expect(mail!.subject).toContain("отвечает в обсуждении «ОГЭ по математике»");
    expect(mail!.text).toContain("Согласна, давайте обсудим");
    expect(mail!.text).toMatch(/Больше не присылать письма: «Ответы в моих обсуждениях и цитаты моих сообщений»:\nhttps:\/\/most\.example\/unsubscribe\?token=[\w-]+\.[\w-]+/);
    expect(mail!.text).toContain(`${ORIGIN}/account/notifications`);
    expect(mail!.html).toContain('href="https://most.example/unsubscribe?token=');
    expect(mail!.headers?.["List-Unsubscribe"]).toMatch(/^<https:\/\/most\.example\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
    expect(mail!.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const [row] = await handle.db.select().from(notifications).where(eq(notifications.userId, person));
    expect(row!.emailChannel).toBe("immediate");
  });

  it("a rolled-back write leaves neither the notification nor its mail", async () => {
    const person = await makePerson(handle.db);
    await expect(
      handle.db.transaction(async (tx) => {
        await notify(tx, s, { userId: person, kind: "mention", payload: { threadTitle: "Откат" }, href: "/threads/x" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await new Promise((r) => setTimeout(r, 2500));
    expect(await mailsTo(person)).toEqual([]);
    expect(await handle.db.select().from(notifications).where(eq(notifications.userId, person))).toEqual([]);
  });

  it("daily digest: the bell still hears it, no single mail goes out, the row waits for the morning", async () => {
    const person = await makePerson(handle.db);
    await saveNotificationSettings(s, person, { reply: "digest" });
    await reply(person);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await mailsTo(person)).toEqual([]);
    const [row] = await handle.db.select().from(notifications).where(eq(notifications.userId, person));
    expect(row).toMatchObject({ emailChannel: "digest", digestId: null, readAt: null });
    const bell = await handle.db.select().from(events).where(and(eq(events.stream, `user:${person}`), eq(events.type, "notification.created")));
    expect(bell.map((e) => e.payload)).toEqual([{ id: row!.id, kind: "reply", unread: 1 }]);
  });

  it("never: nothing is mailed, now or in the digest, but the in-app notification stays", async () => {
    const person = await makePerson(handle.db);
    await saveNotificationSettings(s, person, { reply: "never" });
    await reply(person);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await mailsTo(person)).toEqual([]);
    const rows = await handle.db.select().from(notifications).where(and(eq(notifications.userId, person), eq(notifications.kind, "reply")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.emailChannel).toBe("never");
  });

  it("a capability's own mail (a mention) also follows the setting", async () => {
    const person = await makePerson(handle.db, { name: "Борис Упомянутый" });
    const mention = () =>
      handle.db.transaction((tx) =>
        notify(tx, s, {
          userId: person,
          kind: "mention",
          payload: { threadTitle: "Проекты" },
          href: "/threads/t#post-p",
          mail: { template: "mention", data: { name: "Борис Упомянутый", actor: "Анна", thread: "Проекты", place: "Клуб", excerpt: "@Борис посмотрите", link: `${ORIGIN}/threads/t#post-p` } },
        }),
      );
    await mention();
    await until(async () => (await mailsTo(person)).length === 1);
    expect((await mailsTo(person))[0]!.text).toContain("Больше не присылать письма: «Упоминания меня в обсуждениях»");
    await saveNotificationSettings(s, person, { mention: "never" });
    await mention();
    await new Promise((r) => setTimeout(r, 2500));
    expect(await mailsTo(person)).toHaveLength(1);
  });
});
