import { io as connect, type Socket } from "socket.io-client";
import type { Executor } from "../../db/client.ts";
import { createSession, SESSION_COOKIE } from "../../app/features/accounts/sessions.server.ts";

/**
 * Opens a socket to a test server as a person (a fresh session of theirs) or as a guest, over
 * WebSocket with the server's own Origin, and resolves once it is connected. Sockets are pushed to
 * `opened` so the test can close them all.
 */
export async function openSocketAs(base: string, ex: Executor, now: Date, person: { id: string } | null, opened: Socket[]): Promise<Socket> {
  const headers: Record<string, string> = { Origin: base };
  if (person) headers.Cookie = `${SESSION_COOKIE}=${(await createSession(ex, person.id, "socket test", now)).token}`;
  const socket = connect(base, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: headers });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}
