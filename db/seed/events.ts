/**
 * Demo events from seed 000 (the plan of ИРО Забайкальского края): interregional webinars on the
 * plan's fixed dates, a problem seminar, and the two-day seminar-webinar «50 участников из 5
 * регионов»; plus a regional webinar of Бурятия and a master class in Тула. Dates are those of the
 * plan in the current year (some past, some ahead), times in the organiser's zone. Idempotent: an
 * event whose title exists is left as it is. Reminder jobs are not scheduled for demo events.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { communities, eventQuestions, eventRegistrations, organisations, programmeEventCommunities, programmeEvents, programmeEventSessions, regions, users } from "../schema/index.ts";
import type { EventFormat, EventType } from "../schema/events-catalogue.ts";
import { parseRichText } from "../../app/features/discussions/rich-text/document.ts";
import { renderRichText } from "../../app/features/discussions/rich-text/render.server.ts";
import { parseLocalDateTime } from "../../app/utils/datetime.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { seedTextToDoc } from "./communities.ts";

interface EventSeed {
  title: string;
  type: EventType;
  format: EventFormat;
  regionCode: string;
  organiserKind: "institute" | "ministry" | "cnppm";
  createdBy: string;
  /** "MM-DD" in the current year, one per day, with local times. */
  days: { date: string; start: string; end: string }[];
  summary: string;
  programme: string;
  speakers: { name: string; about?: string }[];
  capacity: number | null;
  audience: "open" | "region" | "communities";
  invite?: string[];
  venue?: string;
  onlineUrl?: string;
  questions?: { label: string; kind: "text" | "choice"; options?: string[]; required?: boolean }[];
  participants?: string[];
}

const IRO_URL = "https://webinar.example/iro-chita";

export const EVENT_SEEDS: EventSeed[] = [
  {
    title: "Развитие моделей инклюзивного образования в школах с низкими результатами обучения",
    type: "webinar",
    format: "online",
    regionCode: "75",
    organiserKind: "institute",
    createdBy: "coordinator.chita@most.example",
    days: [{ date: "04-19", start: "10:00", end: "12:00" }],
    summary: "Межрегиональный вебинар с участием региональных и межрегиональных сетевых педагогических сообществ: модели инклюзивного образования в школах, функционирующих в сложных социальных условиях.",
    programme: "## Программа\n\n- Модели инклюзивного образования: опыт Забайкальского края\n- Психолого-педагогическое сопровождение обучающихся с ОВЗ\n- Вопросы и ответы",
    speakers: [{ name: "Кафедра специального образования ИРО Забайкальского края" }],
    capacity: 300,
    audience: "open",
    invite: ["inklyuzivnoe-obrazovanie"],
    onlineUrl: IRO_URL,
  },
  {
    title: "Современные технологии оценки результатов обучения: формирующее оценивание, самооценка, взаимооценка",
    type: "webinar",
    format: "online",
    regionCode: "75",
    organiserKind: "institute",
    createdBy: "coordinator.chita@most.example",
    days: [{ date: "06-29", start: "11:00", end: "13:00" }],
    summary: "Межрегиональный вебинар в рамках летней Краевой научно-образовательной инновационной сессии: формирующее оценивание, самооценка, взаимооценка и независимая оценка.",
    programme: "## Программа\n\n- Формирующее оценивание на уроке: приёмы и инструменты\n- Самооценка и взаимооценка обучающихся\n- Независимая оценка качества подготовки обучающихся",
    speakers: [{ name: "Центр оценки качества образования Забайкальского края" }],
    capacity: null,
    audience: "open",
    invite: ["formiruyushchee-otsenivanie"],
    onlineUrl: IRO_URL,
  },
  {
    title: "Эффективное управление: от качества образовательной среды — к качеству результатов",
    type: "problem_seminar",
    format: "hybrid",
    regionCode: "75",
    organiserKind: "institute",
    createdBy: "coordinator.chita@most.example",
    days: [{ date: "09-28", start: "14:00", end: "17:00" }],
    summary: "Проблемный семинар в рамках Межрегиональной научно-практической конференции «Итоги и перспективы введения ФГОС общего образования» для руководителей школ.",
    programme: "## Вопросы для обсуждения\n\n- Качество образовательной среды школы: что измерять\n- Управленческие решения по результатам оценочных процедур\n- Опыт школ-лидеров",
    speakers: [{ name: "Ректорат ИРО Забайкальского края" }],
    capacity: 60,
    audience: "communities",
    invite: ["klub-direktorov"],
    venue: "Чита, ИРО Забайкальского края, актовый зал",
    onlineUrl: IRO_URL,
  },
  {
    title: "Модели комплексного сопровождения участников образовательных отношений в школах с низкими результатами",
    type: "webinar",
    format: "online",
    regionCode: "75",
    organiserKind: "institute",
    createdBy: "coordinator.chita@most.example",
    days: [{ date: "11-23", start: "10:00", end: "12:00" }],
    summary: "Межрегиональный вебинар в рамках всероссийской научно-практической конференции «Актуальные проблемы современного детства».",
    programme: "## Программа\n\n- Комплексное сопровождение: педагог, психолог, логопед, тьютор\n- Работа с семьями обучающихся\n- Вопросы участников",
    speakers: [{ name: "Лаборатория сопровождения ИРО Забайкальского края" }],
    capacity: 200,
    audience: "open",
    onlineUrl: IRO_URL,
  },
  {
    title: "Распространение моделей и механизмов поддержки школ с низкими результатами обучения",
    type: "seminar",
    format: "hybrid",
    regionCode: "75",
    organiserKind: "institute",
    createdBy: "coordinator.chita@most.example",
    days: [
      { date: "12-14", start: "10:00", end: "17:00" },
      { date: "12-15", start: "10:00", end: "15:00" },
    ],
    summary: "Межрегиональный семинар-вебинар: модели и механизмы финансовой и методической поддержки школ с низкими результатами обучения и школ, функционирующих в сложных социальных условиях. Два дня, 50 участников из 5 регионов.",
    programme: "## День 1\n\n- Региональные модели поддержки школ: Забайкальский край, Бурятия, Тульская, Тверская области, Краснодарский край\n- Финансовые механизмы поддержки\n\n## День 2\n\n- Методическая поддержка: наставничество и сетевые сообщества\n- Итоговая дискуссия",
    speakers: [{ name: "ИРО Забайкальского края" }, { name: "Министерство образования и науки Забайкальского края" }],
    capacity: 50,
    audience: "open",
    venue: "Чита, ИРО Забайкальского края",
    onlineUrl: IRO_URL,
    questions: [
      { label: "Регион", kind: "choice", options: ["Забайкальский край", "Республика Бурятия", "Тульская область", "Тверская область", "Краснодарский край"], required: true },
      { label: "Формат участия", kind: "choice", options: ["Очно", "Онлайн"], required: true },
      { label: "Вопрос организаторам", kind: "text" },
    ],
    participants: ["teacher.math@most.example", "shestakova@most.example", "petrov@most.example"],
  },
  {
    title: "Функциональная грамотность: задания для уроков в 5–9 классах",
    type: "webinar",
    format: "online",
    regionCode: "03",
    organiserKind: "institute",
    createdBy: "coordinator.buryatia@most.example",
    days: [{ date: "12-03", start: "15:00", end: "16:30" }],
    summary: "Региональный вебинар для педагогов Республики Бурятия: как составлять и использовать задания на функциональную грамотность.",
    programme: "## Программа\n\n- Читательская и математическая грамотность\n- Разбор заданий\n- Банк заданий для школ",
    speakers: [{ name: "Методисты БРИОП" }],
    capacity: 100,
    audience: "region",
    onlineUrl: "https://webinar.example/briop",
  },
  {
    title: "Мастер-класс: наставничество в паре школ",
    type: "master_class",
    format: "offline",
    regionCode: "71",
    organiserKind: "ministry",
    createdBy: "coordinator.tula@most.example",
    days: [{ date: "12-10", start: "10:00", end: "13:00" }],
    summary: "Мастер-класс школы-лидера для команд школ-партнёров: как организовать взаимопосещение уроков и работу наставнических пар.",
    programme: "## Программа\n\n- Договор о партнёрстве и дорожная карта\n- Протокол взаимопосещения урока\n- Работа в парах",
    speakers: [{ name: "Команда школы-лидера" }],
    capacity: 25,
    audience: "open",
    venue: "Тула, ул. Ленина, 2, конференц-зал",
  },
];

/** Loads the demo events with sessions, questions, invited communities and a few registrations. */
export async function seedEvents(ex: Executor, now: Date): Promise<number> {
  const present = new Set((await ex.select({ title: programmeEvents.title }).from(programmeEvents).where(inArray(programmeEvents.title, EVENT_SEEDS.map((e) => e.title)))).map((r) => r.title));
  const people = new Map((await ex.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
  const year = now.getUTCFullYear();
  for (const e of EVENT_SEEDS) {
    if (present.has(e.title)) continue;
    const [org] = await ex
      .select({ id: organisations.id, regionId: organisations.regionId, timeZone: regions.timeZone })
      .from(organisations)
      .innerJoin(regions, eq(regions.id, organisations.regionId))
      .where(and(eq(regions.code, e.regionCode), eq(organisations.kind, e.organiserKind)));
    if (!org) throw new Error(`Demo event «${e.title}»: no ${e.organiserKind} in region ${e.regionCode}`);
    const sessions = e.days.map((d) => ({ startsAt: parseLocalDateTime(`${year}-${d.date}T${d.start}`, org.timeZone), endsAt: parseLocalDateTime(`${year}-${d.date}T${d.end}`, org.timeZone) }));
    const parsed = parseRichText(seedTextToDoc(e.programme));
    if (!parsed.ok) throw new Error(`Demo event «${e.title}»: ${parsed.error}`);
    const createdAt = new Date(Math.min(now.getTime(), sessions[0]!.startsAt.getTime()) - 30 * 86_400_000);
    const [row] = await ex
      .insert(programmeEvents)
      .values({
        title: e.title,
        titleSort: russianSortKey(e.title),
        type: e.type,
        format: e.format,
        summary: e.summary,
        programme: parsed.doc as unknown as Record<string, unknown>,
        programmeHtml: renderRichText(parsed.doc),
        onlineUrl: e.onlineUrl ?? null,
        venue: e.venue ?? null,
        organisationId: org.id,
        regionId: org.regionId,
        timeZone: org.timeZone,
        speakers: e.speakers,
        audience: e.audience,
        audienceRegionId: e.audience === "region" ? org.regionId : null,
        capacity: e.capacity,
        startsAt: sessions[0]!.startsAt,
        endsAt: sessions[sessions.length - 1]!.endsAt,
        createdBy: people.get(e.createdBy) ?? null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: programmeEvents.id });
    const eventId = row!.id;
    await ex.insert(programmeEventSessions).values(sessions.map((x, position) => ({ eventId, position, ...x })));
    if (e.invite?.length) {
      const invited = await ex.select({ id: communities.id }).from(communities).where(inArray(communities.slug, e.invite));
      if (invited.length) await ex.insert(programmeEventCommunities).values(invited.map((c) => ({ eventId, communityId: c.id })));
    }
    if (e.questions?.length) await ex.insert(eventQuestions).values(e.questions.map((q, position) => ({ eventId, position, label: q.label, kind: q.kind, options: q.options ?? [], required: q.required ?? false })));
    const participants = (e.participants ?? []).map((email) => people.get(email)).filter((id): id is string => Boolean(id));
    for (const [i, userId] of participants.entries()) {
      const at = new Date(createdAt.getTime() + (i + 1) * 3_600_000);
      await ex.insert(eventRegistrations).values({ eventId, userId, status: "registered", createdAt: at, registeredAt: at });
    }
    if (participants.length) await ex.update(programmeEvents).set({ registeredCount: participants.length }).where(eq(programmeEvents.id, eventId));
  }
  return EVENT_SEEDS.length;
}
