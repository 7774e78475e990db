/**
 * Loads the demo library: published practices with accepting reviews, a few waiting for an
 * expert, one returned and one draft; attachments generated as real DOCX/XLSX files in the file
 * storage; «полезно» votes, views and a few comments. Idempotent: a practice whose title exists
 * is left as it is. Bodies go through the same allowlist and renderer as the commands.
 */
import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { consents, organisations, posts, practiceAttachments, practiceAuthors, practiceReviews, practices, practiceVersions, practiceVotes, profiles, regions, roleGrants, threads, users } from "../schema/index.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";
import { PERSONAL_DATA_CONSENT } from "../../app/features/accounts/consent.ts";
import { renderRichText } from "../../app/features/discussions/rich-text/render.server.ts";
import { filesAt, type FileStorage } from "../../app/features/library/storage.server.ts";
import { ACCEPTED_FILES } from "../../app/features/library/uploads.server.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { loadConfig } from "../../server/config.ts";
import { seedTextToDoc } from "./communities.ts";
import { DEMO_PASSWORD } from "./people.ts";
import { DEMO_EXPERTS, PRACTICE_SEEDS, type PracticeSeed } from "./data/library.ts";
import { demoDocx, demoXlsx } from "./library-files.ts";

const DAY = 86_400_000;
const CHITA_EXPERT = "expert@most.example";
const VOTERS = ["teacher.math@most.example", "teacher.russian@most.example", "teacher.physics@most.example", "teacher.primary@most.example", "shestakova@most.example", "sokolov@most.example", "orlova@most.example", "petrov@most.example"];
const COMMENTS: Array<{ practice: string; posts: Array<{ by: string; text: string }> }> = [
  { practice: "self-assessment-sheets", posts: [{ by: "teacher.russian@most.example", text: "Попробовала листы на уроках русского языка в 5 классе — работает! Только вопросы поменяла на «какое правило понял» и «где ошибся»." }, { by: "teacher.math@most.example", text: "Отлично! Пришлите потом, что получилось через месяц, добавим ваш вариант в шаблон." }] },
  { practice: "parents-club-rural", posts: [{ by: "director.shilka@most.example", text: "Как вы договариваетесь с родителями, работающими вахтой? У нас таких половина." }, { by: "teacher.primary@most.example", text: "Записываем встречу на телефон и выкладываем в чат класса, вопросы собираем там же. Отвечаем в следующую встречу." }] },
  { practice: "krasnodar-school-climate", posts: [{ by: "zhuravleva@most.example", text: "Сколько времени заняло обучение медиаторов и кто его вёл?" }] },
];

function bodyOf(p: PracticeSeed): string {
  return [`## Задача`, p.problem, `## Как это устроено`, p.steps.map((s) => `- ${s}`).join("\n"), `## Результаты`, p.results, `## Что нужно, чтобы повторить`, p.resources].join("\n\n");
}

/** A stable small number from a key (views, votes). */
const hashOf = (key: string) => crypto.createHash("sha256").update(key).digest().readUInt32BE(0);

async function attachmentBytes(p: PracticeSeed): Promise<Uint8Array> {
  if (p.file!.type === "docx") return demoDocx(p.title, [p.summary, ...p.steps.map((s, i) => `${i + 1}. ${s}`), `Результаты: ${p.results}`]);
  return demoXlsx("Данные", ["Показатель", "Начало года", "Конец года"], [["Доля обучающихся с неудовлетворительными результатами, %", 31, 15], ["Доля выполнивших задания на проверяемое умение, %", 42, 61], ["Число учеников в группе сопровождения", 12, 7]]);
}

async function seedExperts(ex: Executor, now: Date) {
  const existing = new Set((await ex.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_EXPERTS.map((e) => e.email)))).map((u) => u.email));
  const missing = DEMO_EXPERTS.filter((e) => !existing.has(e.email));
  if (!missing.length) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const regionIds = new Map((await ex.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]));
  for (const e of missing) {
    const [consent] = await ex.insert(consents).values({ document: PERSONAL_DATA_CONSENT.document, version: PERSONAL_DATA_CONSENT.version, givenAt: now }).returning({ id: consents.id });
    const [user] = await ex.insert(users).values({ email: e.email, name: e.name, passwordHash, consentId: consent!.id, emailVerifiedAt: now, createdAt: now }).returning({ id: users.id });
    await ex.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
    await ex.insert(roleGrants).values({ userId: user!.id, role: "expert", scopeType: "region", scopeId: regionIds.get(e.regionCode) ?? null, grantedAt: now, reason: "Демонстрационные данные" });
  }
}

/** Loads the demo practices; returns how many the demo has. */
export async function seedLibrary(ex: Executor, now: Date, files: FileStorage = filesAt(loadConfig().FILES_DIR)): Promise<number> {
  await seedExperts(ex, now);
  const present = new Set((await ex.select({ title: practiceVersions.title }).from(practiceVersions).where(inArray(practiceVersions.title, PRACTICE_SEEDS.map((p) => p.title)))).map((r) => r.title));
  const todo = PRACTICE_SEEDS.filter((p) => !present.has(p.title));
  if (!todo.length) return PRACTICE_SEEDS.length;
  const emails = [...new Set([...PRACTICE_SEEDS.flatMap((p) => p.by), ...VOTERS, ...COMMENTS.flatMap((c) => c.posts.map((p) => p.by)), CHITA_EXPERT, ...DEMO_EXPERTS.map((e) => e.email)])];
  const people = new Map((await ex.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => [u.email, u.id]));
  const missing = emails.filter((e) => !people.has(e));
  if (missing.length) throw new Error(`Demo practices name unknown people: ${missing.join(", ")}`);
  const places = new Map(
    (await ex.select({ userId: profiles.userId, orgId: organisations.id, regionId: organisations.regionId, code: regions.code }).from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId)).innerJoin(regions, eq(regions.id, organisations.regionId)).where(inArray(profiles.userId, [...people.values()]))).map((r) => [r.userId, r]),
  );
  const expertOf = (code: string) => people.get(code === "75" ? CHITA_EXPERT : (DEMO_EXPERTS.find((e) => e.regionCode === code)?.email ?? CHITA_EXPERT))!;
  for (const p of todo) {
    const creator = people.get(p.by[0]!)!;
    const place = places.get(creator);
    if (!place) throw new Error(`Demo practice author without an organisation: ${p.by[0]}`);
    const doc = seedTextToDoc(bodyOf(p));
    const status = p.status ?? "published";
    const publishedAt = new Date(now.getTime() - p.daysAgo * DAY);
    const createdAt = new Date(publishedAt.getTime() - 14 * DAY);
    const submittedAt = status === "draft" ? null : new Date(createdAt.getTime() + 3 * DAY);
    const h = hashOf(p.key);
    const published = status === "published";
    const [row] = await ex
      .insert(practices)
      .values({
        createdBy: creator,
        organisationId: place.orgId,
        regionId: place.regionId,
        createdAt,
        viewCount: published ? 40 + (h % 400) : 0,
        ...(published ? { title: p.title, titleSort: russianSortKey(p.title), summary: p.summary, kind: p.kind, subjects: p.subjects, gradeBands: p.bands, themes: p.themes, publishedAt, updatedAt: publishedAt } : {}),
      })
      .returning({ id: practices.id });
    const id = row!.id;
    const [version] = await ex
      .insert(practiceVersions)
      .values({ practiceId: id, number: 1, status, kind: p.kind, title: p.title, summary: p.summary, body: doc as unknown as Record<string, unknown>, bodyHtml: renderRichText(doc), subjects: p.subjects, gradeBands: p.bands, themes: p.themes, createdBy: creator, createdAt, updatedAt: submittedAt ?? createdAt, submittedAt, publishedAt: published ? publishedAt : null })
      .returning({ id: practiceVersions.id });
    await ex.update(practices).set({ currentVersionId: version!.id, publishedVersionId: published ? version!.id : null }).where(eq(practices.id, id));
    await ex.insert(practiceAuthors).values(p.by.map((email, position) => ({ practiceId: id, userId: people.get(email)!, position, addedAt: createdAt })));
    if (p.file) {
      const extension = p.file.type;
      const key = `demo/${p.key}.${extension}`;
      const bytes = await attachmentBytes(p);
      await files.put(key, bytes);
      await ex.insert(practiceAttachments).values({ practiceId: id, versionId: version!.id, storageKey: key, originalName: p.file.name, extension, contentType: ACCEPTED_FILES[extension]!.contentType, size: bytes.byteLength, uploadedBy: creator, createdAt });
    }
    if (published || status === "returned") {
      const score = (n: number) => ({ score: 3 + ((h >> n) % 3), comment: "" });
      await ex.insert(practiceReviews).values({
        practiceId: id,
        versionId: version!.id,
        expertId: expertOf(place.code),
        status: published ? "accepted" : "returned",
        scores: { relevance: score(1), results: score(3), reproducibility: score(5), completeness: score(7) },
        comment: published ? "Практика соответствует задачам программы, результаты подтверждены, описание позволяет повторить её в другой школе." : "Добавьте результаты: как изменились оценки или результаты ОГЭ после повторения по карточкам, и приложите пример карточки-схемы.",
        takenAt: new Date(submittedAt!.getTime() + DAY),
        decidedAt: published ? publishedAt : new Date(submittedAt!.getTime() + 2 * DAY),
      });
    }
    if (published) {
      const voters = VOTERS.map((e) => people.get(e)!).filter((u) => !p.by.some((a) => people.get(a) === u)).slice(0, h % 7);
      if (voters.length) await ex.insert(practiceVotes).values(voters.map((userId) => ({ practiceId: id, userId, at: publishedAt })));
      await ex.update(practices).set({ usefulCount: voters.length }).where(eq(practices.id, id));
      const comments = COMMENTS.find((c) => c.practice === p.key);
      if (comments) await seedComments(ex, id, p.title, comments.posts, people, publishedAt);
    }
  }
  return PRACTICE_SEEDS.length;
}

async function seedComments(ex: Executor, practiceId: string, title: string, list: Array<{ by: string; text: string }>, people: Map<string, string>, from: Date) {
  const at = (i: number) => new Date(from.getTime() + (i + 1) * 3 * 3_600_000);
  const [thread] = await ex
    .insert(threads)
    .values({ ownerKind: "practice", ownerId: practiceId, title: `Обсуждение: ${title}`.slice(0, 200), authorId: people.get(list[0]!.by)!, postCount: list.length, lastPostSeq: list.length, createdAt: at(0), lastActivityAt: at(list.length - 1) })
    .returning({ id: threads.id });
  for (const [i, post] of list.entries()) {
    const doc = seedTextToDoc(post.text);
    await ex.insert(posts).values({ threadId: thread!.id, seq: i + 1, authorId: people.get(post.by)!, body: doc as unknown as Record<string, unknown>, bodyHtml: renderRichText(doc), clientId: `seed-practice-${practiceId.slice(0, 8)}-${i}`, createdAt: at(i) });
  }
}
