import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { makeCommunity, makePerson, viewerOfUser } from "../../../tests/factories/communities.ts";
import { makePdf } from "../../../tests/fixtures/search/attachments.ts";
import { queryRows, type DatabaseHandle, type Executor } from "../../../db/client.ts";
import { organisations, partnershipMembers, partnerships, posts, practiceAttachments, practiceAuthors, practices, practiceVersions, profiles, searchCursors, threads } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { GUEST, type Viewer } from "../accounts/viewer.server.ts";
import { plainTextToDoc } from "../discussions/rich-text/plain-text.ts";
import { viewerGrants } from "./grants.server.ts";
import { rebuildSearch, syncSearch, type IndexerDeps } from "./indexer.server.ts";
import { createPostgresProvider } from "./postgres.server.ts";

const at = new Date("2026-11-20T08:00:00Z");

async function writeThread(ex: Executor, input: { ownerKind: string; ownerId: string; authorId: string; title: string; text: string; at?: Date }): Promise<string> {
  return ex.transaction(async (tx) => {
    const when = input.at ?? at;
    const [t] = await tx.insert(threads).values({ ownerKind: input.ownerKind, ownerId: input.ownerId, title: input.title, authorId: input.authorId, createdAt: when, lastActivityAt: when, postCount: 1, lastPostSeq: 1 }).returning();
    await tx.insert(posts).values({ threadId: t!.id, seq: 1, authorId: input.authorId, body: plainTextToDoc(input.text) as unknown as Record<string, unknown>, bodyHtml: "", clientId: crypto.randomUUID(), createdAt: when });
    await appendEvent(tx, { stream: `thread:${t!.id}`, type: "thread.created", payload: {}, at: when });
    return t!.id;
  });
}

describe("search index: sources, grants and the sync job", () => {
  let handle: DatabaseHandle;
  let deps: IndexerDeps;
  const files = new Map<string, Uint8Array>();
  const people = {} as Record<"author" | "member" | "stranger" | "admin" | "partnerTeacher", string>;
  let closedCommunity: string;
  let openCommunity: string;

  const find = async (viewer: Viewer, q: string) => {
    const r = await deps.provider.search(q, await viewerGrants(handle.db, viewer), { perPage: 50 });
    return r.hits.map((h) => h.refId);
  };
  const as = (p: keyof typeof people) => viewerOfUser(handle.db, people[p]);

  beforeAll(async () => {
    handle = await createTestDatabase();
    deps = { db: handle.db, provider: createPostgresProvider(handle.db), files: async (key) => files.get(key) ?? null, now: at };
    people.author = await makePerson(handle.db, { name: "Анна Ёлкина" });
    people.member = await makePerson(handle.db);
    people.stranger = await makePerson(handle.db);
    people.admin = await makePerson(handle.db, { roles: [{ role: "admin" }] });
    people.partnerTeacher = await makePerson(handle.db);
    closedCommunity = (await makeCommunity(handle.db, { visibility: "closed", ownerId: people.author, members: [{ userId: people.member }] })).id;
    openCommunity = (await makeCommunity(handle.db, { visibility: "open", ownerId: people.author })).id;
    await rebuildSearch(deps);
  });
  afterAll(async () => handle.close());

  it("indexes an open community's thread for everybody and a closed one's for its members only", async () => {
    const open = await writeThread(handle.db, { ownerKind: "community", ownerId: openCommunity, authorId: people.author, title: "Формирующее оценивание в пятых классах", text: "Листы самооценки" });
    const closed = await writeThread(handle.db, { ownerKind: "community", ownerId: closedCommunity, authorId: people.author, title: "Бюджетирование школы", text: "Закрытое обсуждение бюджетирования" });
    await syncSearch(deps);
    expect(await find(GUEST, "оцениванию")).toContain(open);
    expect(await find(GUEST, "бюджетирование")).not.toContain(closed);
    expect(await find(await as("stranger"), "бюджетирование")).not.toContain(closed);
    expect(await find(await as("member"), "бюджетирование")).toContain(closed);
    expect(await find(await as("admin"), "бюджетирование")).toContain(closed);
  });

  it("follows a community turning closed through its stream", async () => {
    const thread = await writeThread(handle.db, { ownerKind: "community", ownerId: openCommunity, authorId: people.author, title: "Скоро закроемся: ксилография", text: "текст" });
    await syncSearch(deps);
    expect(await find(GUEST, "ксилография")).toContain(thread);
    await handle.db.transaction(async (tx) => {
      await tx.execute(`update communities set visibility = 'closed' where id = '${openCommunity}'` as never);
      await appendEvent(tx, { stream: `community:${openCommunity}`, type: "community.updated", payload: {}, at });
    });
    await syncSearch(deps);
    expect(await find(GUEST, "ксилография")).not.toContain(thread);
    expect(await find(await as("author"), "ксилография")).toContain(thread);
  });

  it("indexes a partnership workspace thread for its insiders only", async () => {
    const [leader, partner] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, "school")).limit(2);
    const [p] = await handle.db
      .insert(partnerships)
      .values({ leaderOrgId: leader!.id, partnerOrgId: partner!.id, status: "active", proposedSide: "coordinator", createdAt: at, statusChangedAt: at })
      .returning();
    await handle.db.insert(partnershipMembers).values({ partnershipId: p!.id, userId: people.partnerTeacher, organisationId: partner!.id, role: "teacher", addedAt: at });
    const thread = await writeThread(handle.db, { ownerKind: "partnership", ownerId: p!.id, authorId: people.partnerTeacher, title: "График взаимопосещения уроков химии", text: "Протоколы" });
    await syncSearch(deps);
    expect(await find(GUEST, "взаимопосещения химии")).not.toContain(thread);
    expect(await find(await as("stranger"), "взаимопосещения химии")).not.toContain(thread);
    expect(await find(await as("partnerTeacher"), "взаимопосещения химии")).toContain(thread);
  });

  it("finds people by their public fields only, and forgets them when the name goes private or the account is deleted", async () => {
    const id = people.author;
    const save = async (publicFields: string[]) =>
      handle.db.transaction(async (tx) => {
        await tx
          .insert(profiles)
          .values({ userId: id, nameSort: "анна елкина", position: "учитель биологии", bio: "Секретная биография про орнитологию", publicFields, updatedAt: at })
          .onConflictDoUpdate({ target: profiles.userId, set: { publicFields } });
        await appendEvent(tx, { stream: `user:${id}`, type: "profile.updated", payload: {}, at });
      });
    await save(["name", "position"]);
    await syncSearch(deps);
    expect(await find(GUEST, "Елкина")).toContain(id);
    expect(await find(GUEST, "учитель биологии")).toContain(id);
    expect(await find(GUEST, "орнитологию")).toEqual([]);
    expect(await find(await as("admin"), "орнитологию")).toEqual([]);
    await save(["position", "bio"]);
    await syncSearch(deps);
    expect(await find(GUEST, "учитель биологии")).not.toContain(id);
    expect(await find(await as("admin"), "Елкина")).not.toContain(id);
  });

  it("indexes a published practice with its PDF's text for everybody and a draft for its authors only", async () => {
    const makePractice = async (title: string, published: boolean, pdfText: string) => {
      const [p] = await handle.db.insert(practices).values({ createdBy: people.member, createdAt: at, usefulCount: 2 }).returning();
      const [v] = await handle.db
        .insert(practiceVersions)
        .values({ practiceId: p!.id, number: 1, status: published ? "published" : "draft", kind: "practice", title, summary: "Кратко", body: plainTextToDoc("Описание практики") as unknown as Record<string, unknown>, bodyHtml: "", subjects: ["biology"], createdBy: people.member, createdAt: at, updatedAt: at, publishedAt: published ? at : null })
        .returning();
      await handle.db.update(practices).set({ currentVersionId: v!.id, publishedVersionId: published ? v!.id : null, title, publishedAt: published ? at : null }).where(eq(practices.id, p!.id));
      await handle.db.insert(practiceAuthors).values({ practiceId: p!.id, userId: people.member, position: 1, addedAt: at });
      const key = `practices/${crypto.randomUUID()}.pdf`;
      files.set(key, makePdf(pdfText));
      await handle.db.insert(practiceAttachments).values({ practiceId: p!.id, versionId: v!.id, storageKey: key, originalName: "материалы.pdf", extension: "pdf", contentType: "application/pdf", size: 100, uploadedBy: people.member, createdAt: at });
      await handle.db.transaction((tx) => appendEvent(tx, { stream: `practice:${p!.id}`, type: published ? "practice.published" : "practice.created", payload: {}, at }));
      return p!.id;
    };
    const published = await makePractice("Экскурсия в краеведческий музей", true, "Маршрут: палеонтологический зал и гербарий");
    const draft = await makePractice("Черновик про гербарий", false, "Черновые заметки: дендрология");
    await syncSearch(deps);
    expect(await find(GUEST, "палеонтологического")).toEqual([published]);
    expect(await find(GUEST, "дендрологии")).toEqual([]);
    expect(await find(await as("stranger"), "гербарий")).toEqual([published]);
    expect((await find(await as("member"), "гербарий")).sort()).toEqual([published, draft].sort());
  });

  it("never skips a stream whose transaction commits after a later one was indexed, and resumes from stored cursors", async () => {
    const early = new Date("2026-11-01T00:00:00Z");
    const a = await writeThread(handle.db, { ownerKind: "community", ownerId: closedCommunity, authorId: people.author, title: "Первая тема: акварель", text: "текст", at });
    await syncSearch(deps);
    // A thread written with an older business time commits only now: no global position could have covered it.
    const late = await writeThread(handle.db, { ownerKind: "community", ownerId: closedCommunity, authorId: people.author, title: "Поздняя тема: акварель", text: "текст", at: early });
    const restarted: IndexerDeps = { ...deps, provider: createPostgresProvider(handle.db) };
    expect(await syncSearch(restarted)).toBe(1);
    expect((await find(await as("member"), "акварель")).sort()).toEqual([a, late].sort());
    expect(await syncSearch(restarted)).toBe(0);
    const [cursor] = await handle.db.select().from(searchCursors).where(eq(searchCursors.streamKey, `thread:${late}`));
    expect(cursor?.seq).toBe(1);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("indexes a transaction that was open while a sync ran, once it commits (PostgreSQL)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const opened = new Promise<void>((r) => (started = r));
    const writing = handle.db.transaction(async (tx) => {
      const id = await writeThread(tx as unknown as Executor, { ownerKind: "community", ownerId: closedCommunity, authorId: people.author, title: "Долгая транзакция: гуашь", text: "текст" });
      started();
      await gate;
      return id;
    });
    await opened;
    await writeThread(handle.db, { ownerKind: "community", ownerId: closedCommunity, authorId: people.author, title: "Быстрая тема: гуашь", text: "текст" });
    await syncSearch(deps);
    release();
    const slow = await writing;
    expect(await find(await as("member"), "гуашь")).not.toContain(slow);
    await syncSearch(deps);
    expect(await find(await as("member"), "гуашь")).toContain(slow);
  });

  it("indexes every organisation of an import that wrote more than a batch with one timestamp, and stops", async () => {
    const [region] = await handle.db.select({ id: organisations.regionId }).from(organisations).limit(1);
    const stamp = crypto.randomUUID().slice(0, 8);
    // One transaction, one `now()`: 1 200 rows share their updated_at to the microsecond.
    await handle.db.transaction(async (tx) => {
      const rows = Array.from({ length: 1200 }, (_, i) => {
        const name = `МБОУ СОШ Импортная ${stamp} № ${i + 1}`;
        return { kind: "school" as const, name, shortName: name, nameSort: name.toLowerCase(), regionId: region!.id };
      });
      await tx.insert(organisations).values(rows);
    });
    await syncSearch(deps);
    const [indexed] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from search_documents where kind = 'organisation' and title like ${`%Импортная ${stamp}%`}`);
    expect(Number(indexed!.n)).toBe(1200);
    expect(await find(GUEST, `Импортная ${stamp} № 1200`)).toHaveLength(1);
    expect(await syncSearch(deps)).toBe(0);
  });

  it("rebuilds everything with progress and keeps the cursors", async () => {
    const seen: string[] = [];
    const counts = await rebuildSearch(deps, (p) => seen.push(`${p.kind}:${p.done}/${p.total}`));
    expect(counts.thread).toBeGreaterThan(0);
    expect(counts.organisation).toBeGreaterThan(0);
    expect(seen.some((s) => s.startsWith("organisation:"))).toBe(true);
    expect(await syncSearch(deps)).toBe(0);
    expect(await find(GUEST, "палеонтологического")).toHaveLength(1);
  });
});
