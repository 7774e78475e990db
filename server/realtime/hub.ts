import type { Server as HttpServer } from "node:http";
import { Server as SocketServer } from "socket.io";
import type { Logger } from "../log.ts";
import { isAllowedOrigin } from "../security/origin.ts";

export interface RealtimeHub {
  attach(httpServer: HttpServer): SocketServer;
  readonly io: SocketServer | undefined;
  close(): Promise<void>;
}

/**
 * The socket.io hub, attached once to the HTTP server. The handshake refuses foreign or missing
 * origins; sessions, rooms and event fan-out are added by the backbone issue on top of this.
 */
export function createRealtimeHub(options: { allowedOrigins: string[]; log: Logger }): RealtimeHub {
  let io: SocketServer | undefined;
  return {
    get io() {
      return io;
    },
    attach(httpServer) {
      if (io) return io;
      io = new SocketServer(httpServer, {
        path: "/socket.io",
        serveClient: false,
        maxHttpBufferSize: 64 * 1024,
        allowRequest: (req, callback) => {
          const ok = isAllowedOrigin(req.headers.origin, req.headers.host, options.allowedOrigins);
          if (!ok) options.log.warn({ origin: req.headers.origin }, "socket handshake refused: origin");
          callback(ok ? null : "origin not allowed", ok);
        },
      });
      return io;
    },
    async close() {
      if (!io) return;
      const server = io;
      io = undefined;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
