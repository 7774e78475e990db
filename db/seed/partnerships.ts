/**
 * Demo partnerships of Забайкальский край (seed 000: low-result schools paired with high-result
 * schools and training sites; seed 002: partnership projects and mutual lesson visits): several
 * partnerships in different states with dated histories, members, mentor pairs with meetings, visit
 * protocols with their workspace threads, and schools' declared strengths. Invented names only.
 *
 * Idempotent: a pair of schools that already has a partnership is left as it is; people, staff and
 * strengths are only added when missing.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import {
  consents,
  lessonVisits,
  mentorMeetings,
  mentorPairs,
  organisations,
  orgStrengths,
  partnershipMembers,
  partnerships,
  partnershipStatusChanges,
  posts,
  profiles,
  roleGrants,
  staffMemberships,
  threads,
  users,
  type PartnershipMemberRole,
  type PartnershipStatus,
} from "../schema/index.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";
import { PERSONAL_DATA_CONSENT } from "../../app/features/accounts/consent.ts";
import { PUBLIC_PROFILE_CONSENT, type PublicField } from "../../app/features/profiles/fields.ts";
import { renderRichText } from "../../app/features/discussions/rich-text/render.server.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { seedTextToDoc } from "./communities.ts";
import { DEMO_PASSWORD } from "./people.ts";

const DAY = 86_400_000;
const PUBLIC: PublicField[] = ["name", "position", "organisation", "subjects", "canHelp", "needsHelp"];

interface PersonSeed { email: string; name: string; position: string; inn: string; subjects?: string[]; canHelp?: string[]; needsHelp?: string[]; schoolAdmin?: boolean }

/** The people of the demo partnerships (and of the browser journey: Холбонская СОШ and СОШ № 2 г. Шилки). */
export const PARTNERSHIP_PEOPLE: readonly PersonSeed[] = [
  { email: "director.kholbon@most.example", name: "Людмила Гончарова", position: "директор", inn: "7527090108", needsHelp: ["formative-assessment", "leadership"], schoolAdmin: true },
  { email: "teacher.kholbon@most.example", name: "Ирина Сафронова", position: "учитель", inn: "7527090108", subjects: ["math"], needsHelp: ["formative-assessment", "low-achievers"] },
  { email: "teacher2.kholbon@most.example", name: "Алексей Буров", position: "учитель", inn: "7527090108", subjects: ["russian"], needsHelp: ["motivation", "formative-assessment"] },
  { email: "mentor.shilka@most.example", name: "Олег Карпов", position: "учитель", inn: "7527090027", subjects: ["math"], canHelp: ["formative-assessment", "mentoring", "lesson-study"] },
  { email: "curator.chita@most.example", name: "Вера Лаптева", position: "методист", inn: "7536090143", canHelp: ["lesson-study", "mentoring"] },
  { email: "mentor.gym14@most.example", name: "Наталья Широкова", position: "учитель", inn: "7536090143", subjects: ["math"], canHelp: ["formative-assessment", "functional-literacy"] },
  { email: "teacher.co3@most.example", name: "Марина Ефимова", position: "учитель", inn: "7536090030", subjects: ["math"], needsHelp: ["formative-assessment", "low-achievers"] },
  { email: "director.co3@most.example", name: "Геннадий Мальцев", position: "директор", inn: "7536090030", needsHelp: ["internal-quality"], schoolAdmin: true },
  { email: "teacher.zyulzya@most.example", name: "Саяна Жамсоева", position: "учитель", inn: "7529090128", subjects: ["primary"], needsHelp: ["differentiation"] },
];

/** Strengths declared by leading schools and training sites. */
const STRENGTHS: Record<string, string[]> = {
  "7527090027": ["formative-assessment", "mentoring", "rural"],
  "7536090143": ["formative-assessment", "functional-literacy", "lesson-study", "exam-prep"],
  "7536090094": ["exam-prep", "digital"],
  "7529090015": ["differentiation", "families"],
  "7501090022": ["language-barriers", "school-climate"],
  "7524090163": ["rural", "projects"],
  "7529090431": ["inclusive", "psychology"],
  "7531090012": ["internal-quality", "leadership"],
};

interface Step { to: PartnershipStatus; daysAgo: number; by: string; note?: string; reason?: string }
interface VisitSeed { visitor: string; observed: string; daysAgo: number; className: string; subjectCode: string; topic: string; focus: string; strengths: string; recommendations: string; nextSteps: string; replies: Array<{ by: string; text: string }> }
interface PartnershipSeed {
  leader: string;
  partner: string;
  side: "leader" | "partner" | "coordinator";
  steps: Step[];
  agreement?: { number: string; date: string; start: string; end: string };
  goals: string;
  curator?: string;
  members?: Array<[string, PartnershipMemberRole]>;
  pairs?: Array<{ mentor: string; mentee: string; goals: string; meetings: Array<{ daysAgo: number; summary: string; nextSteps: string; progress: number }> }>;
  visits?: VisitSeed[];
}

const CHITA = "coordinator.chita@most.example";

export const PARTNERSHIPS: readonly PartnershipSeed[] = [
  {
    leader: "7536090143",
    partner: "7536090030",
    side: "partner",
    steps: [
      { to: "proposed", daysAgo: 80, by: "director.co3@most.example", note: "предложено школой (школа-партнёр)" },
      { to: "accepted", daysAgo: 76, by: "admin@most.example", note: "приняла школа-лидер" },
      { to: "active", daysAgo: 74, by: CHITA },
    ],
    agreement: { number: "14-П/2026", date: "2026-09-15", start: "2026-09-15", end: "2027-06-30" },
    goals: "Повысить долю обучающихся 5–9 классов, выполняющих ВПР по математике на «4» и «5»; внедрить формирующее оценивание на уроках математики и биологии; наладить взаимопосещение уроков.",
    curator: "curator.chita@most.example",
    members: [
      ["mentor.gym14@most.example", "teacher"],
      ["sokolov@most.example", "teacher"],
      ["curator.chita@most.example", "methodist"],
      ["teacher.co3@most.example", "teacher"],
      ["orlova@most.example", "teacher"],
      ["director.co3@most.example", "responsible"],
    ],
    pairs: [
      {
        mentor: "mentor.gym14@most.example",
        mentee: "teacher.co3@most.example",
        goals: "Освоить приёмы формирующего оценивания: критерии успеха, листы самооценки, «светофор»; построить серию уроков по теме «Дроби» с обратной связью.",
        meetings: [
          { daysAgo: 60, summary: "Разобрали результаты ВПР 6 А класса, выбрали три дефицита: действия с дробями, текстовые задачи, чтение диаграмм.", nextSteps: "Составить критерии успеха к урокам по дробям.", progress: 15 },
          { daysAgo: 35, summary: "Проверили критерии успеха, отработали приём «светофор» на пробном уроке.", nextSteps: "Посетить урок друг друга.", progress: 40 },
          { daysAgo: 9, summary: "Обсудили протокол посещения и листы самооценки учеников.", nextSteps: "Провести самооценку по итогам четверти.", progress: 60 },
        ],
      },
      {
        mentor: "sokolov@most.example",
        mentee: "orlova@most.example",
        goals: "Проектная и исследовательская деятельность на уроках естественно-научного цикла: одна совместная мини-лаборатория в четверть.",
        meetings: [{ daysAgo: 40, summary: "Спланировали мини-лабораторию «Свет и растения» для 6 класса.", nextSteps: "Подготовить оборудование и рабочие листы.", progress: 30 }],
      },
    ],
    visits: [
      {
        visitor: "mentor.gym14@most.example",
        observed: "teacher.co3@most.example",
        daysAgo: 14,
        className: "6 А",
        subjectCode: "math",
        topic: "Сложение дробей с разными знаменателями",
        focus: "Как ученики получают обратную связь по ходу урока",
        strengths: "Понятные критерии успеха на доске; задания разного уровня; дружелюбная атмосфера.",
        recommendations: "Давать ученикам время на самопроверку по критериям; собирать «выходные билеты» в конце урока.",
        nextSteps: "Через две недели — урок с выходными билетами, затем разбор на встрече пары.",
        replies: [
          { by: "teacher.co3@most.example", text: "Спасибо за протокол! С выходными билетами согласна, попробую на следующей неделе в 6 А и 6 Б." },
          { by: "curator.chita@most.example", text: "Хорошая договорённость. Предлагаю на методическом дне показать коллегам обе версии урока." },
        ],
      },
      {
        visitor: "teacher.co3@most.example",
        observed: "mentor.gym14@most.example",
        daysAgo: 25,
        className: "6 В",
        subjectCode: "math",
        topic: "Нахождение дроби от числа",
        focus: "Приём «светофор» и листы самооценки",
        strengths: "Ученики сами отмечают, что поняли; учитель быстро перестраивает объяснение по сигналам.",
        recommendations: "Взять шаблон листа самооценки и адаптировать его для своего класса.",
        nextSteps: "Передать шаблоны через общие файлы; обсудить на следующей встрече.",
        replies: [{ by: "mentor.gym14@most.example", text: "Шаблоны выложу сегодня. Пишите, если что-то не подойдёт для вашего класса." }],
      },
    ],
  },
  {
    leader: "7529090015",
    partner: "7529090128",
    side: "leader",
    steps: [
      { to: "proposed", daysAgo: 70, by: CHITA, note: "предложено координатором" },
      { to: "accepted", daysAgo: 66, by: CHITA, note: "приняли обе школы" },
      { to: "active", daysAgo: 65, by: CHITA },
    ],
    agreement: { number: "3/2026", date: "2026-09-25", start: "2026-10-01", end: "2027-05-31" },
    goals: "Дифференцированное обучение в начальной школе; работа с семьями обучающихся с рисками учебной неуспешности.",
    members: [
      ["martynova@most.example", "teacher"],
      ["teacher.zyulzya@most.example", "teacher"],
    ],
    pairs: [{ mentor: "martynova@most.example", mentee: "teacher.zyulzya@most.example", goals: "Разноуровневые задания на уроках в малокомплектном классе.", meetings: [{ daysAgo: 20, summary: "Онлайн-встреча: разобрали структуру урока в классе-комплекте 2 и 4 классов.", nextSteps: "Подготовить две карточки разного уровня.", progress: 20 }] }],
  },
  {
    leader: "7501090022",
    partner: "7501090150",
    side: "partner",
    steps: [
      { to: "proposed", daysAgo: 12, by: CHITA, note: "предложено координатором" },
      { to: "accepted", daysAgo: 5, by: CHITA, note: "приняли обе школы" },
    ],
    goals: "Преодоление языковых барьеров; воспитательная среда школы.",
  },
  {
    leader: "7524090163",
    partner: "7524090170",
    side: "coordinator",
    steps: [{ to: "proposed", daysAgo: 3, by: CHITA, note: "предложено координатором" }],
    goals: "Проектная деятельность в сельской школе.",
  },
  {
    leader: "7531090012",
    partner: "7531090044",
    side: "partner",
    steps: [
      { to: "proposed", daysAgo: 450, by: CHITA, note: "предложено координатором" },
      { to: "accepted", daysAgo: 445, by: CHITA, note: "приняли обе школы" },
      { to: "active", daysAgo: 440, by: CHITA },
      { to: "completed", daysAgo: 160, by: CHITA },
    ],
    agreement: { number: "7-П/2025", date: "2025-09-10", start: "2025-09-10", end: "2026-06-30" },
    goals: "Внутришкольная система оценки качества; школа вышла из списка ШНОР в 2026/2027 учебном году.",
  },
  {
    leader: "7529090431",
    partner: "7529090142",
    side: "coordinator",
    steps: [
      { to: "proposed", daysAgo: 50, by: CHITA, note: "предложено координатором" },
      { to: "declined", daysAgo: 45, by: CHITA, reason: "Школы договорились работать в сетевом сообществе района вместо парного партнёрства." },
    ],
    goals: "Инклюзивное образование.",
  },
];

async function seedPeople(ex: Executor, now: Date, orgIds: Map<string, string>) {
  const existing = new Set((await ex.select({ email: users.email }).from(users).where(inArray(users.email, PARTNERSHIP_PEOPLE.map((p) => p.email)))).map((u) => u.email));
  const missing = PARTNERSHIP_PEOPLE.filter((p) => !existing.has(p.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of missing) {
    const organisationId = orgIds.get(person.inn)!;
    const [consent] = await ex.insert(consents).values({ document: PERSONAL_DATA_CONSENT.document, version: PERSONAL_DATA_CONSENT.version, givenAt: now }).returning({ id: consents.id });
    const [user] = await ex.insert(users).values({ email: person.email, name: person.name, passwordHash, consentId: consent!.id, emailVerifiedAt: now, createdAt: now }).returning({ id: users.id });
    await ex.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
    await ex.insert(profiles).values({ userId: user!.id, nameSort: russianSortKey(person.name), position: person.position, organisationId, subjects: person.subjects ?? [], canHelp: person.canHelp ?? [], needsHelp: person.needsHelp ?? [], publicFields: PUBLIC, updatedAt: now });
    await ex.insert(consents).values({ userId: user!.id, document: PUBLIC_PROFILE_CONSENT.document, version: PUBLIC_PROFILE_CONSENT.version, givenAt: now, fields: PUBLIC });
    await ex.insert(staffMemberships).values({ userId: user!.id, organisationId, position: person.position, status: "confirmed", requestedAt: now, decidedAt: now });
    if (person.schoolAdmin) await ex.insert(roleGrants).values({ userId: user!.id, role: "school_admin", scopeType: "organisation", scopeId: organisationId, grantedAt: now, reason: "Демонстрационные данные" });
  }
}

async function seedStrengths(ex: Executor, now: Date, orgIds: Map<string, string>) {
  for (const [inn, topics] of Object.entries(STRENGTHS)) {
    const organisationId = orgIds.get(inn);
    if (!organisationId) continue;
    await ex.insert(orgStrengths).values(topics.map((topicCode) => ({ organisationId, topicCode, updatedAt: now }))).onConflictDoNothing();
  }
}

const dayKey = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);

async function seedVisit(ex: Executor, now: Date, partnershipId: string, v: VisitSeed, who: (email: string) => string, index: number) {
  const at = new Date(now.getTime() - v.daysAgo * DAY);
  const title = `Посещение урока: ${v.className}, математика — ${v.topic}`;
  const [visit] = await ex
    .insert(lessonVisits)
    .values({ partnershipId, visitorId: who(v.visitor), observedId: who(v.observed), visitedOn: dayKey(now, v.daysAgo + 1), className: v.className, subjectCode: v.subjectCode, topic: v.topic, focus: v.focus, strengths: v.strengths, recommendations: v.recommendations, nextSteps: v.nextSteps, createdAt: at })
    .returning({ id: lessonVisits.id });
  const opening = `Протокол посещения урока: ${v.className}, тема «${v.topic}».\n\nФокус наблюдения: ${v.focus}\n\nСильные стороны: ${v.strengths}\n\nРекомендации: ${v.recommendations}\n\nДоговорённости: ${v.nextSteps}\n\nПолный протокол: /partnerships/${partnershipId}/visits/${visit!.id}`;
  const bodies = [{ by: v.visitor, text: opening }, ...v.replies];
  const lastAt = new Date(at.getTime() + bodies.length * 3 * 3_600_000);
  const [thread] = await ex.insert(threads).values({ ownerKind: "partnership", ownerId: partnershipId, title, authorId: who(v.visitor), postCount: bodies.length, lastPostSeq: bodies.length, createdAt: at, lastActivityAt: lastAt }).returning({ id: threads.id });
  for (const [i, b] of bodies.entries()) {
    const doc = seedTextToDoc(b.text);
    await ex.insert(posts).values({ threadId: thread!.id, seq: i + 1, authorId: who(b.by), body: doc as unknown as Record<string, unknown>, bodyHtml: renderRichText(doc), clientId: `seed-visit-${partnershipId.slice(0, 8)}-${index}-${i}`, createdAt: new Date(at.getTime() + i * 3 * 3_600_000) });
  }
  await ex.update(lessonVisits).set({ threadId: thread!.id }).where(eq(lessonVisits.id, visit!.id));
}

async function seedOne(ex: Executor, now: Date, p: PartnershipSeed, orgIds: Map<string, string>, who: (email: string) => string) {
  const leaderOrgId = orgIds.get(p.leader)!;
  const partnerOrgId = orgIds.get(p.partner)!;
  const [present] = await ex.select({ id: partnerships.id }).from(partnerships).where(and(eq(partnerships.leaderOrgId, leaderOrgId), eq(partnerships.partnerOrgId, partnerOrgId)));
  if (present) return;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const first = p.steps[0]!;
  const last = p.steps.at(-1)!;
  const acceptedAt = p.steps.find((s) => s.to === "accepted");
  const [row] = await ex
    .insert(partnerships)
    .values({
      leaderOrgId,
      partnerOrgId,
      status: last.to,
      proposedBy: who(first.by),
      proposedSide: p.side,
      leaderAcceptedAt: p.side === "leader" ? at(first.daysAgo) : acceptedAt ? at(acceptedAt.daysAgo) : null,
      partnerAcceptedAt: p.side === "partner" ? at(first.daysAgo) : acceptedAt ? at(acceptedAt.daysAgo) : null,
      agreementNumber: p.agreement?.number ?? null,
      agreementDate: p.agreement?.date ?? null,
      periodStart: p.agreement?.start ?? null,
      periodEnd: p.agreement?.end ?? null,
      goals: p.goals,
      curatorId: p.curator ? who(p.curator) : null,
      reason: last.reason ?? null,
      createdAt: at(first.daysAgo),
      statusChangedAt: at(last.daysAgo),
    })
    .returning({ id: partnerships.id });
  const id = row!.id;
  let from: PartnershipStatus | null = null;
  for (const s of p.steps) {
    await ex.insert(partnershipStatusChanges).values({ partnershipId: id, fromStatus: from, toStatus: s.to, note: s.note ?? null, byUserId: who(s.by), at: at(s.daysAgo), reason: s.reason ?? null });
    from = s.to;
  }
  const memberOrg = async (email: string) => {
    const [m] = await ex.select({ org: staffMemberships.organisationId }).from(staffMemberships).where(and(eq(staffMemberships.userId, who(email)), inArray(staffMemberships.organisationId, [leaderOrgId, partnerOrgId]), eq(staffMemberships.status, "confirmed")));
    return m?.org ?? leaderOrgId;
  };
  for (const [email, role] of p.members ?? []) {
    await ex.insert(partnershipMembers).values({ partnershipId: id, userId: who(email), organisationId: await memberOrg(email), role, addedAt: at(last.daysAgo - 1) });
  }
  // Pairs are listed in the order they were formed: a minute apart, in the order the demo names them.
  for (const [index, pair] of (p.pairs ?? []).entries()) {
    const latest = pair.meetings.reduce((m, x) => (x.daysAgo < m.daysAgo ? x : m), pair.meetings[0]!);
    const [pr] = await ex.insert(mentorPairs).values({ partnershipId: id, mentorId: who(pair.mentor), menteeId: who(pair.mentee), goals: pair.goals, progress: latest?.progress ?? 0, createdAt: new Date(at(last.daysAgo - 2).getTime() + index * 60_000) }).returning({ id: mentorPairs.id });
    for (const m of pair.meetings) {
      await ex.insert(mentorMeetings).values({ pairId: pr!.id, heldOn: dayKey(now, m.daysAgo), summary: m.summary, nextSteps: m.nextSteps, progress: m.progress, loggedBy: who(pair.mentor), loggedAt: at(m.daysAgo) });
    }
  }
  for (const [i, v] of (p.visits ?? []).entries()) await seedVisit(ex, now, id, v, who, i);
}

/** Loads the demo partnerships; returns how many the demo has. */
export async function seedPartnerships(ex: Executor, now: Date): Promise<number> {
  const inns = [...new Set([...PARTNERSHIP_PEOPLE.map((p) => p.inn), ...Object.keys(STRENGTHS), ...PARTNERSHIPS.flatMap((p) => [p.leader, p.partner])])];
  const orgIds = new Map((await ex.select({ id: organisations.id, inn: organisations.inn }).from(organisations).where(inArray(organisations.inn, inns))).map((o) => [o.inn!, o.id]));
  await seedPeople(ex, now, orgIds);
  await seedStrengths(ex, now, orgIds);
  const emails = [...new Set(PARTNERSHIPS.flatMap((p) => [...p.steps.map((s) => s.by), ...(p.curator ? [p.curator] : []), ...(p.members ?? []).map(([e]) => e), ...(p.pairs ?? []).flatMap((x) => [x.mentor, x.mentee]), ...(p.visits ?? []).flatMap((v) => [v.visitor, v.observed, ...v.replies.map((r) => r.by)])]))];
  const ids = new Map((await ex.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => [u.email, u.id]));
  const unknown = emails.filter((e) => !ids.has(e));
  if (unknown.length) throw new Error(`Demo partnerships name unknown people: ${unknown.join(", ")}`);
  const who = (email: string) => ids.get(email)!;
  for (const p of PARTNERSHIPS) await seedOne(ex, now, p, orgIds, who);
  return PARTNERSHIPS.length;
}
