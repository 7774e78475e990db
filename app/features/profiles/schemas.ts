import { z } from "zod";
import { GRADES, POSITIONS, SUBJECT_CODES, TOPIC_CODES } from "../vocabulary/index.ts";
import { PUBLIC_FIELDS } from "./fields.ts";
import { REGION_ZONES } from "~/utils/timezones";

const ZONES = REGION_ZONES.map((z) => z.timeZone) as [string, ...string[]];
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const BIO_MAX = 1000;

/** The profile form, shared by the page and the server. Lists arrive as repeated form fields. */
export const ProfileForm = z.object({
  name: z.string().trim().min(2, "Укажите имя и фамилию.").max(120, "Не длиннее 120 символов."),
  position: z.preprocess(emptyToUndefined, z.enum(POSITIONS, { error: "Выберите должность из списка." }).optional()),
  organisationId: z.preprocess(emptyToUndefined, z.string().uuid("Выберите организацию из справочника.").optional()),
  subjects: z.array(z.enum(SUBJECT_CODES, { error: "Выберите предметы из списка." })).max(SUBJECT_CODES.length).default([]),
  grades: z.array(z.coerce.number().int().refine((g) => (GRADES as readonly number[]).includes(g), "Классы — от 1 до 11.")).default([]),
  experienceYears: z.preprocess(emptyToUndefined, z.coerce.number({ error: "Стаж — целое число лет." }).int("Стаж — целое число лет.").min(0, "Стаж не может быть отрицательным.").max(70, "Проверьте стаж: не больше 70 лет.").optional()),
  canHelp: z.array(z.enum(TOPIC_CODES, { error: "Выберите темы из списка." })).max(10, "Выберите не больше 10 тем.").default([]),
  needsHelp: z.array(z.enum(TOPIC_CODES, { error: "Выберите темы из списка." })).max(10, "Выберите не больше 10 тем.").default([]),
  timeZone: z.preprocess(emptyToUndefined, z.enum(ZONES, { error: "Выберите часовой пояс из списка." }).optional()),
  bio: z.preprocess(emptyToUndefined, z.string().trim().max(BIO_MAX, `Не длиннее ${BIO_MAX} символов.`).optional()),
  publicFields: z.array(z.enum(PUBLIC_FIELDS)).default([]),
});
export type ProfileInput = z.infer<typeof ProfileForm>;

const LIST_FIELDS = ["subjects", "grades", "canHelp", "needsHelp", "publicFields"] as const;

/** Reads the profile form: repeated checkboxes become arrays. */
export function profileFormObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(LIST_FIELDS as readonly string[]).includes(k)) out[k] = v;
  for (const k of LIST_FIELDS) out[k] = form.getAll(k).filter((v) => typeof v === "string");
  return out;
}

const Uuid = z.string().uuid();
const optional = <T extends z.ZodType>(t: T) => z.preprocess(emptyToUndefined, t.optional()).catch(undefined);

/** Filters of the people directory (GET parameters; anything malformed is ignored). */
export const PeopleQuery = z.object({
  region: optional(Uuid),
  municipality: optional(Uuid),
  organisation: optional(Uuid),
  subject: optional(z.enum(SUBJECT_CODES)),
  position: optional(z.enum(POSITIONS)),
  canHelp: optional(z.enum(TOPIC_CODES)),
  needsHelp: optional(z.enum(TOPIC_CODES)),
  q: optional(z.string().trim().max(100)),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type PeopleFilter = z.infer<typeof PeopleQuery>;

export const DeleteAccountForm = z.object({
  password: z.string().min(1, "Введите пароль."),
  confirm: z.literal("yes", { error: "Подтвердите, что понимаете последствия." }),
});
