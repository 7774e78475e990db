import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { thrownStatus } from "../../../tests/setup/thrown-status.ts";
import { bodyOf, eventInput, makePerson, makeStaff, makeTeacher, viewerOfUser } from "../../../tests/factories/events.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { eventAttendance, eventCertificates, eventFeedback, events, programmeEventSessions, users } from "../../../db/schema/index.ts";
import { hashPassword } from "../accounts/crypto.server.ts";
import { deleteAccount } from "../profiles/commands.server.ts";
import { extractText } from "../search/extract.server.ts";
import { createEvent, registerForEvent } from "./commands.server.ts";
import { certificatePdf, findCertificate } from "./certificates.server.ts";
import { viewerFacts } from "./queries.server.ts";
import { runRoomCommand, type RoomOutcome } from "./room-commands.server.ts";
import { loadRoomPage, roomStream } from "./room.server.ts";
import type { RoomActionInput } from "./room-schemas.ts";

const ZONE = { timeZone: "Europe/Moscow", label: "МСК", source: "default" } as never;


describe("event room, attendance and certificates", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let eventId: string;
  const p = {} as Record<"organiser" | "attendee" | "second" | "absent" | "outsider", string>;

  const run = async (who: keyof typeof p, input: RoomActionInput): Promise<RoomOutcome> => runRoomCommand(s, (await viewerOfUser(handle.db, p[who])) as never, eventId, input);
  const page = async (who: keyof typeof p) => loadRoomPage(handle.db, await viewerOfUser(handle.db, p[who]), { id: eventId, zone: ZONE, now: s.clock.now() });

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false, start: new Date("2026-11-24T08:00:00Z") });
    const institute = await bodyOf(handle.db, "75", "institute");
    p.organiser = await makeStaff(handle.db, institute, { name: "Ольга Организатор" });
    p.attendee = await makeTeacher(handle.db, institute, { name: "Анна Присутствующая" });
    p.second = await makeTeacher(handle.db, institute, { name: "Борис Второй" });
    p.absent = await makeTeacher(handle.db, institute, { name: "Вера Отсутствующая" });
    p.outsider = await makePerson(handle.db);
    const organiser = await viewerOfUser(handle.db, p.organiser);
    // Two days in Chita, 10:00–13:00 (01:00–04:00 UTC): a course of six hours.
    const created = await createEvent(s, organiser as never, await viewerFacts(handle.db, organiser), eventInput(institute, { title: "Курс «Читательская грамотность»", capacity: 10 }));
    if (!created.ok) throw new Error(created.error);
    eventId = created.id;
    for (const who of ["attendee", "second", "absent"] as const) {
      const v = await viewerOfUser(handle.db, p[who]);
      const r = await registerForEvent(s, v as never, await viewerFacts(handle.db, v), { eventId, answers: {} });
      expect(r.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("keeps the room for participants and organisers; the join link appears only shortly before a session", async () => {
    expect(await thrownStatus(() => page("outsider"))).toBe(403);
    expect(await thrownStatus(() => run("outsider", { intent: "ask", body: "Можно войти?" }))).toBe(403);
    expect((await page("attendee")).joinUrl).toBeNull();
    await s.clock.set(new Date("2026-12-10T00:50:00Z")); // 10 minutes before the first session
    expect((await page("attendee")).joinUrl).toBe("https://example.org/webinar");
  });

  it("asks, upvotes once per person and lets only the organiser mark a question answered, each on the room's stream", async () => {
    await s.clock.set(new Date("2026-12-10T01:30:00Z"));
    expect(await run("attendee", { intent: "ask", body: "Как оценивать устные ответы?" })).toMatchObject({ ok: true });
    const [q] = (await page("second")).questions;
    expect(q).toMatchObject({ body: "Как оценивать устные ответы?", mine: false, votes: 0, voted: false, answered: false });
    expect((await page("attendee")).questions[0]!.mine).toBe(true);
    await run("second", { intent: "vote", questionId: q!.id });
    await run("second", { intent: "vote", questionId: q!.id });
    expect((await page("second")).questions[0]).toMatchObject({ votes: 1, voted: true, votesText: "1 голос" });
    expect(await thrownStatus(() => run("attendee", { intent: "answered", questionId: q!.id }))).toBe(403);
    await run("organiser", { intent: "answered", questionId: q!.id });
    expect((await page("attendee")).questions[0]!.answered).toBe(true);
    const stream = await handle.db.select({ type: events.type, payload: events.payload }).from(events).where(eq(events.stream, roomStream(eventId)));
    expect(stream.map((e) => e.type)).toEqual(["question.asked", "question.voted", "question.answered"]);
    // Payloads name no person: every participant follows the stream.
    expect(JSON.stringify(stream)).not.toContain(p.attendee);
  });

  it("checks in with the announced code during the session only", async () => {
    const sessions = await handle.db.select().from(programmeEventSessions).where(eq(programmeEventSessions.eventId, eventId)).orderBy(programmeEventSessions.position);
    expect(await run("attendee", { intent: "check-in", code: "ABCDEF" })).toMatchObject({ ok: false, error: "Организатор ещё не объявил код для этого занятия." });
    expect(await thrownStatus(() => run("attendee", { intent: "open-code", sessionId: sessions[0]!.id }))).toBe(403);
    expect(await run("organiser", { intent: "open-code", sessionId: sessions[1]!.id })).toMatchObject({ ok: false, error: "Отметиться можно только во время занятия." });
    await run("organiser", { intent: "open-code", sessionId: sessions[0]!.id });
    const code = (await page("organiser")).sessions[0]!.code!;
    expect(code).toMatch(/^[0-9A-HJ-NP-Z]{6}$/);
    expect((await page("attendee")).sessions[0]!.code).toBeNull();
    expect(await run("attendee", { intent: "check-in", code: code === "AAAAAA" ? "BBBBBB" : "AAAAAA" })).toMatchObject({ ok: false, error: "Код не подходит. Проверьте его у организатора." });
    expect(await run("attendee", { intent: "check-in", code })).toMatchObject({ ok: true, done: "checkedIn" });
    expect((await page("attendee")).sessions.map((x) => x.attended)).toEqual([true, false]);
    expect((await page("attendee")).hours).toBe("3 часа");
    // Not yet over: no certificate.
    expect(await run("attendee", { intent: "certificate" })).toMatchObject({ ok: false });

    // Day two: the organiser marks both attendees; an unregistered person cannot be marked.
    await s.clock.set(new Date("2026-12-11T03:00:00Z"));
    expect(await run("attendee", { intent: "check-in", code })).toMatchObject({ ok: false });
    expect(await run("organiser", { intent: "attendance", sessionId: sessions[1]!.id, userIds: [p.attendee, p.outsider] })).toMatchObject({ ok: false, error: "Этот человек не зарегистрирован на мероприятие." });
    expect(await run("organiser", { intent: "attendance", sessionId: sessions[1]!.id, userIds: [p.attendee, p.second] })).toMatchObject({ ok: true });
    const sheet = (await page("organiser")).sheet;
    expect(sheet.find((x) => x.userId === p.second)!.sessions).toEqual([sessions[1]!.id]);
    expect(sheet.find((x) => x.userId === p.absent)!.sessions).toEqual([]);
  });

  it("issues certificates with the hours attended to attendees only, verifiable by code, with Cyrillic text in the PDF", async () => {
    await s.clock.set(new Date("2026-12-11T05:00:00Z"));
    expect(await run("absent", { intent: "certificate" })).toMatchObject({ ok: false, error: "Сертификат выдаётся участникам, которые посетили мероприятие, после его окончания." });
    const first = await run("attendee", { intent: "certificate" });
    const again = await run("attendee", { intent: "certificate" });
    if (!first.ok || !again.ok) throw new Error("no certificate");
    expect(again.certificate).toBe(first.certificate);
    expect(first.certificate).toMatch(/^[0-9A-HJ-NP-Z]{20}$/);
    const second = await run("second", { intent: "certificate" });
    expect(second.ok && (await findCertificate(handle.db, second.certificate!))?.hours).toBe("3 часа");
    expect(await handle.db.select().from(eventCertificates).where(eq(eventCertificates.eventId, eventId))).toHaveLength(2);

    const facts = await findCertificate(handle.db, first.certificate!);
    expect(facts).toEqual({ code: first.certificate, personName: "Анна Присутствующая", eventTitle: "Курс «Читательская грамотность»", dates: "10–11 декабря 2026", hours: "6 часов", organiser: expect.stringContaining("Забайкальского края") });
    expect(await findCertificate(handle.db, "ZZZZZZZZZZZZZZZZZZZZ")).toBeNull();
    expect(await findCertificate(handle.db, "not a code")).toBeNull();

    const pdf = await certificatePdf(facts!, "https://most.example");
    const text = await extractText("pdf", pdf);
    expect(text.status).toBe("done");
    const flat = text.text.replace(/\s+/g, " ");
    for (const expected of ["СЕРТИФИКАТ УЧАСТНИКА", "Анна Присутствующая", "Курс «Читательская грамотность»", "10–11 декабря 2026", "Объём: 6 часов", `https://most.example/certificates/${first.certificate}`]) expect(flat).toContain(expected);
  });

  it("takes feedback from participants once the event has begun, replacing an earlier one", async () => {
    expect(await run("attendee", { intent: "feedback", rating: 5, comment: "Полезно" })).toMatchObject({ ok: true });
    await run("attendee", { intent: "feedback", rating: 4, comment: "Полезно, но долго" });
    expect((await page("attendee")).feedback).toEqual({ rating: 4, comment: "Полезно, но долго" });
    expect(await thrownStatus(() => run("organiser", { intent: "materials", recordingUrl: "https://video.example/rec", materials: "Презентация: https://files.example/p.pdf" }))).toBe("no throw");
    expect((await page("absent")).materials).toEqual({ recordingUrl: "https://video.example/rec", text: "Презентация: https://files.example/p.pdf" });
  });
  it("an account deletion erases the person's attendance, feedback and certificate; the code no longer verifies", async () => {
    const [cert] = await handle.db.select().from(eventCertificates).where(eq(eventCertificates.userId, p.second));
    expect(cert).toBeDefined();
    const password = "Удалить-меня-2026";
    await handle.db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, p.second));
    expect(await deleteAccount(s, (await viewerOfUser(handle.db, p.second)) as never, password)).toEqual({ ok: true });
    expect(await findCertificate(handle.db, cert!.code)).toBeNull();
    expect(await handle.db.select().from(eventAttendance).where(eq(eventAttendance.userId, p.second))).toHaveLength(0);
    expect(await handle.db.select().from(eventFeedback).where(eq(eventFeedback.userId, p.second))).toHaveLength(0);
    // The attendee's certificate is untouched.
    expect(await handle.db.select().from(eventCertificates).where(eq(eventCertificates.userId, p.attendee))).toHaveLength(1);
  });
});

describe("room forms", () => {
  it("drop control characters (PostgreSQL refuses NUL in text) and refuse non-http recording links", async () => {
    const { RoomAction } = await import("./room-schemas.ts");
    expect(RoomAction.parse({ intent: "ask", body: "Вопрос\u0000 с нулём\u0007" })).toEqual({ intent: "ask", body: "Вопрос с нулём" });
    expect(RoomAction.parse({ intent: "materials", materials: "a\u0000b\nc" })).toMatchObject({ materials: "ab\nc" });
    expect(RoomAction.safeParse({ intent: "materials", recordingUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(RoomAction.safeParse({ intent: "feedback", rating: "6" }).success).toBe(false);
  });

});

describe("the room's chat", () => {
  it("is a discussion thread owned by the event: participants and organisers read and post, others do not", async () => {
    const { createTestDatabase: make } = await import("../../../tests/setup/database.ts");
    const handle = await make();
    const s = await createTestServices(handle, { runJobs: false });
    try {
      const { canReadThread } = await import("../discussions/policy.server.ts");
      const institute = await bodyOf(handle.db, "75", "institute");
      const organiser = await viewerOfUser(handle.db, await makeStaff(handle.db, institute));
      const participant = await viewerOfUser(handle.db, await makeTeacher(handle.db, institute));
      const outsider = await viewerOfUser(handle.db, await makePerson(handle.db));
      const created = await createEvent(s, organiser as never, await viewerFacts(handle.db, organiser), eventInput(institute, { capacity: 5 }));
      if (!created.ok) throw new Error(created.error);
      await registerForEvent(s, participant as never, await viewerFacts(handle.db, participant), { eventId: created.id, answers: {} });
      expect(await thrownStatus(() => runRoomCommand(s, participant as never, created.id, { intent: "open-chat" }))).toBe(403);
      expect(await runRoomCommand(s, organiser as never, created.id, { intent: "open-chat" })).toMatchObject({ ok: true, done: "chat" });
      await runRoomCommand(s, organiser as never, created.id, { intent: "open-chat" });
      const page = await loadRoomPage(handle.db, participant, { id: created.id, zone: ZONE, now: s.clock.now() });
      expect(page.chat).toHaveLength(1);
      expect(await canReadThread(handle.db, participant, page.chat[0]!.id)).toBe(true);
      expect(await canReadThread(handle.db, outsider, page.chat[0]!.id)).toBe(false);
    } finally {
      await s.stop();
      await handle.close();
    }
  });
});
