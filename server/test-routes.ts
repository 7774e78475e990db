import express from "express";
import { z } from "zod";
import type { AppServices } from "../app/services.server.ts";

const ClockCommand = z.union([
  z.object({ advanceMs: z.number().int().min(0).max(400 * 24 * 3600 * 1000) }),
  z.object({ set: z.string().datetime() }),
]);

/**
 * Test-only endpoints, mounted only when MOST_TEST_MODE is on (404 otherwise): read and move the
 * business clock, so a browser test can pass a deadline inside the server.
 */
export function testRoutes(start: () => Promise<AppServices>): express.Router {
  const router = express.Router();
  router.get("/clock", async (_req, res) => {
    const { clock } = await start();
    res.json({ now: clock.now().toISOString() });
  });
  router.post("/clock", express.json({ limit: "4kb" }), async (req, res) => {
    const parsed = ClockCommand.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "Нужно { advanceMs: число } или { set: ISO-время }" });
      return;
    }
    const { clock } = await start();
    const now = "advanceMs" in parsed.data ? await clock.advance(parsed.data.advanceMs) : await clock.set(new Date(parsed.data.set));
    res.json({ now: now.toISOString() });
  });
  return router;
}
