import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson } from "../../../tests/factories/people.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { mailOutbox, notificationDigests, notifications, organisations, profiles, regions } from "../../../db/schema/index.ts";
import { russianSortKey } from "../../utils/text.ts";
import { notify } from "./commands.server.ts";
import { dueMorning, sendDigestFor, sendDueDigests } from "./digest.server.ts";
import { saveNotificationSettings } from "./settings.server.ts";

async function until(fn: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("dueMorning", () => {
  it("is due from 08:00 local time on, and names the local date", () => {
    expect(dueMorning(new Date("2026-11-24T22:59:00Z"), "Asia/Chita")).toBeNull(); // 07:59 in Чита
    expect(dueMorning(new Date("2026-11-24T23:00:00Z"), "Asia/Chita")).toEqual({ localDate: "2026-11-25", cutoff: new Date("2026-11-24T23:00:00Z") });
    expect(dueMorning(new Date("2026-11-24T23:00:00Z"), "Europe/Moscow")).toBeNull(); // 02:00 МСК on the 25th: not yet
    expect(dueMorning(new Date("2026-11-25T05:00:00Z"), "Europe/Moscow")).toEqual({ localDate: "2026-11-25", cutoff: new Date("2026-11-25T05:00:00Z") });
  });
});

describe("the daily digest", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let chitaPerson: string;
  let moscowPerson: string;
  // 21:30 UTC on 24 November: 06:30 on the 25th in Чита (МСК+6), 00:30 in Moscow.
  const start = new Date("2026-11-24T21:30:00Z");

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { start, env: { PUBLIC_ORIGIN: "https://most.example" } });
    const [chitaSchool] = await handle.db.select({ id: organisations.id }).from(organisations).innerJoin(regions, eq(regions.id, organisations.regionId)).where(eq(regions.code, "75")).limit(1);
    chitaPerson = await makePerson(handle.db, { name: "Ирина Читинская", email: "chita.digest@school.example" });
    // No zone of her own: the zone of her organisation's region (Asia/Chita) applies.
    await handle.db.insert(profiles).values({ userId: chitaPerson, nameSort: russianSortKey("Ирина Читинская"), organisationId: chitaSchool!.id, updatedAt: start });
    moscowPerson = await makePerson(handle.db, { name: "Олег Московский", email: "moscow.digest@school.example" });
    for (const id of [chitaPerson, moscowPerson]) await saveNotificationSettings(s, id, { reply: "digest", community_thread: "digest" });
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const mailsTo = (email: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  const tell = (userId: string, kind: "reply" | "community_thread", payload: Record<string, unknown>) => handle.db.transaction((tx) => notify(tx, s, { userId, kind, payload, href: "/threads/t1#post-1" }));

  it("reaches each person once at 08:00 of their own zone, grouped, with Russian plurals", async () => {
    for (const id of [chitaPerson, moscowPerson]) {
      await tell(id, "reply", { threadTitle: "ОГЭ по математике", excerpt: "Первый ответ" });
      await tell(id, "reply", { threadTitle: "ОГЭ по математике", excerpt: "Второй ответ" });
      await tell(id, "reply", { threadTitle: "Читательская грамотность", excerpt: "Третий ответ" });
      await tell(id, "community_thread", { title: "Учителя математики", threadTitle: "Пробники", text: "Новое обсуждение в сообществе «Учителя математики»: «Пробники»" });
    }
    // 08:05 in Чита, 02:05 in Moscow: the recurring sweep (a pg-boss job on the business clock) sends Чита's only.
    await s.clock.set(new Date("2026-11-24T23:05:00Z"));
    await until(async () => (await mailsTo("chita.digest@school.example")).length === 1);
    const [mail] = await mailsTo("chita.digest@school.example");
    expect(mail!.subject).toBe("Сводка «Моста»: 4 уведомления");
    expect(mail!.text).toContain("Что произошло на «Мосте» к утру 25 ноября 2026: 4 уведомления.");
    expect(mail!.text).toContain("ОТВЕТЫ: 3 ОТВЕТА");
    expect(mail!.text).toContain("«ОГЭ по математике» — 2 ответа");
    expect(mail!.text).toContain("НОВЫЕ ОБСУЖДЕНИЯ В СООБЩЕСТВАХ: 1 НОВОЕ ОБСУЖДЕНИЕ");
    expect(mail!.text).toContain("отвечает в обсуждении «ОГЭ по математике» — «Второй ответ»:\nhttps://most.example/threads/t1#post-1");
    expect(mail!.text).toContain("https://most.example/threads/t1#post-1");
    expect(mail!.text).toContain("Отписаться от всех писем-уведомлений «Моста»:\nhttps://most.example/unsubscribe?token=");
    expect(mail!.text).toContain("Больше не присылать письма: «Ответы в моих обсуждениях и цитаты моих сообщений»");
    expect(mail!.html).toContain("Ответы: 3 ответа</h2>");
    expect(mail!.html).toContain("Второй ответ");
    expect(mail!.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailsTo("moscow.digest@school.example")).toEqual([]);
    const [digest] = await handle.db.select().from(notificationDigests).where(eq(notificationDigests.userId, chitaPerson));
    expect(digest).toMatchObject({ localDate: "2026-11-25", timeZone: "Asia/Chita", itemCount: 4 });
    // 08:05 in Moscow.
    await s.clock.set(new Date("2026-11-25T05:05:00Z"));
    await until(async () => (await mailsTo("moscow.digest@school.example")).length === 1);
    expect((await handle.db.select().from(notificationDigests).where(eq(notificationDigests.userId, moscowPerson)))[0]).toMatchObject({ localDate: "2026-11-25", timeZone: "Europe/Moscow" });
  });

  it("is not sent twice: re-running the sweep, sending for the person again, restarting", async () => {
    expect(await sendDigestFor(s, chitaPerson)).toEqual({ sent: false, reason: "nothing" });
    await sendDueDigests(s);
    // A notification written after this morning's 08:00 waits for tomorrow, never a second mail today.
    await tell(chitaPerson, "reply", { threadTitle: "ОГЭ по математике", excerpt: "После восьми" });
    await sendDueDigests(s);
    expect(await sendDigestFor(s, chitaPerson)).toEqual({ sent: false, reason: "nothing" });
    await s.stop();
    s = await createTestServices(handle, { start: s.clock.now(), env: { PUBLIC_ORIGIN: "https://most.example" } });
    await sendDueDigests(s);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mailsTo("chita.digest@school.example")).toHaveLength(1);
    expect(await mailsTo("moscow.digest@school.example")).toHaveLength(1);
    // Two sweeps racing for the same morning: the unique (user, date) claim lets one through.
    await s.clock.set(new Date("2026-11-25T23:10:00Z")); // 08:10 on the 26th in Чита
    const both = await Promise.all([sendDigestFor(s, chitaPerson), sendDigestFor(s, chitaPerson), sendDueDigests(s)]);
    await until(async () => (await mailsTo("chita.digest@school.example")).length === 2);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await mailsTo("chita.digest@school.example")).toHaveLength(2);
    expect(both.filter((r) => "sent" in r && r.sent).length).toBeLessThanOrEqual(1);
    const second = (await mailsTo("chita.digest@school.example")).find((m) => m.text.includes("После восьми"));
    expect(second?.subject).toBe("Сводка «Моста»: 1 уведомление");
  });

  it("leaves out what was read in the app or switched away from the digest, and sends nothing when nothing is left", async () => {
    const person = await makePerson(handle.db, { email: "quiet.digest@school.example" });
    await saveNotificationSettings(s, person, { reply: "digest", community_thread: "digest" });
    const readId = await tell(person, "reply", { threadTitle: "Прочитано" });
    await tell(person, "community_thread", { title: "Клуб", threadTitle: "Передумала" });
    await handle.db.update(notifications).set({ readAt: s.clock.now() }).where(eq(notifications.id, readId));
    await saveNotificationSettings(s, person, { community_thread: "never" });
    await s.clock.set(new Date("2026-11-27T05:30:00Z")); // 08:30 МСК
    expect(await sendDigestFor(s, person)).toEqual({ sent: false, reason: "nothing" });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailsTo("quiet.digest@school.example")).toEqual([]);
    // Settled: the sweep will not look at them again.
    expect(await handle.db.select().from(notifications).where(and(eq(notifications.userId, person), eq(notifications.emailChannel, "digest")))).toSatisfy((rows: { digestId: string | null }[]) => rows.every((r) => r.digestId !== null));
  });
});
