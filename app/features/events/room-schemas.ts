/** zod schemas of the live room's forms (browser-safe). */
import { z } from "zod";

const Uuid = z.string().uuid("Неверная ссылка.");
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** Control characters other than tab and line breaks: PostgreSQL refuses NUL in text, and none belongs in a question. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Plain user text: control characters dropped before the checks. */
const plain = (schema: z.ZodString) => z.preprocess((v) => (typeof v === "string" ? v.replace(CONTROLS, "") : v), schema);

export const QUESTION_MAX = 500;
export const MATERIALS_MAX = 5000;
export const FEEDBACK_MAX = 2000;

/** Every form of the room page, by its `intent`. */
export const RoomAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("ask"), body: plain(z.string().trim().min(3, "Напишите вопрос (не короче 3 символов).").max(QUESTION_MAX, `Вопрос не длиннее ${QUESTION_MAX} символов.`)) }),
  z.object({ intent: z.literal("vote"), questionId: Uuid }),
  z.object({ intent: z.literal("answered"), questionId: Uuid }),
  z.object({ intent: z.literal("open-code"), sessionId: Uuid }),
  z.object({ intent: z.literal("check-in"), code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,12}$/, "Введите код из 4–12 букв и цифр, как его объявил организатор.") }),
  z.object({ intent: z.literal("attendance"), sessionId: Uuid, userIds: z.array(Uuid).max(2000).default([]) }),
  z.object({
    intent: z.literal("materials"),
    recordingUrl: z.preprocess(emptyToUndefined, z.string().trim().max(500).url("Ссылка должна начинаться с https:// или http://.").refine((u) => /^https?:\/\//i.test(u), "Ссылка должна начинаться с https:// или http://.").optional()),
    materials: plain(z.string().trim().max(MATERIALS_MAX, `Не длиннее ${MATERIALS_MAX} символов.`)).default(""),
  }),
  z.object({
    intent: z.literal("feedback"),
    rating: z.coerce.number({ message: "Поставьте оценку от 1 до 5." }).int().min(1, "Поставьте оценку от 1 до 5.").max(5, "Поставьте оценку от 1 до 5."),
    comment: plain(z.string().trim().max(FEEDBACK_MAX, `Не длиннее ${FEEDBACK_MAX} символов.`)).default(""),
  }),
  z.object({ intent: z.literal("certificate") }),
  z.object({ intent: z.literal("open-chat") }),
]);
export type RoomActionInput = z.infer<typeof RoomAction>;

/** A certificate's public code: 20 characters of an unambiguous alphabet. */
export const CertificateCode = z.string().regex(/^[0-9A-HJ-NP-Z]{20}$/);
