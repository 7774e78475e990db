/** zod schemas of plan forms (browser-safe). */
import { z } from "zod";
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, PLAN_OWNER_KINDS } from "./vocabulary.ts";

const Uuid = z.string().uuid("Неверная ссылка.");
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Дата в формате ГГГГ-ММ-ДД.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Такой даты нет.");
const optionalDate = z.preprocess(emptyToUndefined, IsoDate.optional());
const text = (max: number, min = 1, message = "Заполните поле.") => z.string().trim().min(min, message).max(max, `Не длиннее ${max} символов.`);
const optionalText = (max: number) => z.preprocess((v) => v ?? "", z.string().trim().max(max, `Не длиннее ${max} символов.`));

export const SchoolYear = z.string().trim().regex(/^(\d{4})\/(\d{4})$/, "Учебный год в виде «2026/2027».").refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, "Годы должны идти подряд: «2026/2027».");

export const NewPlanForm = z.object({
  ownerKind: z.enum(PLAN_OWNER_KINDS, { error: "Неверный владелец плана." }),
  ownerId: Uuid,
  title: text(300, 3, "Назовите план (от 3 символов)."),
  schoolYear: SchoolYear,
  templateId: z.preprocess(emptyToUndefined, z.string().max(60).optional()),
});

const ItemFields = z.object({
  number: optionalText(20),
  title: text(1000, 2, "Опишите мероприятие (от 2 символов)."),
});

export const PlanAction = z.discriminatedUnion("intent", [
  ItemFields.extend({ intent: z.literal("section") }),
  ItemFields.extend({
    intent: z.literal("activity"),
    activityType: z.preprocess(emptyToUndefined, z.enum(ACTIVITY_TYPES, { error: "Выберите тип из списка." }).optional()),
    termLabel: optionalText(200),
    termStart: optionalDate,
    termEnd: optionalDate,
    responsibleText: optionalText(500),
    expectedResult: optionalText(2000),
  }).refine((v) => !v.termStart || !v.termEnd || v.termEnd >= v.termStart, { message: "Окончание срока — не раньше начала.", path: ["termEnd"] }),
  z.object({ intent: z.literal("publish"), published: z.enum(["yes", "no"]) }),
]);

export const ItemAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), status: z.enum(ACTIVITY_STATUSES, { error: "Выберите статус." }) }),
  z.object({ intent: z.literal("person"), userId: Uuid }),
  z.object({ intent: z.literal("remove-person"), userId: Uuid }),
  z.object({ intent: z.literal("report"), actualResult: text(5000, 2, "Опишите фактический результат (от 2 символов)."), markDone: z.preprocess((v) => v === "yes", z.boolean()) }),
  z.object({
    intent: z.literal("evidence"),
    url: z
      .string()
      .trim()
      .max(2000, "Не длиннее 2000 символов.")
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) || /^\/(events|library)\/[0-9a-f-]{36}\/?$/i.test(u), "Ссылка должна начинаться с https:// или вести на мероприятие (/events/…) или практику (/library/…) платформы."),
    label: optionalText(300),
  }),
]);

export const ReportQuery = z.object({ quarter: z.string().regex(/^\d{4}-[1-4]$/).optional().catch(undefined) });
