import type { Socket } from "socket.io-client";
import { setConnectionState } from "./connection";

let socketPromise: Promise<Socket> | undefined;

/**
 * The page's one socket, created on first use: socket.io-client loads only on pages with live data.
 * It reconnects by itself; the connection state feeds the «нет соединения» indicator.
 */
export function getSocket(): Promise<Socket> {
  socketPromise ??= import("socket.io-client").then(({ io }) => {
    setConnectionState("connecting");
    // WebSocket first (no long-polling phase to upgrade from, and a dropped connection is noticed at
    // once); long-polling remains the fallback where WebSockets do not get through.
    const socket = io({ path: "/socket.io", withCredentials: true, reconnectionDelayMax: 5000, transports: ["websocket", "polling"], tryAllTransports: true });
    socket.on("connect", () => setConnectionState("open"));
    socket.on("disconnect", () => setConnectionState("offline"));
    socket.on("connect_error", () => setConnectionState("offline"));
    return socket;
  });
  return socketPromise;
}
