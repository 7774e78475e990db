import type { Server as HttpServer } from "node:http";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { Server as SocketServer, type Socket } from "socket.io";
import type { z } from "zod";
import type { AppServices } from "../../app/services.server.ts";
import { GUEST, resolveViewer, type Viewer } from "../../app/features/accounts/viewer.server.ts";
import { loadPeople } from "../../app/features/profiles/people.server.ts";
import { STREAM_KINDS } from "../../app/realtime-streams.server.ts";
import { SOCKET_COMMANDS } from "../../app/realtime-commands.server.ts";
import { EVENTS_CHANNEL, readEventsAfter, streamHead, type StoredEvent } from "../events/store.ts";
import { isAllowedHandshake } from "../security/origin.ts";
import { configureAdapter } from "./adapter.ts";
import { createDeliveryLog } from "./delivery.ts";
import { carriesPresence, createPresence, PRESENCE_EVENTS, relayTyping, TypingMessage } from "./presence.ts";
import { CatchupMessage, sessionRoom, SOCKET_EVENTS, streamRoom, SubscribeMessage, UnsubscribeMessage, userRoom } from "./protocol.ts";

export interface RealtimeHub {
  attach(httpServer: HttpServer): Promise<SocketServer>;
  readonly io: SocketServer | undefined;
  close(): Promise<void>;
}

type Ack = (response: unknown) => void;
const MAX_CATCHUP = 500;

/** Whether a viewer may read a stream, by the policy of the capability that owns its kind. */
export async function canReadStream(viewer: Viewer, stream: string, services: AppServices): Promise<boolean> {
  const [kind, id] = stream.split(/:(.*)/s, 2);
  const policy = kind ? STREAM_KINDS[kind] : undefined;
  return policy && id ? Boolean(await policy(viewer, id, services)) : false;
}

/**
 * The name others see for a person in presence and typing lists: the one a stranger sees (their
 * public name, or «Участник «Моста»» when they keep it private), whoever the readers are.
 */
async function publicNameOf(services: AppServices, viewer: Viewer): Promise<string | undefined> {
  if (!viewer.id) return undefined;
  return (await loadPeople(services.db, GUEST, [viewer.id])).get(viewer.id)?.name;
}

/** Whether a viewer may show up as typing in a stream (signed in, a kind with presence, may read it). */
export async function mayAnnounceTyping(viewer: Viewer, stream: string, services: AppServices): Promise<boolean> {
  return Boolean(viewer.id) && carriesPresence(stream) && (await canReadStream(viewer, stream, services));
}

/**
 * The socket.io hub on the app's HTTP server: the handshake checks the Origin and resolves the
 * viewer; sockets join their person's room and the stream rooms the stream's policy allows.
 * Committed events arrive by LISTEN/NOTIFY on every node, which emits them to its own sockets.
 */
export function createRealtimeHub(getServices: () => Promise<AppServices>): RealtimeHub {
  let io: SocketServer | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let closeAdapter: (() => Promise<void>) | undefined;
  const limiter = new RateLimiterMemory({ points: 30, duration: 1 });
  const delivered = createDeliveryLog();
  const presence = createPresence(
    () => io,
    (err) => void getServices().then((s) => s.log.error({ err }, "presence update failed")),
  );

  function deliver(event: StoredEvent) {
    if (!io || !delivered.first(event.stream, event.seq)) return;
    if (event.type === "sessions.ended") {
      // Sign-out, a password change or a role change: the ended sessions' sockets go too, on every node.
      for (const id of event.payload.sessionIds as string[]) io.local.in(sessionRoom(id)).disconnectSockets(true);
    }
    io.local.to(streamRoom(event.stream)).emit(SOCKET_EVENTS.event, event);
  }

  async function fanOut(services: AppServices, payload: string) {
    try {
      const { stream, seq } = JSON.parse(payload) as { stream: string; seq: number };
      const personal = stream.startsWith("user:");
      if (!io || (!personal && (io.sockets.adapter.rooms.get(streamRoom(stream))?.size ?? 0) === 0)) return;
      const [event] = await readEventsAfter(services.db, stream, seq - 1, 1);
      if (event) deliver(event);
    } catch (err) {
      services.log.error({ err }, "event fan-out failed");
    }
  }

  /**
   * LISTEN is back after the database went away: notifications of events committed in between
   * (or just before the crash) are lost, and sockets that stayed connected would never ask.
   * Each stream room this node serves gets what it missed, each event once.
   */
  async function resync(services: AppServices) {
    const prefix = streamRoom("");
    for (const [room, members] of io?.sockets.adapter.rooms ?? []) {
      if (!room.startsWith(prefix)) continue;
      const stream = room.slice(prefix.length);
      const after = delivered.resyncAfter(stream);
      if (after === undefined) continue;
      if (members.size === 0) {
        delivered.forget(stream);
        continue;
      }
      try {
        for (const event of await readEventsAfter(services.db, stream, after, MAX_CATCHUP)) deliver(event);
      } catch (err) {
        services.log.error({ err, stream }, "resync after reconnect failed");
      }
    }
    services.log.info("event fan-out resumed after the database connection came back");
  }

  function handle<T extends z.ZodType>(socket: Socket, services: AppServices, name: string, schema: T, fn: (msg: z.infer<T>) => Promise<unknown>) {
    socket.on(name, async (raw: unknown, ack?: Ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      try {
        await limiter.consume(socket.id);
      } catch {
        reply({ ok: false, error: "Слишком много запросов, подождите секунду." });
        return;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        reply({ ok: false, error: "Неверное сообщение." });
        return;
      }
      try {
        reply(await fn(parsed.data));
      } catch (err) {
        services.log.error({ err, event: name }, "socket handler failed");
        reply({ ok: false, error: "Ошибка сервера, попробуйте ещё раз." });
      }
    });
  }

  async function catchUp(services: AppServices, viewer: Viewer, stream: string, after: number) {
    if (!(await canReadStream(viewer, stream, services))) return { ok: false as const, error: "Нет доступа к этому обсуждению." };
    const events: StoredEvent[] = await readEventsAfter(services.db, stream, after, MAX_CATCHUP);
    // Nothing after the cursor: the head is the stream's own, never a cursor from the future that a
    // client sent (it would become the room's delivery floor and silence the room for everyone).
    const head = events.length === MAX_CATCHUP ? await streamHead(services.db, stream) : (events.at(-1)?.seq ?? Math.min(after, await streamHead(services.db, stream)));
    return { ok: true as const, events, head };
  }

  return {
    get io() {
      return io;
    },
    async attach(httpServer) {
      if (io) return io;
      const services = await getServices();
      const server = new SocketServer(httpServer, {
        path: "/socket.io",
        serveClient: false,
        maxHttpBufferSize: 64 * 1024,
        allowRequest: (req, callback) => {
          const ok = isAllowedHandshake(req.headers, services.config.allowedOrigins);
          if (!ok) services.log.warn({ origin: req.headers.origin }, "socket handshake refused: origin");
          callback(ok ? null : "origin not allowed", ok);
        },
      });
      io = server;
      closeAdapter = await configureAdapter(server, services);
      server.use(async (socket, next) => {
        try {
          socket.data.viewer = await resolveViewer(socket.request.headers.cookie, services.db, services.clock.now());
          socket.data.publicName = await publicNameOf(services, socket.data.viewer as Viewer);
          next();
        } catch (err) {
          services.log.error({ err }, "socket handshake failed");
          next(new Error("handshake failed"));
        }
      });
      server.on("connection", (socket) => {
        const viewer = socket.data.viewer as Viewer;
        if (viewer.id) void socket.join(userRoom(viewer.id));
        if (viewer.sessionId) void socket.join(sessionRoom(viewer.sessionId));
        handle(socket, services, SOCKET_EVENTS.subscribe, SubscribeMessage, async ({ stream, after }) => {
          if (!(await canReadStream(viewer, stream, services))) return { ok: false, error: "Нет доступа к этому обсуждению." };
          // Join before reading: an event committed after the join is delivered live, one committed
          // before it is in the catch-up; the client's cursor drops the overlap.
          const roomWasEmpty = (server.sockets.adapter.rooms.get(streamRoom(stream))?.size ?? 0) === 0;
          await socket.join(streamRoom(stream));
          presence.changed(stream);
          const reply = await catchUp(services, viewer, stream, after);
          if (reply.ok) delivered.subscribed(stream, reply.head, roomWasEmpty);
          return reply;
        });
        handle(socket, services, SOCKET_EVENTS.catchup, CatchupMessage, ({ stream, after }) => catchUp(services, viewer, stream, after));
        handle(socket, services, SOCKET_EVENTS.unsubscribe, UnsubscribeMessage, async ({ stream }) => {
          await socket.leave(streamRoom(stream));
          presence.changed(stream);
          return { ok: true };
        });
        handle(socket, services, PRESENCE_EVENTS.typing, TypingMessage, async (message) => relayTyping(socket, viewer, message));
        // Capabilities' commands (posting a reply…): the same commands as their forms, with the socket's viewer.
        for (const [name, command] of Object.entries(SOCKET_COMMANDS)) handle(socket, services, name, command.schema, (msg) => command.run(msg, viewer, services, { origin: socket.handshake.headers.origin }));
        // A closed tab or a dropped connection: the others' presence lists lose this socket.
        socket.on("disconnecting", () => presence.leaving(socket));
        socket.on("disconnect", () => void limiter.delete(socket.id));
      });
      stopListening = await services.handle.listen(
        EVENTS_CHANNEL,
        (payload) => void fanOut(services, payload),
        () => void resync(services),
      );
      return server;
    },
    async close() {
      const server = io;
      io = undefined;
      presence.stop();
      await stopListening?.().catch(() => {});
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeAdapter?.().catch(() => {});
    },
  };
}
