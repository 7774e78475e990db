import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { events, notifications, postReports, threads } from "../../../db/schema/index.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { canReadStream } from "../../../server/realtime/hub.ts";
import { markNotificationsRead } from "../notifications/commands.server.ts";
import { bellState, listNotifications } from "../notifications/queries.server.ts";
import { createPost, createThread, type Actor } from "./commands.server.ts";
import { decideReport, markSolution, moderatePost, reportPost, setThreadFlag } from "./moderation.server.ts";
import { getThreadPage, listModerationQueue } from "./queries.server.ts";
import { plainTextToDoc } from "./rich-text/plain-text.ts";

let n = 0;
const cid = () => `mod-${Date.now().toString(36)}-${++n}`;

describe("moderation, thread housekeeping and notifications", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let author: Actor;
  let member: Actor;
  let moderator: Actor;
  let otherModerator: Actor;
  let outsider: Actor;
  let place: string;
  let closed: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    registerTestOwner();
    [author, member, moderator, otherModerator, outsider] = (await Promise.all([1, 2, 3, 4, 5].map(() => makePerson(handle.db)))) as [Actor, Actor, Actor, Actor, Actor];
    place = makeTestPlace({ members: [author.id, member.id], moderators: [moderator.id] }).id;
    closed = makeTestPlace({ open: false, members: [author.id, member.id], moderators: [moderator.id] }).id;
    makeTestPlace({ moderators: [otherModerator.id] });
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  async function threadWithReply(ownerId = place) {
    const t = await createThread(s, author, { ownerKind: "test", ownerId, title: "Работа со слабоуспевающими", body: plainTextToDoc("Что помогает?"), clientId: cid() });
    if (!t.ok) throw new Error(t.error);
    const r = await createPost(s, member, { threadId: t.threadId, body: plainTextToDoc("Индивидуальные маршруты"), clientId: cid() });
    if (!r.ok) throw new Error(r.error);
    return { threadId: t.threadId, postId: r.postId };
  }
  const kinds = async (threadId: string) => (await handle.db.select().from(events).where(eq(events.stream, `thread:${threadId}`)).orderBy(asc(events.seq))).map((e) => e.type);

  it("the thread's author or a moderator marks the solution; others cannot; the opening post cannot be one", async () => {
    const { threadId, postId } = await threadWithReply();
    expect(await markSolution(s, member, { threadId, postId })).toMatchObject({ ok: false, status: 403 });
    expect(await markSolution(s, author, { threadId, postId })).toEqual({ ok: true });
    const page = await getThreadPage(handle.db, member, threadId);
    expect(page!.posts.find((p) => p.id === postId)!.isSolution).toBe(true);
    expect(await markSolution(s, moderator, { threadId, postId: null })).toEqual({ ok: true });
    expect(await markSolution(s, author, { threadId, postId: page!.posts[0]!.id })).toMatchObject({ ok: false, status: 400 });
    expect(await kinds(threadId)).toContain("thread.updated");
  });

  it("only moderators pin and lock", async () => {
    const { threadId } = await threadWithReply();
    expect(await setThreadFlag(s, author, { threadId, flag: "pinned", value: true })).toMatchObject({ ok: false, status: 403 });
    expect(await setThreadFlag(s, otherModerator, { threadId, flag: "locked", value: true })).toMatchObject({ ok: false, status: 403 });
    expect(await setThreadFlag(s, moderator, { threadId, flag: "pinned", value: true })).toEqual({ ok: true });
    expect(await setThreadFlag(s, moderator, { threadId, flag: "locked", value: true })).toEqual({ ok: true });
    const [t] = await handle.db.select().from(threads).where(eq(threads.id, threadId));
    expect(t).toMatchObject({ pinned: true, locked: true });
  });

  it("a report reaches the queue of the place's moderators only; hiding tells the author and the reporter", async () => {
    const { threadId, postId } = await threadWithReply();
    expect(await reportPost(s, member, { postId, reason: "своё" })).toMatchObject({ ok: false, status: 400 });
    expect(await reportPost(s, author, { postId, reason: "Реклама платных курсов" })).toEqual({ ok: true });
    expect(await reportPost(s, author, { postId, reason: "Ещё раз" })).toMatchObject({ ok: false, status: 409 });
    const queue = await listModerationQueue(handle.db, moderator);
    expect(queue.map((q) => q.post.id)).toContain(postId);
    expect(await listModerationQueue(handle.db, otherModerator)).toEqual([]);
    expect(await listModerationQueue(handle.db, member)).toEqual([]);
    const report = queue.find((q) => q.post.id === postId)!;
    expect(await decideReport(s, otherModerator, { reportId: report.id, decision: "hide", reason: "нет" })).toMatchObject({ ok: false });
    expect(await decideReport(s, moderator, { reportId: report.id, decision: "hide", reason: "Реклама запрещена правилами" })).toMatchObject({ ok: true });
    const asMember = await getThreadPage(handle.db, member, threadId);
    expect(asMember!.posts.find((p) => p.id === postId)).toMatchObject({ state: "hidden", html: null, hiddenReason: null });
    const asModerator = await getThreadPage(handle.db, moderator, threadId);
    expect(asModerator!.posts.find((p) => p.id === postId)).toMatchObject({ state: "hidden", hiddenReason: "Реклама запрещена правилами" });
    expect(asModerator!.posts.find((p) => p.id === postId)!.html).toContain("Индивидуальные маршруты");
    const [closedReport] = await handle.db.select().from(postReports).where(eq(postReports.id, report.id));
    expect(closedReport).toMatchObject({ status: "hidden", decidedBy: moderator.id });
    const toAuthor = await handle.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(toAuthor.at(-1)).toMatchObject({ kind: "moderation", payload: expect.objectContaining({ outcome: "hidden", role: "author" }) });
    const toReporter = await handle.db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(toReporter.at(-1)).toMatchObject({ kind: "moderation", payload: expect.objectContaining({ outcome: "hidden", role: "reporter" }) });
    expect(await moderatePost(s, moderator, { postId, action: "restore", reason: "Автор убрал ссылку" })).toMatchObject({ ok: true });
    expect((await getThreadPage(handle.db, member, threadId))!.posts.find((p) => p.id === postId)!.state).toBe("visible");
    expect(await kinds(threadId)).toEqual(["thread.created", "post.created", "post.hidden", "post.restored"]);
    expect(await moderatePost(s, member, { postId, action: "hide", reason: "хочу" })).toMatchObject({ ok: false, status: 403 });
  });

  it("a dismissed report tells the reporter only", async () => {
    const { postId } = await threadWithReply();
    await reportPost(s, author, { postId, reason: "Не по теме" });
    const report = (await listModerationQueue(handle.db, moderator)).find((q) => q.post.id === postId)!;
    const before = (await handle.db.select().from(notifications).where(eq(notifications.userId, member.id))).length;
    expect(await decideReport(s, moderator, { reportId: report.id, decision: "dismiss", reason: "По теме" })).toEqual({ ok: true });
    expect(await handle.db.select().from(notifications).where(eq(notifications.userId, member.id))).toHaveLength(before);
    expect((await handle.db.select().from(notifications).where(eq(notifications.userId, author.id))).at(-1)).toMatchObject({ payload: expect.objectContaining({ outcome: "dismissed" }) });
  });

  it("the thread stream follows the owner's read policy", async () => {
    const { threadId } = await threadWithReply(closed);
    expect(await canReadStream(member, `thread:${threadId}`, s)).toBe(true);
    expect(await canReadStream(moderator, `thread:${threadId}`, s)).toBe(true);
    expect(await canReadStream(outsider, `thread:${threadId}`, s)).toBe(false);
    expect(await canReadStream(GUEST, `thread:${threadId}`, s)).toBe(false);
    expect(await canReadStream(outsider, "thread:not-a-uuid", s)).toBe(false);
    const open = await threadWithReply();
    expect(await canReadStream(GUEST, `thread:${open.threadId}`, s)).toBe(true);
  });

  it("the bell counts unread notifications; marking read is per person and announced on their stream", async () => {
    const person = await makePerson(handle.db);
    const own = makeTestPlace({ members: [person.id, member.id] }).id;
    const t = await createThread(s, person, { ownerKind: "test", ownerId: own, title: "Вопрос", body: plainTextToDoc("?"), clientId: cid() });
    if (!t.ok) throw new Error(t.error);
    for (const word of ["Один", "Два", "Три"]) await createPost(s, member, { threadId: t.threadId, body: plainTextToDoc(word), clientId: cid() });
    expect((await bellState(handle.db, person.id)).unread).toBe(3);
    const list = await listNotifications(handle.db, person, 1);
    expect(list).toMatchObject({ total: 3, unread: 3 });
    expect(list.items[0]!.actor).toMatchObject({ id: member.id });
    expect(await markNotificationsRead(s, member.id, [list.items[0]!.id])).toBe(0); // not theirs
    expect(await markNotificationsRead(s, person.id, [list.items[0]!.id])).toBe(1);
    expect((await bellState(handle.db, person.id)).unread).toBe(2);
    expect(await markNotificationsRead(s, person.id, "all")).toBe(2);
    const state = await bellState(handle.db, person.id);
    expect(state.unread).toBe(0);
    const [last] = await handle.db.select().from(events).where(eq(events.stream, `user:${person.id}`)).orderBy(asc(events.seq)).offset(state.head - 1);
    expect(last).toMatchObject({ type: "notifications.read", payload: { unread: 0 } });
  });
});
