import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeOrganisation } from "../../../tests/factories/directory.ts";
import { fakeExe, makePerson, makeStaff, practiceInput, tinyDocx, tinyPdf, viewerOfUser } from "../../../tests/factories/library.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { notifications, practiceAttachments, practiceReviews, practices, practiceVersions, regions } from "../../../db/schema/index.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { createPractice, removeAttachment, savePractice, submitPractice, uploadAttachment } from "./commands.server.ts";
import { decideReview, takeReview } from "./review.server.ts";
import { commentOnPractice, recordView, setBookmark, setUseful } from "./reader.server.ts";
import { practiceDiscussionOwner } from "./discussion-owner.server.ts";
import { canReadPractice } from "./policy.server.ts";
import { expertContextOf, listLibrary, loadPractice, practicesOfAuthor, practicesOfOrganisation, relatedPractices, reviewCandidates } from "./queries.server.ts";
import { memoryFileStorage } from "./storage.server.ts";
import type { ReviewDecision } from "./schemas.ts";
import { LIBRARY_ERRORS } from "./strings.ts";

const FULL: ReviewDecision["criteria"] = { relevance: { score: 5, comment: "" }, results: { score: 4, comment: "Есть динамика ВПР" }, reproducibility: { score: 4, comment: "" }, completeness: { score: 3, comment: "" } };

describe("library workflow", () => {
  let handle: DatabaseHandle & { url?: string };
  let services: TestServices;
  const files = memoryFileStorage();
  let s: TestServices & { files: typeof files };
  let chita: string;
  let school: { id: string };
  let otherSchool: { id: string };
  const people = {} as Record<"author" | "coauthor" | "expert" | "expertOwn" | "expertTula" | "reader" | "admin", string>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    services = await createTestServices(handle, { runJobs: false });
    s = Object.assign(services, { files });
    chita = (await handle.db.select().from(regions).where(eq(regions.code, "75")))[0]!.id;
    const tula = (await handle.db.select().from(regions).where(eq(regions.code, "71")))[0]!.id;
    school = await makeOrganisation(handle.db, chita);
    otherSchool = await makeOrganisation(handle.db, chita);
    people.author = await makeStaff(handle.db, school.id);
    people.coauthor = await makeStaff(handle.db, school.id);
    people.expert = await makeStaff(handle.db, otherSchool.id, { roles: [{ role: "expert", scopeType: "region", scopeId: chita }] });
    people.expertOwn = await makeStaff(handle.db, school.id, { roles: [{ role: "expert", scopeType: "region", scopeId: chita }] });
    people.expertTula = await makePerson(handle.db, { roles: [{ role: "expert", scopeType: "region", scopeId: tula }] });
    people.reader = await makePerson(handle.db);
    people.admin = await makePerson(handle.db, { roles: [{ role: "admin" }] });
  });
  afterAll(async () => {
    await services.stop();
    await handle.close();
  });

  const as = (p: keyof typeof people) => viewerOfUser(handle.db, people[p]);
  const draft = async (over = {}) => {
    const created = await createPractice(s, await as("author"), practiceInput({ organisationId: school.id, coauthors: [people.coauthor], ...over }));
    if (!created.ok) throw new Error(created.error);
    return created.id;
  };
  const readable = async (p: keyof typeof people | "guest", id: string) => {
    const viewer = p === "guest" ? GUEST : await as(p);
    const loaded = (await loadPractice(handle.db, id))!;
    return canReadPractice(viewer, loaded.access, await expertContextOf(handle.db, viewer.id));
  };

  it("draft → submitted → returned with comments → resubmitted → accepted and published; authors notified of each decision", async () => {
    const id = await draft();
    expect(await readable("guest", id)).toBe(false);
    expect(await readable("coauthor", id)).toBe(true);
    expect(await readable("expert", id)).toBe(false);
    expect((await submitPractice(s, await as("author"), id)).ok).toBe(true);
    expect(await readable("expert", id)).toBe(true);
    expect(await readable("expertOwn", id)).toBe(false);

    // Nobody edits while it waits; the own-school expert cannot take it; the foreign region's neither.
    expect(await savePractice(s, await as("author"), id, practiceInput({ organisationId: school.id }))).toMatchObject({ ok: false, status: 409 });
    expect(await takeReview(s, await as("expertOwn"), id)).toEqual({ ok: false, status: 403, error: LIBRARY_ERRORS.ownOrganisation });
    expect(await takeReview(s, await as("expertTula"), id)).toEqual({ ok: false, status: 403, error: LIBRARY_ERRORS.notExpert });
    expect((await takeReview(s, await as("expert"), id)).ok).toBe(true);
    expect(await takeReview(s, await as("admin"), id)).toMatchObject({ ok: false, status: 409 });

    // Returning needs a comment; then the version is back with the authors.
    expect(await decideReview(s, await as("expert"), id, { decision: "return", comment: "", criteria: {} })).toMatchObject({ ok: false, field: "comment" });
    expect(await decideReview(s, await as("admin"), id, { decision: "return", comment: "Добавьте результаты ВПР.", criteria: {} })).toMatchObject({ ok: false, status: 403 });
    expect((await decideReview(s, await as("expert"), id, { decision: "return", comment: "Добавьте результаты ВПР за два года и образец листа.", criteria: { relevance: { score: 4, comment: "" } } })).ok).toBe(true);
    let loaded = (await loadPractice(handle.db, id))!;
    expect(loaded.current.status).toBe("returned");
    expect(await readable("expert", id)).toBe(false);
    const returnedNote = await handle.db.select().from(notifications).where(and(eq(notifications.userId, people.coauthor), eq(notifications.kind, "library_review")));
    expect(returnedNote.map((n) => n.payload.text)).toContain(`Практика «${loaded.current.title}» возвращена на доработку`);

    // The author fixes and resubmits; acceptance needs every score.
    expect((await savePractice(s, await as("author"), id, practiceInput({ organisationId: school.id, coauthors: [people.coauthor], title: "Лист самооценки: версия с результатами ВПР" }))).ok).toBe(true);
    expect((await submitPractice(s, await as("author"), id)).ok).toBe(true);
    expect((await takeReview(s, await as("expert"), id)).ok).toBe(true);
    expect(await decideReview(s, await as("expert"), id, { decision: "accept", comment: "", criteria: { relevance: { score: 5, comment: "" } } })).toMatchObject({ ok: false, error: LIBRARY_ERRORS.scoresRequired });
    expect(await decideReview(s, await as("expert"), id, { decision: "accept", comment: "Хорошая практика.", criteria: FULL })).toEqual({ ok: true, published: true });

    loaded = (await loadPractice(handle.db, id))!;
    expect(loaded.practice.publishedVersionId).toBe(loaded.current.id);
    expect(loaded.practice.title).toBe("Лист самооценки: версия с результатами ВПР");
    expect(await readable("guest", id)).toBe(true);
    const reviews = await handle.db.select().from(practiceReviews).where(eq(practiceReviews.practiceId, id));
    expect(reviews.map((r) => r.status).sort()).toEqual(["accepted", "returned"]);
    expect(reviews.find((r) => r.status === "accepted")!.scores).toEqual(FULL);
    const notes = await handle.db.select().from(notifications).where(and(eq(notifications.userId, people.author), eq(notifications.kind, "library_review")));
    expect(notes).toHaveLength(4); // taken, returned, taken, accepted
    expect((await listLibrary(handle.db, { sort: "new", page: 1, theme: "formative-assessment" })).items.map((p) => p.id)).toContain(id);
    expect((await practicesOfOrganisation(handle.db, school.id)).map((p) => p.id)).toEqual([id]);
    expect((await practicesOfAuthor(handle.db, people.coauthor)).map((p) => p.id)).toEqual([id]);
  });

  it("editing a published practice makes a new version; readers keep the published one until it is accepted", async () => {
    const id = await draft({ title: "Родительский клуб в сельской школе" });
    await submitPractice(s, await as("author"), id);
    await takeReview(s, await as("expert"), id);
    await decideReview(s, await as("expert"), id, { decision: "accept", comment: "", criteria: FULL });
    const first = (await loadPractice(handle.db, id))!;
    const saved = await savePractice(s, await as("coauthor"), id, practiceInput({ organisationId: school.id, title: "Родительский клуб: второй год работы" }));
    expect(saved).toEqual({ ok: true, newVersion: true });
    const second = (await loadPractice(handle.db, id))!;
    expect(second.current.number).toBe(2);
    expect(second.current.status).toBe("draft");
    expect(second.practice.publishedVersionId).toBe(first.current.id);
    expect(second.practice.title).toBe("Родительский клуб в сельской школе");
    // The organisation of a published practice stays.
    expect(await savePractice(s, await as("author"), id, practiceInput({ organisationId: undefined }))).toMatchObject({ ok: false, field: "organisationId" });
    await submitPractice(s, await as("author"), id);
    await takeReview(s, await as("expert"), id);
    await decideReview(s, await as("expert"), id, { decision: "accept", comment: "", criteria: FULL });
    const third = (await loadPractice(handle.db, id))!;
    expect(third.practice.title).toBe("Родительский клуб: второй год работы");
    const versions = await handle.db.select({ number: practiceVersions.number, status: practiceVersions.status }).from(practiceVersions).where(eq(practiceVersions.practiceId, id));
    expect(versions.sort((a, b) => a.number - b.number)).toEqual([{ number: 1, status: "superseded" }, { number: 2, status: "published" }]);
  });

  it("refuses a renamed executable, an oversized file and a path-traversal name; nothing is written for them", async () => {
    const id = await draft();
    const author = await as("author");
    const before = files.keys().length;
    const exe = await uploadAttachment(s, author, id, { name: "konspekt.pdf", bytes: fakeExe() });
    expect(exe).toMatchObject({ ok: false, status: 400, error: "Содержимое файла не соответствует расширению .pdf: файл не принят. Сохраните документ заново в этом формате." });
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    big.set(tinyPdf());
    expect(await uploadAttachment(s, author, id, { name: "большой.pdf", bytes: big })).toMatchObject({ ok: false, status: 413, error: expect.stringContaining("больше 25 МБ") });
    for (const name of ["../../etc/passwd.pdf", "..\\..\\win.ini.pdf", "a/b.pdf", ".hidden.pdf", "evil\u0000.pdf"]) {
      expect(await uploadAttachment(s, author, id, { name, bytes: tinyPdf() })).toMatchObject({ ok: false, status: 400, error: expect.stringContaining("Недопустимое имя файла") });
    }
    expect(await uploadAttachment(s, author, id, { name: "setup.exe", bytes: fakeExe() })).toMatchObject({ ok: false, error: expect.stringContaining("Такие файлы не принимаются") });
    expect(files.keys().length).toBe(before);
    expect(await handle.db.select().from(practiceAttachments).where(eq(practiceAttachments.practiceId, id))).toEqual([]);

    const docx = await uploadAttachment(s, author, id, { name: "Конспект урока «Дроби».docx", bytes: await tinyDocx() });
    expect(docx.ok).toBe(true);
    const [row] = await handle.db.select().from(practiceAttachments).where(eq(practiceAttachments.practiceId, id));
    expect(row!.storageKey).toMatch(/^practices\/[0-9a-f-]{36}\.docx$/);
    expect(row!.originalName).toBe("Конспект урока «Дроби».docx");
    expect(await files.get(row!.storageKey)).not.toBeNull();
    expect(await uploadAttachment(s, await as("reader"), id, { name: "x.pdf", bytes: tinyPdf() })).toMatchObject({ ok: false, status: 404 });
    expect((await removeAttachment(s, author, id, row!.id)).ok).toBe(true);
    expect(await files.get(row!.storageKey)).toBeNull();
  });

  it("a new version shares its files with the published one; removing it there keeps the published file", async () => {
    const id = await draft();
    const author = await as("author");
    await uploadAttachment(s, author, id, { name: "материалы.pdf", bytes: tinyPdf() });
    await submitPractice(s, author, id);
    await takeReview(s, await as("expert"), id);
    await decideReview(s, await as("expert"), id, { decision: "accept", comment: "", criteria: FULL });
    const published = (await loadPractice(handle.db, id))!;
    const [file] = await handle.db.select().from(practiceAttachments).where(eq(practiceAttachments.versionId, published.current.id));
    // Removing the file while the practice is published starts a new version without it.
    expect((await removeAttachment(s, author, id, file!.id)).ok).toBe(true);
    const next = (await loadPractice(handle.db, id))!;
    expect(next.current.number).toBe(2);
    expect(await handle.db.select().from(practiceAttachments).where(eq(practiceAttachments.versionId, next.current.id))).toEqual([]);
    expect(await files.get(file!.storageKey)).not.toBeNull();
  });

  it("submission needs an organisation; co-authors come from its staff; organisations are the author's own", async () => {
    const author = await as("author");
    const noOrg = await createPractice(s, author, practiceInput());
    expect(noOrg.ok).toBe(true);
    expect(await submitPractice(s, author, (noOrg as { id: string }).id)).toMatchObject({ ok: false, field: "organisationId" });
    expect(await createPractice(s, author, practiceInput({ organisationId: otherSchool.id }))).toMatchObject({ ok: false, field: "organisationId" });
    expect(await createPractice(s, author, practiceInput({ organisationId: school.id, coauthors: [people.reader] }))).toMatchObject({ ok: false, field: "coauthors" });
    expect(await createPractice(s, author, practiceInput({ bodyText: "" }))).toMatchObject({ ok: false, field: "body" });
  });

  it("readers: bookmarks, «полезно» once (not the authors), comments on published practices only, the review queue by region", async () => {
    const id = await draft({ title: "Кейс: школьная служба примирения", themes: ["school-climate"] });
    expect(await setBookmark(s, await as("reader"), id, true)).toMatchObject({ ok: false, status: 404 });
    expect(await commentOnPractice(s, await as("reader"), id, { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Спасибо" }] }] }, clientId: "lib-test-0001" })).toMatchObject({ ok: false, status: 404 });
    await submitPractice(s, await as("author"), id);
    const queue = await reviewCandidates(handle.db, [chita]);
    expect(queue.map((q) => q.id)).toContain(id);
    await takeReview(s, await as("expert"), id);
    await decideReview(s, await as("expert"), id, { decision: "accept", comment: "", criteria: FULL });

    expect((await setUseful(s, await as("reader"), id, true)).ok).toBe(true);
    expect((await setUseful(s, await as("reader"), id, true)).ok).toBe(true);
    expect(await setUseful(s, await as("author"), id, true)).toMatchObject({ ok: false, error: LIBRARY_ERRORS.ownVote });
    expect((await handle.db.select().from(practices).where(eq(practices.id, id)))[0]!.usefulCount).toBe(1);
    expect((await setBookmark(s, await as("reader"), id, true)).ok).toBe(true);
    const access = (await loadPractice(handle.db, id))!.access;
    for (let i = 0; i < 3; i++) await recordView(s, await as("reader"), access, "10.0.0.1");
    await recordView(s, GUEST, access, "10.0.0.2");
    await recordView(s, await as("author"), access, "10.0.0.3");
    expect((await handle.db.select().from(practices).where(eq(practices.id, id)))[0]!.viewCount).toBe(2);

    const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    const first = await commentOnPractice(s, await as("reader"), id, { body: doc("Спасибо, попробуем в 7 классе."), clientId: "lib-test-0002" });
    const second = await commentOnPractice(s, await as("coauthor"), id, { body: doc("Пишите, поможем с регламентом."), clientId: "lib-test-0003" });
    expect(first.ok && second.ok && first.threadId === second.threadId).toBe(true);
    expect(await practiceDiscussionOwner.canRead(handle.db, GUEST, id)).toBe(true);
    expect(await practiceDiscussionOwner.canPost(handle.db, GUEST, id)).toBe(false);
    expect(await practiceDiscussionOwner.describe(handle.db, id)).toEqual({ title: "Кейс: школьная служба примирения", href: `/library/${id}` });
    const related = await relatedPractices(handle.db, { id, themes: ["school-climate"], subjects: ["math"] });
    expect(related.map((r) => r.id)).not.toContain(id);
  });
});
