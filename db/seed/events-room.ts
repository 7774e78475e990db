/**
 * Demo data of the live room (seed 000, items 18–19: courses of professional development of ИРО
 * Забайкальского края): a past two-day course with questions, attendance, materials, feedback and
 * certificates, and an upcoming three-session course for teachers of other regions. Dates follow
 * `now` (the past course a month ago, the upcoming one in two weeks), times in Chita. Idempotent: a
 * course whose title exists is left as it is.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { eventAttendance, eventCertificates, eventFeedback, eventMaterials, eventRegistrations, eventRoomQuestions, eventRoomVotes, organisations, programmeEvents, programmeEventSessions, regions, users } from "../schema/index.ts";
import { parseRichText } from "../../app/features/discussions/rich-text/document.ts";
import { renderRichText } from "../../app/features/discussions/rich-text/render.server.ts";
import { formatDateRange, localDateKey, parseLocalDateTime } from "../../app/utils/datetime.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { randomCode, CERTIFICATE_CODE_LENGTH } from "../../app/features/events/room-commands.server.ts";
import { seedTextToDoc } from "./communities.ts";

const DAY = 86_400_000;
const ZONE = "Asia/Chita";

export const PAST_COURSE = "Курсы повышения квалификации: формирующее оценивание в школах с низкими результатами обучения";
export const UPCOMING_COURSE = "Курсы повышения квалификации для педагогов других регионов: школа в неблагоприятных социальных условиях";

interface CourseSeed {
  title: string;
  /** Days from now of each session, 10:00–14:00 in Chita. */
  days: number[];
  summary: string;
  programme: string;
  participants: string[];
}

const COURSES: CourseSeed[] = [
  {
    title: PAST_COURSE,
    days: [-31, -30],
    summary: "Курсы для руководителей и педагогов школ Забайкальского края, показывающих низкие результаты (план мероприятий, п. 18): 8 часов за два дня.",
    programme: "## Программа\n\n- День 1. Цели урока и критерии оценивания\n- День 2. Обратная связь, самооценка и взаимооценка",
    participants: ["shestakova@most.example", "sokolov@most.example", "kuzmina@most.example"],
  },
  {
    title: UPCOMING_COURSE,
    days: [14, 21, 28],
    summary: "Курсы и стажировка для учителей школ других субъектов РФ (план мероприятий, п. 19): три занятия по четыре часа, сертификат с общим объёмом часов.",
    programme: "## Программа\n\n- Занятие 1. Диагностика дефицитов школы\n- Занятие 2. Программа перехода в эффективный режим\n- Занятие 3. Сетевое взаимодействие и наставничество",
    participants: ["batueva@most.example", "smirnova@most.example"],
  },
];

/** Loads the two demo courses with their room data. */
export async function seedEventRoom(ex: Executor, now: Date): Promise<void> {
  const present = new Set((await ex.select({ title: programmeEvents.title }).from(programmeEvents).where(inArray(programmeEvents.title, COURSES.map((c) => c.title)))).map((r) => r.title));
  const people = new Map((await ex.select({ id: users.id, email: users.email, name: users.name }).from(users)).map((u) => [u.email, u]));
  const [org] = await ex.select({ id: organisations.id, name: organisations.name, regionId: organisations.regionId }).from(organisations).innerJoin(regions, eq(regions.id, organisations.regionId)).where(and(eq(regions.code, "75"), eq(organisations.kind, "institute")));
  if (!org) throw new Error("Demo courses: no institute in Забайкальский край");
  const organiser = people.get("coordinator.chita@most.example")?.id ?? null;
  for (const c of COURSES) {
    if (present.has(c.title)) continue;
    const sessions = c.days.map((d) => {
      const date = localDateKey(new Date(now.getTime() + d * DAY), ZONE);
      return { startsAt: parseLocalDateTime(`${date}T10:00`, ZONE), endsAt: parseLocalDateTime(`${date}T14:00`, ZONE) };
    });
    const parsed = parseRichText(seedTextToDoc(c.programme));
    if (!parsed.ok) throw new Error(`Demo course «${c.title}»: ${parsed.error}`);
    const createdAt = new Date(Math.min(now.getTime(), sessions[0]!.startsAt.getTime()) - 20 * DAY);
    const startsAt = sessions[0]!.startsAt;
    const endsAt = sessions[sessions.length - 1]!.endsAt;
    const [row] = await ex
      .insert(programmeEvents)
      .values({ title: c.title, titleSort: russianSortKey(c.title), type: "seminar", format: "online", summary: c.summary, programme: parsed.doc as unknown as Record<string, unknown>, programmeHtml: renderRichText(parsed.doc), onlineUrl: "https://webinar.example/iro-chita-courses", organisationId: org.id, regionId: org.regionId, timeZone: ZONE, speakers: [{ name: "Кафедра педагогики и психологии ИРО Забайкальского края" }], audience: "open", capacity: 60, startsAt, endsAt, createdBy: organiser, createdAt, updatedAt: createdAt })
      .returning({ id: programmeEvents.id });
    const eventId = row!.id;
    const sessionRows = await ex.insert(programmeEventSessions).values(sessions.map((x, position) => ({ eventId, position, ...x }))).returning({ id: programmeEventSessions.id, startsAt: programmeEventSessions.startsAt, endsAt: programmeEventSessions.endsAt });
    const participants = c.participants.map((e) => people.get(e)).filter((p): p is NonNullable<typeof p> => Boolean(p));
    for (const [i, p] of participants.entries()) {
      const at = new Date(createdAt.getTime() + (i + 1) * 3_600_000);
      await ex.insert(eventRegistrations).values({ eventId, userId: p.id, status: "registered", createdAt: at, registeredAt: at });
    }
    await ex.update(programmeEvents).set({ registeredCount: participants.length }).where(eq(programmeEvents.id, eventId));
    if (c.title !== PAST_COURSE || participants.length < 3) continue;

    // The past course: the first attended both days, the second the first day only, the third neither.
    const [both, firstDay] = participants;
    const marks = [
      ...sessionRows.map((x) => ({ sessionId: x.id, userId: both!.id, source: "code" as const, markedAt: new Date(x.startsAt.getTime() + 10 * 60_000) })),
      { sessionId: sessionRows[0]!.id, userId: firstDay!.id, source: "organiser" as const, markedAt: sessionRows[0]!.endsAt },
    ];
    await ex.insert(eventAttendance).values(marks);
    const minutesOf = (userId: string) => marks.filter((m) => m.userId === userId).reduce((sum, m) => { const s = sessionRows.find((x) => x.id === m.sessionId)!; return sum + (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000; }, 0);
    const issuedAt = new Date(endsAt.getTime() + DAY);
    await ex.insert(eventCertificates).values([both!, firstDay!].map((p) => ({ code: randomCode(CERTIFICATE_CODE_LENGTH), eventId, userId: p.id, personName: p.name, eventTitle: c.title, dates: formatDateRange(startsAt, endsAt, ZONE), minutes: minutesOf(p.id), organiser: org.name, issuedAt })));
    const [question] = await ex.insert(eventRoomQuestions).values({ eventId, authorId: firstDay!.id, body: "Как часто давать письменную обратную связь по критериям в 5–6 классах?", voteCount: 1, answeredAt: new Date(sessionRows[0]!.startsAt.getTime() + 2 * 3_600_000), createdAt: new Date(sessionRows[0]!.startsAt.getTime() + 3_600_000) }).returning({ id: eventRoomQuestions.id });
    await ex.insert(eventRoomVotes).values({ questionId: question!.id, userId: both!.id, createdAt: new Date(sessionRows[0]!.startsAt.getTime() + 3_700_000) });
    await ex.insert(eventMaterials).values({ eventId, recordingUrl: "https://video.example/iro-chita/formative-assessment", materials: "Презентации обоих дней: https://files.example/iro-chita/formative-assessment.pdf\nБанк приёмов формирующего оценивания — в библиотеке практик.", updatedAt: issuedAt });
    await ex.insert(eventFeedback).values({ eventId, userId: both!.id, rating: 5, comment: "Много практических приёмов, сразу применила на уроках.", createdAt: issuedAt });
  }
}
