/** Inputs of the library, shared by forms and the server (browser-safe). */
import { z } from "zod";
import { GRADE_BANDS, SUBJECT_CODES, TOPIC_CODES } from "../vocabulary/index.ts";
import { KIND_LABELS, RUBRIC_CODES, SCORE_MAX, SCORE_MIN } from "./strings.ts";

/** Kind codes as the database stores them (db/schema/library.ts PRACTICE_KINDS; a test compares them). */
export const KIND_CODES = Object.keys(KIND_LABELS) as [keyof typeof KIND_LABELS, ...(keyof typeof KIND_LABELS)[]];

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(emptyToUndefined, t.optional()).catch(undefined);

export const GRADE_BAND_CODES = GRADE_BANDS.map((b) => b.code) as [string, ...string[]];
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 1000;

/** The practice form (new and edit). Lists arrive as repeated fields; the body as `body` (JSON) or `bodyText`. */
export const PracticeForm = z.object({
  kind: z.enum(KIND_CODES, { error: "Выберите вид материала." }),
  title: z.string({ error: "Укажите название." }).trim().min(5, "Название — хотя бы 5 символов.").max(TITLE_MAX, `Название — не длиннее ${TITLE_MAX} символов.`),
  summary: z.string({ error: "Напишите краткое описание." }).trim().min(20, "Краткое описание — хотя бы 20 символов: о чём практика и какой результат она даёт.").max(SUMMARY_MAX, `Краткое описание — не длиннее ${SUMMARY_MAX} символов.`),
  body: z.string().max(200_000).optional(),
  bodyText: z.string().max(40_000).optional(),
  subjects: z.array(z.enum(SUBJECT_CODES, { error: "Выберите предметы из списка." })).min(1, "Выберите хотя бы один предмет или направление.").max(SUBJECT_CODES.length),
  gradeBands: z.array(z.enum(GRADE_BAND_CODES, { error: "Выберите классы из списка." })).min(1, "Выберите классы, для которых практика.").max(GRADE_BAND_CODES.length),
  themes: z.array(z.enum(TOPIC_CODES, { error: "Выберите темы из списка." })).min(1, "Выберите хотя бы одну тему.").max(6, "Выберите не больше 6 тем."),
  organisationId: z.preprocess(emptyToUndefined, z.uuid("Выберите организацию из списка.").optional()),
  coauthors: z.array(z.uuid("Выберите соавтора из списка.")).max(10, "Не больше 10 соавторов.").default([]),
});
export type PracticeInput = z.infer<typeof PracticeForm>;

const LIST_FIELDS = ["subjects", "gradeBands", "themes", "coauthors"] as const;

/** Reads a practice form: repeated checkboxes become arrays, files are ignored. */
export function practiceFormObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(LIST_FIELDS as readonly string[]).includes(k)) out[k] = v;
  for (const k of LIST_FIELDS) out[k] = form.getAll(k).filter((v) => typeof v === "string" && v !== "");
  return out;
}

/** Filters of the library page (GET parameters; anything malformed is ignored). */
export const LibraryQuery = z.object({
  subject: optional(z.enum(SUBJECT_CODES)),
  band: optional(z.enum(GRADE_BAND_CODES)),
  theme: optional(z.enum(TOPIC_CODES)),
  kind: optional(z.enum(KIND_CODES)),
  region: optional(z.uuid()),
  q: optional(z.string().trim().max(100)),
  sort: z.enum(["new", "useful", "title"]).catch("new"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type LibraryFilter = z.infer<typeof LibraryQuery>;

/** The edit page's forms besides saving: submit for review, remove a file. */
export const EditAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("remove-file"), attachmentId: z.uuid("Файл не найден.") }),
]);

/** The practice page's forms. */
export const PracticeAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["bookmark", "unbookmark", "useful", "not-useful"]) }),
  z.object({ intent: z.literal("comment"), clientId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/), body: z.string().max(200_000).optional(), bodyText: z.string().max(40_000).optional() }),
]);

const score = z.coerce.number({ error: "Оценка — число от 1 до 5." }).int().min(SCORE_MIN, `Оценка — от ${SCORE_MIN} до ${SCORE_MAX}.`).max(SCORE_MAX, `Оценка — от ${SCORE_MIN} до ${SCORE_MAX}.`);

/** The review page: take the practice, or decide with the rubric. */
export const ReviewAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("take") }),
  z.object({
    intent: z.literal("decide"),
    decision: z.enum(["accept", "return"], { error: "Выберите решение." }),
    comment: z.string().trim().max(5000, "Комментарий — не длиннее 5000 символов.").default(""),
    ...Object.fromEntries(RUBRIC_CODES.flatMap((c) => [[`score_${c}`, z.preprocess(emptyToUndefined, score.optional())], [`comment_${c}`, z.string().trim().max(2000, "Не длиннее 2000 символов.").default("")]])),
  }),
]);

/** What the review command takes: scores per criterion (missing ones are refused on acceptance). */
export interface ReviewDecision {
  decision: "accept" | "return";
  comment: string;
  criteria: Partial<Record<(typeof RUBRIC_CODES)[number], { score?: number; comment: string }>>;
}

/** The decide form's flat fields as a decision. */
export function reviewDecisionOf(d: Record<string, unknown>): ReviewDecision {
  const criteria: ReviewDecision["criteria"] = {};
  for (const c of RUBRIC_CODES) criteria[c] = { score: d[`score_${c}`] as number | undefined, comment: String(d[`comment_${c}`] ?? "") };
  return { decision: d.decision as "accept" | "return", comment: String(d.comment ?? ""), criteria };
}
