/**
 * Presence (who has a stream open) and typing: ephemeral, never stored as events. Both travel as
 * socket.io room broadcasts, so the configured adapter (PostgreSQL or Redis) carries them between
 * nodes; only sockets that the stream's read policy let into the room see them.
 */
import type { Server as SocketServer, Socket } from "socket.io";
import { z } from "zod";
import type { Viewer } from "../../app/features/accounts/viewer.server.ts";
import { HIDDEN_PERSON_NAME } from "../../app/features/profiles/fields.ts";
import { PRESENCE_KINDS } from "../../app/realtime-streams.server.ts";
import { StreamKey } from "../events/store.ts";
import { streamRoom, userRoom } from "./protocol.ts";

export const TypingMessage = z.object({ stream: StreamKey, active: z.boolean().default(true) });

/** One person in a presence list: the name a stranger would see (private names stay private). */
export interface PresencePerson {
  id: string;
  name: string;
}
/** Server → client: who has the stream open now (distinct signed-in people; `people` capped). */
export interface PresenceUpdate {
  stream: string;
  count: number;
  people: PresencePerson[];
}
/** Server → client: someone started or stopped typing in the stream. */
export interface TypingUpdate {
  stream: string;
  person: PresencePerson;
  active: boolean;
}

export const PRESENCE_EVENTS = { presence: "presence:update", typing: "typing", typingUpdate: "typing:update" } as const;
const SHOWN = 12;
const SETTLE_MS = 150;
const collator = new Intl.Collator("ru");

export function carriesPresence(stream: string): boolean {
  return PRESENCE_KINDS.has(stream.split(":", 1)[0] ?? "");
}

/**
 * Publishes presence lists of rooms whose membership changed. Changes are folded per stream for
 * SETTLE_MS, so a thousand sockets joining at once cost a few lists, not a thousand.
 */
export function createPresence(getIo: () => SocketServer | undefined, onError: (err: unknown) => void) {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  async function publish(stream: string) {
    const io = getIo();
    if (!io) return;
    const room = streamRoom(stream);
    // fetchSockets asks every node through the adapter: the list is the cluster's, not this node's.
    const sockets = await io.in(room).fetchSockets();
    const people = new Map<string, PresencePerson>();
    for (const s of sockets) {
      const viewer = s.data.viewer as Viewer | undefined;
      if (viewer?.id && !people.has(viewer.id)) people.set(viewer.id, { id: viewer.id, name: (s.data.publicName as string | undefined) ?? HIDDEN_PERSON_NAME });
    }
    const list = [...people.values()].sort((a, b) => collator.compare(a.name, b.name));
    const update: PresenceUpdate = { stream, count: list.length, people: list.slice(0, SHOWN) };
    io.to(room).emit(PRESENCE_EVENTS.presence, update);
  }

  return {
    /** Schedules a fresh presence list for the stream's room (no-op for kinds without presence). */
    changed(stream: string) {
      if (!carriesPresence(stream) || pending.has(stream)) return;
      pending.set(
        stream,
        setTimeout(() => {
          pending.delete(stream);
          publish(stream).catch(onError);
        }, SETTLE_MS),
      );
    },
    /** A socket is going away: the rooms it was in get new lists once it has left them. */
    leaving(socket: Socket) {
      for (const room of socket.rooms) if (room.startsWith("stream:")) this.changed(room.slice("stream:".length));
    },
    stop() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

/**
 * Relays a typing signal to the others in the stream's room (on every node), never back to the
 * sender's own tabs. Only a signed-in person whose socket is in the room (it passed the read
 * policy on subscribing) may announce; anything else is refused.
 */
export function relayTyping(socket: Socket, viewer: Viewer, message: z.infer<typeof TypingMessage>): { ok: boolean; error?: string } {
  const room = streamRoom(message.stream);
  if (!viewer.id || !carriesPresence(message.stream) || !socket.rooms.has(room)) return { ok: false, error: "Нет доступа к этому обсуждению." };
  const update: TypingUpdate = { stream: message.stream, person: { id: viewer.id, name: (socket.data.publicName as string | undefined) ?? HIDDEN_PERSON_NAME }, active: message.active };
  socket.to(room).except(userRoom(viewer.id)).emit(PRESENCE_EVENTS.typingUpdate, update);
  return { ok: true };
}
