/**
 * Starts HTTP. Everything else (database, jobs, sockets, the app pipeline) comes from
 * `server/app.ts`: through Vite's `ssrLoadModule` in development, from the build in production, so
 * there is exactly one instance of each per process.
 */
import http from "node:http";
import path from "node:path";
import express from "express";

type AppModule = {
  app: express.Express;
  start(): Promise<unknown>;
  attachRealtime(server: http.Server): Promise<void>;
  shutdown(): Promise<void>;
};

const development = (process.env.NODE_ENV ?? "development") === "development";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const buildEntry = path.resolve(process.env.BUILD_DIR ?? "build", "server/index.js");

const server = express();
server.disable("x-powered-by");
let load: () => Promise<AppModule>;

if (development) {
  const vite = await import("vite");
  const devServer = await vite.createServer({ server: { middlewareMode: true }, appType: "custom" });
  server.use(devServer.middlewares);
  // Re-read on each request: after an edit Vite hands back the new module graph, while the
  // database, jobs and sockets stay on globalThis.
  load = () => devServer.ssrLoadModule("./server/app.ts") as Promise<AppModule>;
  server.use(async (req, res, next) => {
    try {
      const mod = await load();
      mod.app(req, res, next);
    } catch (error) {
      if (error instanceof Error) devServer.ssrFixStacktrace(error);
      next(error);
    }
  });
} else {
  const mod = (await import(buildEntry)) as AppModule;
  load = async () => mod;
  const clientDir = path.resolve(process.env.BUILD_DIR ?? "build", "client");
  // Static files never reach the app's helmet: they get nosniff and a CSP that lets a file opened
  // on its own (an SVG, say) run nothing. The app's responses overwrite these with their own.
  server.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Content-Security-Policy", "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    next();
  });
  server.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  server.use(express.static(clientDir, { maxAge: "1h", index: false }));
  server.use(mod.app);
}

const mod = await load();
await mod.start();
const httpServer = http.createServer(server);
await mod.attachRealtime(httpServer);
httpServer.keepAliveTimeout = 65_000;
httpServer.listen(port, host, () => {
  console.log(JSON.stringify({ level: 30, app: "most", msg: `«Мост» слушает http://localhost:${port}`, port }));
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: 30, app: "most", msg: "shutting down", signal }));
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  // Stop accepting; let requests in flight finish, then drop idle keep-alive connections.
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  try {
    await (await load()).shutdown();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await (await load()).shutdown();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
