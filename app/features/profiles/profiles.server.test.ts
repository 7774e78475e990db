import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeMunicipality, makeOrganisation, makeRegion } from "../../../tests/factories/directory.ts";
import { makePerson, viewerOfUser } from "../../../tests/factories/people.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { authEvents, consents, posts, profilePhotos, profiles, sessions, threads, users } from "../../../db/schema/index.ts";
import { renderRichText } from "../discussions/rich-text/render.server.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { createSession } from "../accounts/sessions.server.ts";
import { signIn } from "../accounts/commands.server.ts";
import { deleteAccount, saveProfile, savePhoto } from "./commands.server.ts";
import { collectPersonalData, renderPersonalDataHtml } from "./export.server.ts";
import { saveNotificationSettings } from "../notifications/settings.server.ts";
import { loadPeople } from "./people.server.ts";
import { getPhoto, getProfileView, listPeople, PEOPLE_PAGE_SIZE, personTimeZone } from "./queries.server.ts";
import { ProfileForm, PeopleQuery, type ProfileInput } from "./schemas.ts";
import sharp from "sharp";

const PASSWORD = "Байкал-омуль-2026";
const card = (over: Partial<ProfileInput> = {}): ProfileInput =>
  ProfileForm.parse({ name: "Ольга Морозова", position: "учитель", subjects: ["math"], grades: ["5", "6"], experienceYears: "12", canHelp: ["formative-assessment"], needsHelp: ["inclusive"], bio: "Учитель математики.", publicFields: [], ...over });

describe("profiles", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let org: { id: string };
  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle);
    const region = await makeRegion(handle.db, { timeZone: "Asia/Chita" });
    org = await makeOrganisation(handle.db, region.id);
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("a guest and a signed-in stranger see exactly the public fields; the owner and admin see all", async () => {
    const id = await makePerson(handle.db);
    const me = await viewerOfUser(handle.db, id);
    expect(await saveProfile(s, me, card({ organisationId: org.id, publicFields: ["name", "canHelp"] }))).toEqual({ ok: true });
    const stranger = await viewerOfUser(handle.db, await makePerson(handle.db));
    const admin = await viewerOfUser(handle.db, await makePerson(handle.db, { roles: [{ role: "admin" }] }));
    for (const viewer of [GUEST, stranger]) {
      const view = await getProfileView(handle.db, viewer, id);
      expect(view).toEqual({ id, shown: ["name", "canHelp"], publicFields: ["name", "canHelp"], whole: false, name: "Ольга Морозова", canHelp: ["formative-assessment"] });
    }
    for (const viewer of [me, admin]) {
      const view = await getProfileView(handle.db, viewer, id);
      expect(view).toMatchObject({ whole: true, position: "учитель", bio: "Учитель математики.", needsHelp: ["inclusive"], experienceYears: 12, grades: [5, 6] });
      expect(view?.organisation?.id).toBe(org.id);
    }
    const people = await loadPeople(handle.db, GUEST, [id]);
    expect(people.get(id)).toMatchObject({ name: "Ольга Морозова", position: null, organisation: null, href: `/people/${id}` });
  });

  it("a private card is not found by others, and hides the name next to content", async () => {
    const id = await makePerson(handle.db, { name: "Скрытый Педагог" });
    await saveProfile(s, await viewerOfUser(handle.db, id), card({ name: "Скрытый Педагог", publicFields: [] }));
    expect(await getProfileView(handle.db, GUEST, id)).toBeNull();
    expect((await loadPeople(handle.db, GUEST, [id])).get(id)).toMatchObject({ name: "Участник «Моста»", href: null, deleted: false });
  });

  it("records each change of the public fields as a consent, withdrawing the previous one", async () => {
    const id = await makePerson(handle.db);
    const me = await viewerOfUser(handle.db, id);
    await saveProfile(s, me, card({ publicFields: ["canHelp", "name"] }));
    await saveProfile(s, me, card({ publicFields: ["name", "canHelp"], bio: "Другой текст" }));
    await s.clock.advance(1000);
    await saveProfile(s, me, card({ publicFields: ["name"] }));
    await saveProfile(s, me, card({ publicFields: [] }));
    const rows = await handle.db.select().from(consents).where(eq(consents.userId, id)).orderBy(consents.givenAt);
    const pub = rows.filter((r) => r.document === "public_profile");
    expect(pub.map((r) => r.fields)).toEqual([["name", "canHelp"], ["name"]]);
    expect(pub.every((r) => r.withdrawnAt !== null)).toBe(true);
  });

  it("the directory filters only on public values and sorts in Russian order", async () => {
    const names = ["Яков Юдин", "Ёлкина Вера", "Елизавета Ершова", "Жанна Жукова", "анна аксёнова"];
    for (const name of names) {
      const id = await makePerson(handle.db, { name });
      await saveProfile(s, await viewerOfUser(handle.db, id), card({ name, canHelp: ["school-climate"], publicFields: ["name", "canHelp"] }));
    }
    const hidden = await makePerson(handle.db, { name: "Арина Скрытова" });
    await saveProfile(s, await viewerOfUser(handle.db, hidden), card({ name: "Арина Скрытова", canHelp: ["school-climate"], publicFields: ["name"] }));
    const found = await listPeople(handle.db, PeopleQuery.parse({ canHelp: "school-climate" }));
    expect(found.rows.map((r) => r.name)).toEqual(["анна аксёнова", "Елизавета Ершова", "Ёлкина Вера", "Жанна Жукова", "Яков Юдин"]);
    expect(found.total).toBe(5);
    expect((await listPeople(handle.db, PeopleQuery.parse({ q: "елкина" }))).rows.map((r) => r.name)).toEqual(["Ёлкина Вера"]);
    // The hidden person's organisation is private: an organisation filter must not reveal it.
    expect((await listPeople(handle.db, PeopleQuery.parse({ organisation: org.id }))).rows.map((r) => r.name)).not.toContain("Ольга Морозова");
  });

  it("filters the directory by region, municipality, subject and position, and pages it", async () => {
    const region = await makeRegion(handle.db, { name: "Регион фильтров" });
    const north = await makeMunicipality(handle.db, region.id, { name: "Северный район" });
    const south = await makeMunicipality(handle.db, region.id, { name: "Южный район" });
    const northSchool = await makeOrganisation(handle.db, region.id, { municipalityId: north.id });
    const southSchool = await makeOrganisation(handle.db, region.id, { municipalityId: south.id });
    const person = async (name: string, over: Partial<ProfileInput>) => {
      const id = await makePerson(handle.db, { name });
      await saveProfile(s, await viewerOfUser(handle.db, id), card({ name, ...over }));
    };
    const open = ["name", "organisation", "subjects", "position"] as ProfileInput["publicFields"];
    await person("Артём Северов", { organisationId: northSchool.id, subjects: ["math"], position: "учитель", publicFields: open });
    await person("Борис Южин", { organisationId: southSchool.id, subjects: ["physics"], position: "методист", publicFields: open });
    // Same school and subject, but the organisation and the subjects are private: never found by them.
    await person("Вера Закрытова", { organisationId: northSchool.id, subjects: ["math"], position: "учитель", publicFields: ["name"] });
    const names = async (q: Record<string, string>) => (await listPeople(handle.db, PeopleQuery.parse(q))).rows.map((r) => r.name);

    expect(await names({ region: region.id })).toEqual(["Артём Северов", "Борис Южин"]);
    expect(await names({ municipality: north.id })).toEqual(["Артём Северов"]);
    expect(await names({ municipality: south.id })).toEqual(["Борис Южин"]);
    expect(await names({ region: region.id, subject: "math" })).toEqual(["Артём Северов"]);
    expect(await names({ region: region.id, subject: "physics" })).toEqual(["Борис Южин"]);
    expect(await names({ region: region.id, position: "методист" })).toEqual(["Борис Южин"]);
    expect(await names({ region: region.id, position: "учитель", subject: "math" })).toEqual(["Артём Северов"]);
    expect(await names({ region: region.id, position: "директор" })).toEqual([]);

    // Pagination: 24 a page, in Russian order, the total over all pages.
    const paged = await makeOrganisation(handle.db, region.id, { municipalityId: south.id });
    for (let i = 0; i < PEOPLE_PAGE_SIZE + 2; i++) await person(`Педагог Страничный ${String(i).padStart(2, "0")}`, { organisationId: paged.id, publicFields: ["name", "organisation"] });
    const first = await listPeople(handle.db, PeopleQuery.parse({ organisation: paged.id }));
    const second = await listPeople(handle.db, PeopleQuery.parse({ organisation: paged.id, page: "2" }));
    expect([first.total, first.rows.length, second.total, second.rows.length]).toEqual([PEOPLE_PAGE_SIZE + 2, PEOPLE_PAGE_SIZE, PEOPLE_PAGE_SIZE + 2, 2]);
    expect(second.rows.map((r) => r.name)).toEqual([`Педагог Страничный ${PEOPLE_PAGE_SIZE}`, `Педагог Страничный ${PEOPLE_PAGE_SIZE + 1}`]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(PEOPLE_PAGE_SIZE + 2);
  });

  it("uses the organisation's region zone unless the person chose one", async () => {
    const id = await makePerson(handle.db);
    const me = await viewerOfUser(handle.db, id);
    await saveProfile(s, me, card({ organisationId: org.id }));
    expect(await personTimeZone(handle.db, id)).toBe("Asia/Chita");
    await saveProfile(s, me, card({ organisationId: org.id, timeZone: "Asia/Irkutsk" }));
    expect(await personTimeZone(handle.db, id)).toBe("Asia/Irkutsk");
  });

  it("serves a photo only to those who may see it", async () => {
    const id = await makePerson(handle.db);
    const me = await viewerOfUser(handle.db, id);
    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#336699" } }).png().toBuffer();
    expect(await savePhoto(s, me, new Uint8Array(png))).toEqual({ ok: true });
    const [photo] = await handle.db.select().from(profilePhotos).where(eq(profilePhotos.userId, id));
    expect(await getPhoto(handle.db, me, id, photo!.version)).not.toBeNull();
    expect(await getPhoto(handle.db, GUEST, id, photo!.version)).toBeNull();
    await saveProfile(s, me, card({ publicFields: ["name", "photo"] }));
    expect(await getPhoto(handle.db, GUEST, id, photo!.version)).not.toBeNull();
    expect(await getPhoto(handle.db, GUEST, id, "old-version")).toBeNull();
  });

  it("exports everything stored, consents included, as JSON and a readable HTML page", async () => {
    const id = await makePerson(handle.db, { name: "Вера <b>Экспортова</b>" });
    const me = await viewerOfUser(handle.db, id);
    await saveProfile(s, me, card({ name: "Вера <b>Экспортова</b>", organisationId: org.id, publicFields: ["name", "bio"] }));
    await saveNotificationSettings(s, id, { reply: "digest" });
    const data = await collectPersonalData(handle.db, id);
    expect(data?.notificationSettings).toMatchObject([{ kind: "reply", channel: "digest" }]);
    expect(data?.consents.map((c) => c.document)).toEqual(["personal_data_processing", "public_profile"]);
    expect(data?.profile).toMatchObject({ position: "учитель", canHelp: ["formative-assessment"], publicFields: ["name", "bio"] });
    const html = renderPersonalDataHtml(data!, "Asia/Chita", s.clock.now());
    expect(html).toContain("Согласие на распространение персональных данных");
    expect(html).toContain("Вера &lt;b&gt;Экспортова&lt;/b&gt;");
    expect(html).not.toContain("<b>Экспортова");
    expect(html).toMatch(/МСК\+6/);
    expect(html).toContain("<td>Ответы в моих обсуждениях и цитаты моих сообщений</td><td>В ежедневной сводке</td>");
  });

  it("deletes an account: personal data erased at once, consents kept withdrawn, sessions ended, no sign-in", async () => {
    const email = "delete.me@school.example";
    const id = await makePerson(handle.db, { name: "Удаляемая Учительница", email, password: PASSWORD });
    const me = await viewerOfUser(handle.db, id);
    await saveProfile(s, me, card({ name: "Удаляемая Учительница", publicFields: ["name", "bio"] }));
    await createSession(handle.db, id, "Chrome", s.clock.now());
    const meta = { ip: "10.0.0.9", device: "Firefox", origin: "http://localhost" };
    expect((await signIn(s, { email, password: PASSWORD }, meta)).ok).toBe(true);
    expect(await deleteAccount(s, me, "неверный-пароль")).toMatchObject({ ok: false, field: "password" });
    expect(await deleteAccount(s, me, PASSWORD)).toEqual({ ok: true });
    const [user] = await handle.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ status: "deleted", name: "", passwordHash: "" });
    expect(user!.email).not.toContain("delete.me");
    expect(await handle.db.select().from(profiles).where(eq(profiles.userId, id))).toEqual([]);
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect((await handle.db.select().from(authEvents).where(eq(authEvents.userId, id))).map((e) => e.kind)).toEqual(["account_deleted"]);
    const kept = await handle.db.select().from(consents).where(eq(consents.userId, id));
    expect(kept.map((c) => c.document).sort()).toEqual(["personal_data_processing", "public_profile"]);
    expect(kept.every((c) => c.withdrawnAt)).toBe(true);
    expect((await loadPeople(handle.db, GUEST, [id])).get(id)).toMatchObject({ name: "Удалённый пользователь", deleted: true, href: null });
    expect(await getProfileView(handle.db, me, id)).toBeNull();
    expect((await signIn(s, { email, password: PASSWORD }, meta)).ok).toBe(false);
  });

  it("keeps what a deleted person wrote, exports it first, and replaces their name in others' mentions", async () => {
    const id = await makePerson(handle.db, { name: "Автор Упоминаемый", password: PASSWORD });
    const other = await makePerson(handle.db);
    const now = s.clock.now();
    const [thread] = await handle.db.insert(threads).values({ ownerKind: "test", ownerId: id, title: "Формирующее оценивание", authorId: id, createdAt: now, lastActivityAt: now }).returning();
    const own: RichDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Делюсь листом самооценки." }] }] };
    const mention: RichDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id, label: "Автор Упоминаемый" } }, { type: "text", text: " спасибо!" }] }] };
    await handle.db.insert(posts).values([
      { threadId: thread!.id, seq: 1, authorId: id, body: own as never, bodyHtml: renderRichText(own), clientId: "c1", createdAt: now },
      { threadId: thread!.id, seq: 2, authorId: other, body: mention as never, bodyHtml: renderRichText(mention), clientId: "c2", createdAt: now },
    ]);
    const exported = await collectPersonalData(handle.db, id);
    expect(exported?.posts).toMatchObject([{ thread: "Формирующее оценивание", opening: true, text: "Делюсь листом самооценки." }]);
    expect(await deleteAccount(s, await viewerOfUser(handle.db, id), PASSWORD)).toEqual({ ok: true });
    const rows = await handle.db.select().from(posts).where(eq(posts.threadId, thread!.id)).orderBy(posts.seq);
    expect(rows.map((r) => r.authorId)).toEqual([id, other]);
    expect(rows[0]!.bodyHtml).toContain("Делюсь листом самооценки.");
    expect(rows[1]!.bodyHtml).toContain("@Удалённый пользователь");
    expect(JSON.stringify(rows.map((r) => [r.body, r.bodyHtml]))).not.toContain("Упоминаемый");
  });
});
