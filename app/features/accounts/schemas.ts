import { z } from "zod";
import { REGION_ZONES } from "~/utils/timezones";

const ZONES = new Set(REGION_ZONES.map((z) => z.timeZone));

/** A same-site path to go back to; anything else falls back to the home page. */
export const ReturnTo = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/"));

/** The guest's (or a person's) choice of the zone in which times are shown. */
export const TimeZoneChoice = z.object({
  timeZone: z.string({ error: "Выберите часовой пояс." }).refine((tz) => ZONES.has(tz), {
    message: "Выберите часовой пояс из списка.",
  }),
  source: z.enum(["browser", "chosen"]).default("chosen"),
  returnTo: ReturnTo,
});
export type TimeZoneChoice = z.infer<typeof TimeZoneChoice>;
