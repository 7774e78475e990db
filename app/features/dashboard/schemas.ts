/** The dashboard's query string: scope, period (a preset or custom days), and the export's table and format. */
import { z } from "zod";
import { addDays, periodDays, presetPeriod, quarterOfDay, type Period } from "./periods.ts";
import type { DashboardScope } from "./scope.server.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d);

export const DashboardQuery = z.object({
  scope: z
    .string()
    .regex(/^(platform|(region|municipality|school):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
    .optional(),
  period: z.string().max(20).optional(),
  from: z.union([day, z.literal("")]).optional(),
  /** The last day, inclusive (as people write «по 31 марта»). */
  to: z.union([day, z.literal("")]).optional(),
});

export const ExportQuery = z.object({
  table: z.enum(["all", "indicators", "trend", "schools", "activities", "events"]).catch("all"),
  format: z.enum(["csv", "xlsx"]).catch("xlsx"),
});
export type ExportTable = z.infer<typeof ExportQuery>["table"];

export const MAX_PERIOD_DAYS = 5 * 366;

/** The scope asked for, or null for the viewer's default. */
export function parseScope(value: string | undefined): DashboardScope | null {
  if (!value) return null;
  if (value === "platform") return { kind: "platform" };
  const [kind, id] = value.split(":") as ["region" | "municipality" | "school", string];
  return { kind, id: id.toLowerCase() };
}

/**
 * The period asked for: a preset, custom days (`from`–`to` inclusive), or the current quarter.
 * Null for a malformed or too long custom range.
 */
export function parsePeriod(q: z.infer<typeof DashboardQuery>, today: string): Period | null {
  if (q.period && q.period !== "custom") return presetPeriod(q.period);
  if (q.period === "custom" || q.from || q.to) {
    if (!q.from || !q.to || q.from > q.to) return null;
    const p = { from: q.from, to: addDays(q.to, 1), key: "custom" };
    return periodDays(p) <= MAX_PERIOD_DAYS ? p : null;
  }
  return quarterOfDay(today);
}
