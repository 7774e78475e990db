/** zod schemas of event forms and queries (browser-safe). */
import { z } from "zod";

const Uuid = z.string().uuid("Неверная ссылка.");
export const EVENT_TYPE_CODES = ["webinar", "seminar", "problem_seminar", "conference", "master_class", "discussion_platform"] as const;
export const EVENT_FORMAT_CODES = ["online", "offline", "hybrid"] as const;
export const EVENT_AUDIENCE_CODES = ["open", "region", "communities"] as const;

/** How many sessions (days) the form offers. */
export const MAX_SESSIONS = 5;
export const MAX_QUESTIONS = 10;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The catalogue's filters from the query string; anything malformed is simply ignored. */
export const CatalogueQuery = z.object({
  when: z.enum(["upcoming", "past"]).catch("upcoming"),
  view: z.enum(["list", "month"]).catch("list"),
  /** "2026-04" for the month view. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  type: z.enum(EVENT_TYPE_CODES).optional().catch(undefined),
  format: z.enum(EVENT_FORMAT_CODES).optional().catch(undefined),
  region: Uuid.optional().catch(undefined),
  community: Uuid.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

/** One session as entered: a date and times in the organiser's zone. */
export interface SessionInput {
  date: string;
  start: string;
  end: string;
}

export interface QuestionInput {
  label: string;
  kind: "text" | "choice";
  options: string[];
  required: boolean;
}

/**
 * Questions from the organiser's textarea, one per line: «Вопрос» is free text, «Вопрос: вариант 1;
 * вариант 2» offers a choice; a leading «*» makes the answer required.
 */
export function parseQuestionLines(text: string): QuestionInput[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const required = line.startsWith("*");
      const body = required ? line.slice(1).trim() : line;
      const colon = body.indexOf(":");
      const options = colon > 0 ? body.slice(colon + 1).split(";").map((o) => o.trim()).filter(Boolean) : [];
      if (options.length >= 2) return { label: body.slice(0, colon).trim(), kind: "choice" as const, options, required };
      return { label: body, kind: "text" as const, options: [], required };
    });
}

/** The inverse of {@link parseQuestionLines}, for the edit form. */
export function questionLines(questions: readonly QuestionInput[]): string {
  return questions.map((q) => `${q.required ? "* " : ""}${q.label}${q.kind === "choice" ? `: ${q.options.join("; ")}` : ""}`).join("\n");
}

/** Speakers from a textarea, one per line: «Имя — о спикере». */
export function parseSpeakerLines(text: string): { name: string; about?: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(/\s+[—–-]\s+/);
      const about = rest.join(" — ").trim();
      return about ? { name: name!.trim(), about } : { name: name!.trim() };
    });
}

const many = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The event form. Sessions come as `session{N}Date`, `session{N}Start`, `session{N}End`; an empty
 * row is skipped. Multi-selects (`communityIds`, `practiceIds`) arrive as arrays from the action.
 */
export const EventForm = z
  .object({
    title: z.string().trim().min(5, "Название — не короче 5 символов.").max(200, "Название — не длиннее 200 символов."),
    type: z.enum(EVENT_TYPE_CODES, { error: "Выберите вид мероприятия." }),
    format: z.enum(EVENT_FORMAT_CODES, { error: "Выберите формат." }),
    summary: z.string().trim().min(20, "Опишите мероприятие хотя бы в паре предложений (от 20 символов).").max(1000, "Краткое описание — не длиннее 1000 символов."),
    programme: z.string().max(200_000).optional(),
    programmeText: z.string().max(40_000).optional(),
    onlineUrl: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "Укажите ссылку, начинающуюся с https://" }).max(500).optional()),
    venue: z.preprocess(emptyToUndefined, z.string().trim().max(300, "Адрес — не длиннее 300 символов.").optional()),
    organisationId: z.string({ error: "Выберите организацию." }).uuid("Выберите организацию."),
    audience: z.enum(EVENT_AUDIENCE_CODES, { error: "Выберите, для кого мероприятие." }),
    audienceRegionId: z.preprocess(emptyToUndefined, Uuid.optional()),
    communityIds: z.preprocess(many, z.array(Uuid).max(20, "Не больше 20 сообществ.")),
    practiceIds: z.preprocess(many, z.array(Uuid).max(20, "Не больше 20 практик.")),
    capacity: z.preprocess(emptyToUndefined, z.coerce.number({ error: "Укажите число мест." }).int("Укажите целое число мест.").min(1, "Мест — хотя бы одно.").max(100_000).optional()),
    speakers: z.string().max(4000).optional().default(""),
    questions: z.string().max(4000).optional().default(""),
    ...Object.fromEntries(
      Array.from({ length: MAX_SESSIONS }, (_, i) => [
        [`session${i}Date`, z.preprocess(emptyToUndefined, z.string().regex(DATE, "Дата в формате ГГГГ-ММ-ДД.").optional())],
        [`session${i}Start`, z.preprocess(emptyToUndefined, z.string().regex(TIME, "Время в формате ЧЧ:ММ.").optional())],
        [`session${i}End`, z.preprocess(emptyToUndefined, z.string().regex(TIME, "Время в формате ЧЧ:ММ.").optional())],
      ]).flat(),
    ) as Record<string, z.ZodType<string | undefined>>,
  })
  .superRefine((v, ctx) => {
    const raw = v as Record<string, unknown>;
    let sessions = 0;
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const [d, s, e] = [raw[`session${i}Date`], raw[`session${i}Start`], raw[`session${i}End`]];
      if (!d && !s && !e) continue;
      sessions++;
      if (!d) ctx.addIssue({ code: "custom", path: [`session${i}Date`], message: "Укажите дату." });
      if (!s) ctx.addIssue({ code: "custom", path: [`session${i}Start`], message: "Укажите время начала." });
      if (!e) ctx.addIssue({ code: "custom", path: [`session${i}End`], message: "Укажите время окончания." });
      if (s && e && String(e) <= String(s)) ctx.addIssue({ code: "custom", path: [`session${i}End`], message: "Окончание — позже начала." });
    }
    if (sessions === 0) ctx.addIssue({ code: "custom", path: ["session0Date"], message: "Укажите дату и время хотя бы одного дня." });
    if (v.format !== "offline" && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "Укажите ссылку на трансляцию." });
    if (v.format !== "online" && !v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "Укажите место проведения." });
    if (v.audience === "region" && !v.audienceRegionId) ctx.addIssue({ code: "custom", path: ["audienceRegionId"], message: "Выберите регион." });
    if (v.audience === "communities" && v.communityIds.length === 0) ctx.addIssue({ code: "custom", path: ["communityIds"], message: "Выберите хотя бы одно сообщество." });
    const questions = parseQuestionLines(v.questions);
    if (questions.length > MAX_QUESTIONS) ctx.addIssue({ code: "custom", path: ["questions"], message: `Не больше ${MAX_QUESTIONS} вопросов.` });
    if (questions.some((q) => q.label.length < 2 || q.label.length > 300)) ctx.addIssue({ code: "custom", path: ["questions"], message: "Каждый вопрос — от 2 до 300 символов." });
  })
  .transform((v) => {
    const raw = v as Record<string, unknown>;
    const sessions: SessionInput[] = [];
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const d = raw[`session${i}Date`];
      if (d) sessions.push({ date: String(d), start: String(raw[`session${i}Start`]), end: String(raw[`session${i}End`]) });
    }
    return {
      title: v.title,
      type: v.type,
      format: v.format,
      summary: v.summary,
      programme: v.programme,
      programmeText: v.programmeText,
      onlineUrl: v.format === "offline" ? undefined : v.onlineUrl,
      venue: v.format === "online" ? undefined : v.venue,
      organisationId: v.organisationId,
      audience: v.audience,
      audienceRegionId: v.audience === "region" ? v.audienceRegionId : undefined,
      communityIds: v.communityIds,
      practiceIds: v.practiceIds,
      capacity: v.capacity,
      speakers: parseSpeakerLines(v.speakers),
      questions: parseQuestionLines(v.questions),
      sessions,
    };
  });
export type EventInput = z.infer<typeof EventForm>;

/** Forms of an event's page. */
export const EventPageAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("register") }).passthrough(),
  z.object({ intent: z.literal("unregister") }),
  z.object({ intent: z.literal("cancel-event") }),
]);

/** Forms of "мои мероприятия": the personal calendar feed. */
export const FeedAction = z.object({ intent: z.enum(["feed-create", "feed-revoke"]) });
