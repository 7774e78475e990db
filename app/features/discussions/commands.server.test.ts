import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { events, mailOutbox, notifications, postRevisions, posts, threads } from "../../../db/schema/index.ts";
import { createPost, createThread, deletePost, editPost, POST_RATE, toggleReaction, type Actor } from "./commands.server.ts";
import { getThreadPage, listThreads } from "./queries.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";
import { HIDDEN_PERSON_NAME } from "../profiles/fields.ts";

const text = (s: string) => plainTextToDoc(s);
let n = 0;
const cid = () => `client-${Date.now().toString(36)}-${++n}`;

describe("discussion commands", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let author: Actor & { email: string };
  let member: Actor & { email: string };
  let moderator: Actor & { email: string };
  let outsider: Actor & { email: string };
  let open: string;
  let closed: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle);
    registerTestOwner();
    author = await makePerson(handle.db, { name: "Анна Автор" });
    member = await makePerson(handle.db, { name: "Борис Участник" });
    moderator = await makePerson(handle.db, { name: "Вера Модератор" });
    outsider = await makePerson(handle.db, { name: "Гость Посторонний" });
    open = makeTestPlace({ open: true, members: [author.id, member.id], moderators: [moderator.id] }).id;
    closed = makeTestPlace({ open: false, members: [author.id, member.id], moderators: [moderator.id], title: "Закрытое РМО" }).id;
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  const streamEvents = (threadId: string) => handle.db.select().from(events).where(eq(events.stream, `thread:${threadId}`)).orderBy(asc(events.seq));
  const notificationsOf = (userId: string) => handle.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));
  async function thread(place = open, by: Actor = author) {
    const r = await createThread(s, by, { ownerKind: "test", ownerId: place, title: "Как готовить к ОГЭ по математике", body: text("Поделитесь опытом."), clientId: cid() });
    if (!r.ok) throw new Error(r.error);
    return r.threadId;
  }

  it("starts a thread with its opening post and an event; a retry with the same client id stores nothing new", async () => {
    const clientId = cid();
    const input = { ownerKind: "test" as const, ownerId: open, title: "  Формирующее оценивание в 5 классе  ", body: text("Первое сообщение"), clientId };
    const first = await createThread(s, author, input);
    const again = await createThread(s, author, input);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (!first.ok || !again.ok) return;
    expect(again.threadId).toBe(first.threadId);
    expect(await handle.db.select().from(posts).where(eq(posts.threadId, first.threadId))).toHaveLength(1);
    const [t] = await handle.db.select().from(threads).where(eq(threads.id, first.threadId));
    expect(t).toMatchObject({ title: "Формирующее оценивание в 5 классе", postCount: 1, lastPostSeq: 1 });
    expect((await streamEvents(first.threadId)).map((e) => e.type)).toEqual(["thread.created"]);
  });

  it("asks the owner: non-members cannot start threads; a closed place is not even found", async () => {
    const body = text("Текст");
    expect(await createThread(s, outsider, { ownerKind: "test", ownerId: open, title: "Тема снаружи", body, clientId: cid() })).toMatchObject({ ok: false, status: 403 });
    expect(await createThread(s, outsider, { ownerKind: "test", ownerId: closed, title: "Тема снаружи", body, clientId: cid() })).toMatchObject({ ok: false, status: 404 });
    expect(await createThread(s, author, { ownerKind: "practice", ownerId: open, title: "Нет владельца", body, clientId: cid() })).toMatchObject({ ok: false, status: 404 });
  });

  it("replies with increasing numbers, an event per post, and tells the thread's author (not oneself)", async () => {
    const threadId = await thread();
    const before = (await notificationsOf(author.id)).length;
    const r1 = await createPost(s, member, { threadId, body: text("Ответ первый"), clientId: cid() });
    const r2 = await createPost(s, author, { threadId, body: text("Спасибо!"), clientId: cid(), quoteOf: r1.ok ? r1.postId : null });
    expect(r1.ok && r2.ok).toBe(true);
    const stored = await handle.db.select().from(posts).where(eq(posts.threadId, threadId)).orderBy(asc(posts.seq));
    expect(stored.map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(stored[1]!.bodyHtml).toContain("Ответ первый");
    expect((await streamEvents(threadId)).map((e) => e.type)).toEqual(["thread.created", "post.created", "post.created"]);
    const told = await notificationsOf(author.id);
    expect(told.length).toBe(before + 1);
    expect(told.at(-1)).toMatchObject({ kind: "reply", href: `/threads/${threadId}?post=${stored[1]!.id}#post-${stored[1]!.id}` });
    // The quoted author hears of the quote.
    expect((await notificationsOf(member.id)).at(-1)).toMatchObject({ kind: "reply", payload: expect.objectContaining({ quoted: true }) });
    const userEvents = await handle.db.select().from(events).where(eq(events.stream, `user:${author.id}`));
    expect(userEvents.at(-1)).toMatchObject({ type: "notification.created" });
  });

  it("stores a message once whatever the number of retries, in sequence or at once", async () => {
    const threadId = await thread();
    const clientId = cid();
    const input = { threadId, body: text("Повтор"), clientId };
    const results = await Promise.all([createPost(s, member, input), createPost(s, member, input), createPost(s, member, input)]);
    const ids = new Set(results.map((r) => (r.ok ? r.postId : r.error)));
    expect(ids.size).toBe(1);
    expect((await createPost(s, member, input)).ok).toBe(true);
    expect(await handle.db.select().from(posts).where(and(eq(posts.threadId, threadId), eq(posts.clientId, clientId)))).toHaveLength(1);
    const [t] = await handle.db.select().from(threads).where(eq(threads.id, threadId));
    expect(t!.postCount).toBe(2);
  });

  it("limits how fast one person posts, on the business clock", async () => {
    const poster = await makePerson(handle.db);
    const place = makeTestPlace({ members: [poster.id] }).id;
    const threadId = await thread(place, poster);
    const results = [];
    for (let i = 0; i < POST_RATE.limit + 1; i++) results.push(await createPost(s, poster, { threadId, body: text(`Сообщение ${i}`), clientId: cid() }));
    expect(results.filter((r) => r.ok)).toHaveLength(POST_RATE.limit - 1); // the thread itself counted
    expect(results.at(-1)).toMatchObject({ ok: false, status: 429 });
    await s.clock.advance((POST_RATE.blockSeconds + 1) * 1000);
    expect((await createPost(s, poster, { threadId, body: text("После паузы"), clientId: cid() })).ok).toBe(true);
  });

  it("refuses bodies the allowlist refuses, a javascript: image among them, and empty text", async () => {
    const threadId = await thread();
    const evil = { type: "doc", content: [{ type: "image", attrs: { src: "javascript:alert(1)", alt: null, title: null } }] };
    expect(await createPost(s, member, { threadId, body: evil, clientId: cid() })).toMatchObject({ ok: false, status: 400 });
    expect(await createPost(s, member, { threadId, body: text("   "), clientId: cid() })).toMatchObject({ ok: false, status: 400 });
    expect(await createPost(s, member, { threadId, body: null, clientId: cid() })).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses replies in a locked thread except from moderators, and quotes from another thread", async () => {
    const threadId = await thread();
    const other = await thread();
    const [foreignPost] = await handle.db.select().from(posts).where(eq(posts.threadId, other));
    expect(await createPost(s, member, { threadId, body: text("Цитата"), quoteOf: foreignPost!.id, clientId: cid() })).toMatchObject({ ok: false, status: 400 });
    await handle.db.update(threads).set({ locked: true }).where(eq(threads.id, threadId));
    expect(await createPost(s, member, { threadId, body: text("Закрыто?"), clientId: cid() })).toMatchObject({ ok: false, status: 403 });
    expect((await createPost(s, moderator, { threadId, body: text("Итог модератора"), clientId: cid() })).ok).toBe(true);
  });

  it("keeps closed places closed: an outsider can neither read nor reply", async () => {
    const threadId = await thread(closed);
    expect(await createPost(s, outsider, { threadId, body: text("Можно?"), clientId: cid() })).toMatchObject({ ok: false, status: 404 });
    expect(await getThreadPage(handle.db, outsider, threadId)).toBeNull();
    expect((await listThreads(handle.db, outsider, { ownerKind: "test", ownerId: closed })).threads).toEqual([]);
    expect((await listThreads(handle.db, member, { ownerKind: "test", ownerId: closed })).threads.map((t) => t.id)).toContain(threadId);
  });

  it("notifies and mails the mentioned who may read the thread, and nobody else", async () => {
    const threadId = await thread(closed);
    const mention = (id: string, label: string) => ({ type: "mention", attrs: { id, label } });
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Коллеги " }, mention(member.id, "Борис"), { type: "text", text: " и " }, mention(outsider.id, "Гость")] }] };
    const r = await createPost(s, moderator, { threadId, body, clientId: cid(), origin: "https://most.example" });
    expect(r.ok).toBe(true);
    expect((await notificationsOf(member.id)).at(-1)).toMatchObject({ kind: "mention" });
    expect((await notificationsOf(outsider.id)).filter((x) => x.kind === "mention")).toEqual([]);
    const deadline = Date.now() + 15_000;
    let mails: (typeof mailOutbox.$inferSelect)[] = [];
    while (Date.now() < deadline && mails.length === 0) {
      // Only the mention's mail: earlier replies to member's posts were mailed too (the default is "immediately").
      mails = await handle.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, member.email), eq(mailOutbox.template, "mention")));
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(mails[0]!.subject).toContain("упоминает вас");
    // The moderator's name is not public: the mail names them as the thread page does for this reader.
    expect(mails[0]!.subject).toContain(`${HIDDEN_PERSON_NAME} упоминает вас`);
    expect(`${mails[0]!.subject} ${mails[0]!.text} ${mails[0]!.html}`).not.toContain(moderator.name);
    expect(mails[0]!.text).toContain(`https://most.example/threads/${threadId}?post=`);
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, outsider.email))).toEqual([]);
    // The thread's author, also mentioned nowhere, hears of the reply.
    expect((await notificationsOf(author.id)).at(-1)).toMatchObject({ kind: "reply" });
  });

  it("edits keep the history; only the author edits or deletes; a deletion is soft", async () => {
    const threadId = await thread();
    const r = await createPost(s, member, { threadId, body: text("Черновик"), clientId: cid() });
    if (!r.ok) throw new Error(r.error);
    expect(await editPost(s, author, { postId: r.postId, body: text("Чужая правка") })).toMatchObject({ ok: false, status: 403 });
    expect(await editPost(s, member, { postId: r.postId, body: text("Исправлено") })).toMatchObject({ ok: true });
    const [edited] = await handle.db.select().from(posts).where(eq(posts.id, r.postId));
    expect(edited!.bodyHtml).toContain("Исправлено");
    expect(edited!.editedAt).not.toBeNull();
    const history = await handle.db.select().from(postRevisions).where(eq(postRevisions.postId, r.postId));
    expect(history.map((h) => h.bodyHtml)).toEqual([expect.stringContaining("Черновик")]);
    expect(await deletePost(s, moderator, { postId: r.postId })).toMatchObject({ ok: false, status: 403 });
    expect(await deletePost(s, member, { postId: r.postId })).toMatchObject({ ok: true });
    expect(await deletePost(s, member, { postId: r.postId })).toMatchObject({ ok: false, status: 409 });
    const page = await getThreadPage(handle.db, author, threadId);
    const shown = page!.posts.find((p) => p.id === r.postId)!;
    expect(shown).toMatchObject({ state: "deleted", html: null });
    expect((await streamEvents(threadId)).map((e) => e.type)).toEqual(["thread.created", "post.created", "post.edited", "post.deleted"]);
    const [t] = await handle.db.select().from(threads).where(eq(threads.id, threadId));
    expect(t!.postCount).toBe(1);
  });

  it("toggles reactions per person and kind; guests and outsiders of a closed place cannot react", async () => {
    const threadId = await thread();
    const [opening] = await handle.db.select().from(posts).where(eq(posts.threadId, threadId));
    expect(await toggleReaction(s, member, { postId: opening!.id, kind: "like" })).toMatchObject({ ok: true, on: true });
    expect(await toggleReaction(s, moderator, { postId: opening!.id, kind: "like" })).toMatchObject({ ok: true, on: true });
    expect(await toggleReaction(s, member, { postId: opening!.id, kind: "idea" })).toMatchObject({ ok: true, on: true });
    expect(await toggleReaction(s, member, { postId: opening!.id, kind: "idea" })).toMatchObject({ ok: true, on: false });
    expect(await toggleReaction(s, outsider, { postId: opening!.id, kind: "like" })).toMatchObject({ ok: false, status: 403 });
    const page = await getThreadPage(handle.db, member, threadId);
    expect(page!.posts[0]!.reactions).toEqual([{ kind: "like", count: 2, mine: true }]);
    expect((await streamEvents(threadId)).filter((e) => e.type === "reaction.changed")).toHaveLength(4);
  });

  it("lists an owner's threads pinned first, then by last activity, with reply counts and authors", async () => {
    const place = makeTestPlace({ members: [author.id, member.id], moderators: [moderator.id] }).id;
    const a = await thread(place);
    await s.clock.advance(60_000);
    const b = await thread(place);
    await s.clock.advance(60_000);
    await createPost(s, member, { threadId: a, body: text("Оживим"), clientId: cid() });
    await handle.db.update(threads).set({ pinned: true }).where(eq(threads.id, b));
    const list = await listThreads(handle.db, outsider, { ownerKind: "test", ownerId: place });
    expect(list.threads.map((t) => t.id)).toEqual([b, a]);
    expect(list.threads[1]).toMatchObject({ replyCount: 1, author: expect.objectContaining({ id: author.id }) });
    expect(list.access).toEqual({ read: true, post: false, moderate: false });
  });
});
