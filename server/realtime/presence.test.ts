import type { Socket } from "socket.io-client";
import { openSocketAs } from "../../tests/setup/sockets.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import { makePerson, makeTestPlace, registerTestOwner } from "../../tests/factories/discussions.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { createThread, type Actor } from "../../app/features/discussions/commands.server.ts";
import { plainTextToDoc } from "../../app/features/discussions/rich-text/plain-text.ts";
import type { PresenceUpdate, TypingUpdate } from "./presence.ts";
import { HIDDEN_PERSON_NAME } from "../../app/features/profiles/fields.ts";

describe("presence and typing in a thread", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let base: string;
  const sockets: Socket[] = [];
  let anna: Actor & { name: string };
  let boris: Actor & { name: string };
  let hidden: Actor;
  let outsider: Actor;
  let stream: string;

  const open = (person: Actor | null) => openSocketAs(base, handle.db, s.clock.now(), person, sockets);
  const listen = <T>(socket: Socket, event: string) => {
    const got: T[] = [];
    socket.on(event, (m: T) => got.push(m));
    return got;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    base = await s.listen();
    registerTestOwner();
    anna = await makePerson(handle.db, { name: "Анна Тестова", publicName: true });
    boris = await makePerson(handle.db, { name: "Борис Тестов", publicName: true });
    hidden = await makePerson(handle.db, { name: "Вера Скрытная" });
    outsider = await makePerson(handle.db);
    const place = makeTestPlace({ open: false, members: [anna.id, boris.id, hidden.id] }).id;
    const t = await createThread(s, anna, { ownerKind: "test", ownerId: place, title: "Присутствие", body: plainTextToDoc("Начало"), clientId: "presence-thread-1" });
    if (!t.ok) throw new Error(t.error);
    stream = `thread:${t.threadId}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await s.stop();
    await handle.close();
  });

  it("lists who has the thread open, to its readers only, and drops a closed socket", async () => {
    const a = await open(anna);
    const seenByA = listen<PresenceUpdate>(a, "presence:update");
    await a.emitWithAck("stream:subscribe", { stream, after: 0 });
    await expect.poll(() => seenByA.at(-1)).toEqual({ stream, count: 1, people: [{ id: anna.id, name: anna.name }] });

    const stranger = await open(outsider);
    const seenByStranger = listen<PresenceUpdate>(stranger, "presence:update");
    expect(await stranger.emitWithAck("stream:subscribe", { stream, after: 0 })).toMatchObject({ ok: false });

    const b = await open(boris);
    const bSecondTab = await open(boris);
    await b.emitWithAck("stream:subscribe", { stream, after: 0 });
    await bSecondTab.emitWithAck("stream:subscribe", { stream, after: 0 });
    // Two tabs of one person are one person.
    await expect.poll(() => seenByA.at(-1)).toEqual({ stream, count: 2, people: [{ id: anna.id, name: anna.name }, { id: boris.id, name: boris.name }] });

    b.close();
    bSecondTab.close();
    await expect.poll(() => seenByA.at(-1)?.count).toBe(1);
    expect(seenByStranger).toEqual([]);

    // A person who keeps their name private is listed as a stranger sees them.
    const v = await open(hidden);
    await v.emitWithAck("stream:subscribe", { stream, after: 0 });
    await expect.poll(() => seenByA.at(-1)?.people).toEqual([{ id: anna.id, name: anna.name }, { id: hidden.id, name: HIDDEN_PERSON_NAME }]);
    v.close();
  });

  it("relays typing to the others in the room, not to the typist's own tabs nor to outsiders", async () => {
    const a = await open(anna);
    const aOther = await open(anna);
    const b = await open(boris);
    const stranger = await open(outsider);
    for (const socket of [a, aOther, b]) await socket.emitWithAck("stream:subscribe", { stream, after: 0 });
    const atB = listen<TypingUpdate>(b, "typing:update");
    const atOwnTab = listen<TypingUpdate>(aOther, "typing:update");
    const atStranger = listen<TypingUpdate>(stranger, "typing:update");

    expect(await a.emitWithAck("typing", { stream, active: true })).toEqual({ ok: true });
    await expect.poll(() => atB).toEqual([{ stream, person: { id: anna.id, name: anna.name }, active: true }]);
    expect(await a.emitWithAck("typing", { stream, active: false })).toEqual({ ok: true });
    await expect.poll(() => atB.at(-1)?.active).toBe(false);

    expect(await stranger.emitWithAck("typing", { stream })).toEqual({ ok: false, error: "Нет доступа к этому обсуждению." });
    const guest = await open(null);
    expect(await guest.emitWithAck("typing", { stream })).toMatchObject({ ok: false });
    expect(await b.emitWithAck("typing", { stream: 42 })).toEqual({ ok: false, error: "Неверное сообщение." });
    await new Promise((r) => setTimeout(r, 200));
    expect(atB).toHaveLength(2);
    expect(atOwnTab).toEqual([]);
    expect(atStranger).toEqual([]);
    expect(b.connected).toBe(true);
  });
});
