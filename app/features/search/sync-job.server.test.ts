/**
 * The sync as the app runs it: the pg-boss job, triggered by committed events (LISTEN), on this
 * engine. A trigger that arrives while a run is in progress leads to another run; an account
 * deletion neither stops the sync nor leaves the deleted person's name findable in mentions.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeCommunity, makePerson, viewerOfUser } from "../../../tests/factories/communities.ts";
import type { DatabaseHandle, Executor } from "../../../db/client.ts";
import { posts, threads } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";
import { renderRichText } from "../discussions/rich-text/render.server.ts";
import { deleteAccount, saveProfile } from "../profiles/commands.server.ts";
import { ProfileForm } from "../profiles/schemas.ts";
import { viewerGrants } from "./grants.server.ts";
import { SEARCH_SYNC_JOB, startSearchSync } from "./indexer.server.ts";
import { createPostgresProvider } from "./postgres.server.ts";

const PASSWORD = "Байкал-омуль-2026";
const tag = () => [...crypto.randomBytes(4).toString("hex")].map((c) => "бвгджзклмнпрстфх"[parseInt(c, 16)]).join("");

async function until(what: string, fn: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function writeThread(ex: Executor, s: TestServices, input: { communityId: string; authorId: string; title: string; body: RichDoc }): Promise<string> {
  return ex.transaction(async (tx) => {
    const now = s.clock.now();
    const [t] = await tx.insert(threads).values({ ownerKind: "community", ownerId: input.communityId, title: input.title, authorId: input.authorId, createdAt: now, lastActivityAt: now, postCount: 1, lastPostSeq: 1 }).returning();
    await tx.insert(posts).values({ threadId: t!.id, seq: 1, authorId: input.authorId, body: input.body as never, bodyHtml: renderRichText(input.body), clientId: crypto.randomUUID(), createdAt: now });
    await appendEvent(tx, { stream: `thread:${t!.id}`, type: "thread.created", payload: {}, at: now });
    return t!.id;
  });
}

const text = (t: string): RichDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: t }] }] });

describe("the search sync job on this engine", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let stop: () => Promise<void>;
  const found = async (q: string) => (await createPostgresProvider(handle.db).search(q, await viewerGrants(handle.db, GUEST), { perPage: 20 })).hits.map((h) => h.refId);

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle);
    stop = await startSearchSync(s, { work: true });
  });
  afterAll(async () => {
    await stop?.();
    await s?.stop();
    await handle.close();
  });

  it("a trigger that arrives while a run is in progress is kept, and leads to another run (the queue's policy)", async () => {
    const name = `search.sync.policy-${crypto.randomUUID().slice(0, 8)}`;
    await s.jobs.createQueue(name, SEARCH_SYNC_JOB.options);
    let runs = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await s.jobs.work(name, { pollingIntervalSeconds: 0.5 }, async () => {
      runs++;
      if (runs === 1) await held;
    });
    expect(await s.jobs.send(name, {}, { startAfter: s.clock.now() })).not.toBeNull();
    await until("the first run starts", async () => runs === 1);
    // Events committed now are not seen by the run in progress: this trigger must not be dropped.
    expect(await s.jobs.send(name, {}, { startAfter: s.clock.now() })).not.toBeNull();
    release();
    await until("a second run", async () => runs === 2);
  });

  it("after an account deletion, a new thread is found, and the deleted person's name is no longer found in others' mentions", { timeout: 90_000 }, async () => {
    const name = `Ульяна ${tag()}`;
    const surname = name.split(" ")[1]!;
    const leaving = await makePerson(s.db, { name, password: PASSWORD });
    const other = await makePerson(s.db);
    const community = (await makeCommunity(s.db, { visibility: "open", ownerId: other })).id;
    const me = await viewerOfUser(s.db, leaving);
    expect(await saveProfile(s, me, ProfileForm.parse({ name, position: "учитель", subjects: ["math"], grades: ["5"], experienceYears: "3", canHelp: [], needsHelp: [], bio: "", publicFields: ["name"] }))).toEqual({ ok: true });
    const mention: RichDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Спасибо за лист самооценки, " }, { type: "mention", attrs: { id: leaving, label: name } }] }] };
    const thanked = await writeThread(s.db, s, { communityId: community, authorId: other, title: "Листы самооценки", body: mention });
    await until("the person and the mention are indexed", async () => (await found(surname)).length === 2);
    expect((await found(surname)).sort()).toEqual([leaving, thanked].sort());

    expect(await deleteAccount(s, me, PASSWORD)).toEqual({ ok: true });
    const marker = `карандаш${tag()}`;
    const fresh = await writeThread(s.db, s, { communityId: community, authorId: other, title: `Новая тема ${marker}`, body: text("Пишем после удаления") });
    await until("the new thread is indexed", async () => (await found(marker)).includes(fresh));
    await until("the deleted name is gone from the index", async () => (await found(surname)).length === 0);
  });
});
