import express from "express";
import { desc } from "drizzle-orm";
import { z } from "zod";
import type { AppServices } from "../app/services.server.ts";
import { mailOutbox } from "../db/schema/index.ts";
import { appendEvent, StreamKey } from "./events/store.ts";
import { enqueueMail } from "./jobs/queues.ts";

const ClockCommand = z.union([
  z.object({ advanceMs: z.number().int().min(0).max(400 * 24 * 3600 * 1000) }),
  z.object({ set: z.string().datetime() }),
]);
const EventCommand = z.object({ stream: StreamKey.refine((s) => s.startsWith("test:")), type: z.string().min(1).max(60), payload: z.record(z.string(), z.unknown()).default({}) });
const ProbeMailCommand = z.object({ to: z.string().email(), note: z.string().max(500).default("Проверка"), delayMs: z.number().int().min(0).default(0) });

/**
 * Test-only endpoints, mounted only when MOST_TEST_MODE is on (404 otherwise): the business clock,
 * writing events to test streams, dropping every socket connection, scheduling a probe mail and
 * reading the outbox, so browser tests can drive the backbone from outside.
 */
export function testRoutes(start: () => Promise<AppServices>): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: "16kb" }));
  const bad = (res: express.Response, message: string) => res.status(400).json({ error: message });

  router.get("/clock", async (_req, res) => {
    const { clock } = await start();
    res.json({ now: clock.now().toISOString() });
  });
  router.post("/clock", async (req, res) => {
    const parsed = ClockCommand.safeParse(req.body);
    if (!parsed.success) return void bad(res, "Нужно { advanceMs: число } или { set: ISO-время }");
    const { clock } = await start();
    const now = "advanceMs" in parsed.data ? await clock.advance(parsed.data.advanceMs) : await clock.set(new Date(parsed.data.set));
    res.json({ now: now.toISOString() });
  });
  router.post("/events", async (req, res) => {
    const parsed = EventCommand.safeParse(req.body);
    if (!parsed.success) return void bad(res, "Нужно { stream: 'test:…', type, payload }");
    const services = await start();
    const written = await services.db.transaction((tx) => appendEvent(tx, { ...parsed.data, at: services.clock.now() }));
    res.json(written);
  });
  router.post("/sockets/drop", async (_req, res) => {
    const { realtime } = await start();
    let dropped = 0;
    // Closing the transport (not disconnectSockets) is what a network drop looks like: clients reconnect.
    for (const socket of realtime.io?.sockets.sockets.values() ?? []) {
      socket.conn.close();
      dropped++;
    }
    res.json({ dropped });
  });
  router.post("/mail/probe", async (req, res) => {
    const parsed = ProbeMailCommand.safeParse(req.body);
    if (!parsed.success) return void bad(res, "Нужно { to: e-mail, note?, delayMs? }");
    const services = await start();
    const startAfter = new Date(services.clock.now().getTime() + parsed.data.delayMs);
    const id = await services.db.transaction((tx) =>
      enqueueMail(tx, services, { to: parsed.data.to, template: "probe", data: { note: parsed.data.note } }, { startAfter }),
    );
    res.json({ id, startAfter: startAfter.toISOString() });
  });
  router.get("/outbox", async (_req, res) => {
    const { db } = await start();
    res.json(await db.select().from(mailOutbox).orderBy(desc(mailOutbox.at)).limit(100));
  });
  return router;
}
