import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { users } from "../../../db/schema/index.ts";
import { DELETED_PERSON_NAME } from "../profiles/fields.ts";
import { createPost, createThread, type Actor } from "./commands.server.ts";
import { mentionCandidates } from "./mentions.server.ts";
import { getThreadPage } from "./queries.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";
import { REACTION_KINDS } from "./strings.ts";

let n = 0;
const cid = () => `q-${Date.now().toString(36)}-${++n}`;

describe("discussion reads", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let author: Actor;
  let member: Actor;
  let outsider: Actor;
  let place: string;
  let threadId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    registerTestOwner();
    author = await makePerson(handle.db, { name: "Зоя Ведущая", publicName: true });
    member = await makePerson(handle.db, { name: "Юрий Отвечающий", publicName: true });
    outsider = await makePerson(handle.db, { name: "Юлия Посторонняя", publicName: true });
    place = makeTestPlace({ open: false, members: [author.id, member.id] }).id;
    const t = await createThread(s, author, { ownerKind: "test", ownerId: place, title: "Чтение", body: plainTextToDoc("Вопрос"), clientId: cid() });
    if (!t.ok) throw new Error(t.error);
    threadId = t.threadId;
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("shows a deleted author's posts as «Удалённый пользователь»", async () => {
    const r = await createPost(s, member, { threadId, body: plainTextToDoc("Мой ответ"), clientId: cid() });
    if (!r.ok) throw new Error(r.error);
    await handle.db.update(users).set({ status: "deleted" }).where(eq(users.id, member.id));
    const page = await getThreadPage(handle.db, author, threadId);
    const post = page!.posts.find((p) => p.id === r.postId)!;
    expect(post.author).toMatchObject({ name: DELETED_PERSON_NAME, deleted: true, href: null });
    expect(post.html).toContain("Мой ответ");
    await handle.db.update(users).set({ status: "active" }).where(eq(users.id, member.id));
  });

  it("offers for mention only people who may read the thread, never the viewer", async () => {
    const thread = { id: threadId, ownerKind: "test", ownerId: place };
    // One letter searches the thread's participants only; the outsider never comes up.
    expect((await mentionCandidates(handle.db, author, thread, "Ю")).map((c) => c.id)).toEqual([member.id]);
    const names = (await mentionCandidates(handle.db, author, thread, "Юр")).map((c) => c.id);
    expect(names).toEqual([member.id]);
    expect((await mentionCandidates(handle.db, author, thread, "Юлия")).map((c) => c.id)).toEqual([]);
    expect((await mentionCandidates(handle.db, member, thread, "Зоя")).map((c) => c.id)).toEqual([author.id]);
    expect((await mentionCandidates(handle.db, author, thread, "Зоя")).map((c) => c.id)).toEqual([]);
    expect((await mentionCandidates(handle.db, author, thread, "Посторонняя")).map((c) => c.id)).not.toContain(outsider.id);
  });

  it("allows in the database exactly the reaction kinds the app offers", async () => {
    const result = (await handle.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'post_reactions_kind_ck'`)) as unknown as { rows?: { def: string }[] } & { def: string }[];
    const row = (result.rows ?? result)[0];
    const allowed = [...row!.def.matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
    expect(allowed).toEqual([...REACTION_KINDS]);
  });
});
