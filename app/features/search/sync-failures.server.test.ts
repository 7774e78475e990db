/**
 * The sync never stalls: a document that cannot be indexed is recorded and retried while the
 * others go on; texts PostgreSQL refuses (a NUL, a tsvector over 1 MB) are cleaned or cut; an
 * organisation written by a transaction that commits late is not skipped; a rebuild finishes
 * around a bad document.
 */
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { makeCommunity, makePerson } from "../../../tests/factories/communities.ts";
import { makePdf } from "../../../tests/fixtures/search/attachments.ts";
import { queryRows, type DatabaseHandle, type Executor } from "../../../db/client.ts";
import { organisations, posts, practiceAttachments, practices, practiceVersions, searchAttachmentTexts, searchCursors, searchFailures, threads } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { plainTextToDoc } from "../discussions/rich-text/plain-text.ts";
import { viewerGrants } from "./grants.server.ts";
import { rebuildSearch, syncSearch, type IndexerDeps } from "./indexer.server.ts";
import { RETRY_BASE_MS } from "./failures.server.ts";
import { createPostgresProvider } from "./postgres.server.ts";
import type { SearchProvider } from "./provider.ts";

const at = new Date("2026-11-20T08:00:00Z");
/** A distinctive Cyrillic marker word. */
const tag = () => [...crypto.randomBytes(4).toString("hex")].map((c) => "бвгджзклмнпрстфх"[parseInt(c, 16)]).join("");

async function writeThread(ex: Executor, input: { communityId: string; authorId: string; title: string; text: string }): Promise<string> {
  return ex.transaction(async (tx) => {
    const [t] = await tx.insert(threads).values({ ownerKind: "community", ownerId: input.communityId, title: input.title, authorId: input.authorId, createdAt: at, lastActivityAt: at, postCount: 1, lastPostSeq: 1 }).returning();
    await tx.insert(posts).values({ threadId: t!.id, seq: 1, authorId: input.authorId, body: plainTextToDoc(input.text) as unknown as Record<string, unknown>, bodyHtml: "", clientId: crypto.randomUUID(), createdAt: at });
    await appendEvent(tx, { stream: `thread:${t!.id}`, type: "thread.created", payload: {}, at });
    return t!.id;
  });
}

describe("search sync: failures never stop it", () => {
  let handle: DatabaseHandle;
  let base: SearchProvider;
  let deps: IndexerDeps;
  const files = new Map<string, Uint8Array>();
  /** Documents the engine refuses while their id is here (a document whose indexing always throws). */
  const poisoned = new Set<string>();
  let author: string;
  let community: string;

  const found = async (q: string) => (await base.search(q, await viewerGrants(handle.db, GUEST), { perPage: 50 })).hits.map((h) => h.refId);
  const failures = () => handle.db.select().from(searchFailures);

  beforeAll(async () => {
    handle = await createTestDatabase();
    base = createPostgresProvider(handle.db);
    const provider: SearchProvider = {
      ...base,
      async index(docs) {
        const bad = docs.find((d) => poisoned.has(d.refId));
        if (bad) throw new Error(`engine refused ${bad.refId}`);
        await base.index(docs);
      },
    };
    deps = { db: handle.db, provider, files: async (key) => files.get(key) ?? null, now: at };
    author = await makePerson(handle.db);
    community = (await makeCommunity(handle.db, { visibility: "open", ownerId: author })).id;
    await rebuildSearch(deps);
  });
  afterAll(async () => handle.close());

  async function makePractice(title: string, attachments: Array<{ pdf?: string; text?: string }>): Promise<string> {
    const [p] = await handle.db.insert(practices).values({ createdBy: author, createdAt: at }).returning();
    const [v] = await handle.db
      .insert(practiceVersions)
      .values({ practiceId: p!.id, number: 1, status: "published", kind: "practice", title, summary: "Кратко", body: plainTextToDoc("Описание") as unknown as Record<string, unknown>, bodyHtml: "", createdBy: author, createdAt: at, updatedAt: at, publishedAt: at })
      .returning();
    await handle.db.update(practices).set({ currentVersionId: v!.id, publishedVersionId: v!.id, title, publishedAt: at }).where(eq(practices.id, p!.id));
    for (const a of attachments) {
      const key = `practices/${crypto.randomUUID()}.pdf`;
      if (a.pdf !== undefined) files.set(key, makePdf(a.pdf));
      const [row] = await handle.db
        .insert(practiceAttachments)
        .values({ practiceId: p!.id, versionId: v!.id, storageKey: key, originalName: "материалы.pdf", extension: "pdf", contentType: "application/pdf", size: 100, uploadedBy: author, createdAt: at })
        .returning();
      if (a.text !== undefined) await handle.db.insert(searchAttachmentTexts).values({ attachmentId: row!.id, ownerKind: "practice", ownerId: p!.id, status: "done", text: a.text, extractedAt: at });
    }
    await handle.db.transaction((tx) => appendEvent(tx, { stream: `practice:${p!.id}`, type: "version.published", payload: {}, at }));
    return p!.id;
  }

  it("a document whose indexing always throws is recorded and retried later; the streams around it and after it are indexed", async () => {
    const word = `ксилофон${tag()}`;
    const bad = await writeThread(handle.db, { communityId: community, authorId: author, title: `Отравленная тема ${word}`, text: "текст" });
    poisoned.add(bad);
    const good = await writeThread(handle.db, { communityId: community, authorId: author, title: `Соседняя тема ${word}`, text: "текст" });
    await syncSearch(deps);
    expect(await found(word)).toEqual([good]);
    const [failure] = await failures();
    expect(failure).toMatchObject({ target: `thread:${bad}`, attempts: 1, error: `engine refused ${bad}` });
    expect(failure!.retryAt.getTime()).toBe(at.getTime() + RETRY_BASE_MS);
    const [cursor] = await handle.db.select().from(searchCursors).where(eq(searchCursors.streamKey, `thread:${bad}`));
    expect(cursor?.seq).toBe(1);

    // The next change is not held back by the bad one.
    const later = await writeThread(handle.db, { communityId: community, authorId: author, title: `Поздняя тема ${word}`, text: "текст" });
    await syncSearch(deps);
    expect((await found(word)).sort()).toEqual([good, later].sort());
    expect((await failures())[0]?.attempts).toBe(1);

    // Due and still failing: counted again, retried after twice the delay.
    const due: IndexerDeps = { ...deps, now: new Date(at.getTime() + RETRY_BASE_MS) };
    await syncSearch(due);
    const [again] = await failures();
    expect(again).toMatchObject({ attempts: 2 });
    expect(again!.retryAt.getTime()).toBe(due.now.getTime() + 2 * RETRY_BASE_MS);

    // Once the cause is gone, the retry indexes it and forgets the failure.
    poisoned.delete(bad);
    await syncSearch({ ...deps, now: new Date(due.now.getTime() + 2 * RETRY_BASE_MS) });
    expect((await found(word)).sort()).toEqual([good, later, bad].sort());
    expect(await failures()).toEqual([]);
  });

  it("a practice whose PDF carries a NUL character is indexed (the text is cleaned), and the thread written with it too", async () => {
    const word = `гербарий${tag()}`;
    const practice = await makePractice(`Практика ${word}`, [{ pdf: `Маршрут\u0000экскурсии палеонтология${word}` }]);
    const thread = await writeThread(handle.db, { communityId: community, authorId: author, title: `Тема рядом ${word}`, text: "текст" });
    await syncSearch(deps);
    expect((await found(word)).sort()).toEqual([practice, thread].sort());
    expect(await found(`палеонтология${word}`)).toEqual([practice]);
    expect(await failures()).toEqual([]);
  });

  it("a practice whose attachments hold more text than a tsvector takes is indexed with its texts cut", async () => {
    const word = `дендрарий${tag()}`;
    const letters = "абвгдежзиклмнопрстуфхцчшэюя";
    // Distinct short words: the costliest text for a tsvector (6 × 200 000 characters ≈ 4 MB of lexemes).
    const text = (n: number) => {
      const out: string[] = [];
      for (let i = 0, len = 0; len < 200_000; i++) {
        let w = "";
        for (let k = n * 1_000_000 + i; k > 0; k = Math.floor(k / letters.length)) w += letters[k % letters.length];
        out.push(w);
        len += w.length + 1;
      }
      return out.join(" ");
    };
    const practice = await makePractice(`Большая практика ${word}`, Array.from({ length: 6 }, (_, n) => ({ text: text(n + 1) })));
    await syncSearch(deps);
    expect(await found(word)).toEqual([practice]);
    expect(await failures()).toEqual([]);
  });

  it("a rebuild finishes around a document that cannot be indexed, records it and sets the cursors", async () => {
    const word = `литография${tag()}`;
    const bad = await writeThread(handle.db, { communityId: community, authorId: author, title: `Плохая ${word}`, text: "текст" });
    const good = await writeThread(handle.db, { communityId: community, authorId: author, title: `Хорошая ${word}`, text: "текст" });
    poisoned.add(bad);
    const counts = await rebuildSearch(deps);
    poisoned.delete(bad);
    expect(counts.thread).toBeGreaterThan(1);
    expect(await found(word)).toEqual([good]);
    expect((await failures()).map((f) => f.target)).toEqual([`thread:${bad}`]);
    expect(await syncSearch(deps)).toBe(0);
    await syncSearch({ ...deps, now: new Date(at.getTime() + RETRY_BASE_MS) });
    expect((await found(word)).sort()).toEqual([good, bad].sort());
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("indexes an organisation whose transaction started first and committed after a later one was indexed (PostgreSQL)", async () => {
    const [region] = await handle.db.select({ id: organisations.regionId }).from(organisations).limit(1);
    const stamp = tag();
    const school = (name: string) => ({ kind: "school" as const, name, shortName: name, nameSort: name.toLowerCase(), regionId: region!.id });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const opened = new Promise<void>((r) => (started = r));
    // updated_at is now() — the start of this transaction — though it commits last.
    const slow = handle.db.transaction(async (tx) => {
      await tx.insert(organisations).values(school(`Школа долгого импорта ${stamp}`));
      started();
      await gate;
    });
    await opened;
    await new Promise((r) => setTimeout(r, 20));
    await handle.db.insert(organisations).values(school(`Школа быстрой правки ${stamp}`));
    await syncSearch(deps);
    expect(await found(`быстрой правки ${stamp}`)).toHaveLength(1);
    release();
    await slow;
    await syncSearch(deps);
    expect(await found(`долгого импорта ${stamp}`)).toHaveLength(1);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from search_documents where kind = 'organisation' and title like ${`%${stamp}%`}`);
    expect(Number(row!.n)).toBe(2);
  });
});
