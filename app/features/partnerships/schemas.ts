/** zod schemas of partnership forms (browser-safe). */
import { z } from "zod";
import { SUBJECT_CODES, TOPIC_CODES } from "~/features/vocabulary";
import { PARTNERSHIP_MEMBER_ROLES } from "./vocabulary.ts";

const Uuid = z.string().uuid("Неверная ссылка.");
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Дата в формате ГГГГ-ММ-ДД.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Такой даты нет.");
const optionalDate = z.preprocess(emptyToUndefined, IsoDate.optional());
const text = (max: number, min = 1, message = "Заполните поле.") => z.string().trim().min(min, message).max(max, `Не длиннее ${max} символов.`);

export const ProposeForm = z.object({
  leaderOrgId: Uuid,
  partnerOrgId: Uuid,
  goals: z.preprocess((v) => v ?? "", z.string().trim().max(2000, "Не длиннее 2000 символов.")),
});
export type ProposeInput = z.infer<typeof ProposeForm>;

const AgreementFields = z.object({
    agreementNumber: z.preprocess(emptyToUndefined, z.string().trim().max(60, "Не длиннее 60 символов.").optional()),
    agreementDate: optionalDate,
    periodStart: optionalDate,
    periodEnd: optionalDate,
    goals: z.preprocess((v) => v ?? "", z.string().trim().max(2000, "Не длиннее 2000 символов.")),
    curatorId: z.preprocess(emptyToUndefined, Uuid.optional()),
});
export type AgreementInput = z.infer<typeof AgreementFields>;

export const MemberForm = z.object({ userId: Uuid, role: z.enum(PARTNERSHIP_MEMBER_ROLES, { error: "Выберите роль в партнёрстве." }) });
export const PairForm = z.object({
  mentorId: Uuid,
  menteeId: Uuid,
  goals: text(2000, 5, "Опишите цели пары (от 5 символов)."),
});
export const MeetingForm = z.object({
  pairId: Uuid,
  heldOn: IsoDate,
  summary: text(3000, 5, "Опишите встречу (от 5 символов)."),
  nextSteps: z.preprocess((v) => v ?? "", z.string().trim().max(2000, "Не длиннее 2000 символов.")),
  progress: z.coerce.number({ error: "Укажите прогресс в процентах." }).int().min(0, "От 0 до 100.").max(100, "От 0 до 100."),
});
export type MeetingInput = z.infer<typeof MeetingForm>;

export const VisitForm = z.object({
  observedId: Uuid,
  visitedOn: IsoDate,
  className: text(20),
  subjectCode: z.enum(SUBJECT_CODES, { error: "Выберите предмет." }),
  topic: text(300),
  focus: text(1000),
  strengths: text(3000),
  recommendations: text(3000),
  nextSteps: text(2000),
});
export type VisitInput = z.infer<typeof VisitForm>;

export const CloseForm = z.object({
  to: z.enum(["declined", "ended", "completed"]),
  reason: z.preprocess((v) => v ?? "", z.string().trim().max(1000, "Не длиннее 1000 символов.")),
});

/** The partnership page's actions (all plain forms). */
export const PartnershipAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("confirm") }),
  CloseForm.extend({ intent: z.literal("close") }),
  AgreementFields.extend({ intent: z.literal("agreement") }),
  MemberForm.extend({ intent: z.literal("member") }),
  z.object({ intent: z.literal("remove-member"), userId: Uuid }),
  PairForm.extend({ intent: z.literal("pair") }),
  MeetingForm.extend({ intent: z.literal("meeting") }),
  VisitForm.extend({ intent: z.literal("visit") }),
]);

export const StrengthsForm = z.object({ topics: z.array(z.enum(TOPIC_CODES, { error: "Неизвестная тема." })).max(TOPIC_CODES.length) });
