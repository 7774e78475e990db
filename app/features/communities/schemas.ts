/** zod schemas of community forms and queries (browser-safe). */
import { z } from "zod";
import { SUBJECT_CODES, TOPIC_CODES } from "~/features/vocabulary";

const Uuid = z.string().uuid("Неверная ссылка.");
const KIND = z.enum(["subject", "thematic", "role"]);
const SCOPE = z.enum(["municipal", "regional", "interregional"]);

/** The catalogue's filters from the query string; anything malformed is simply ignored. */
export const CatalogueQuery = z.object({
  kind: KIND.optional().catch(undefined),
  subject: z.enum(SUBJECT_CODES).optional().catch(undefined),
  topic: z.enum(TOPIC_CODES).optional().catch(undefined),
  scope: SCOPE.optional().catch(undefined),
  region: Uuid.optional().catch(undefined),
  mine: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["name", "activity", "members"]).catch("name"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The creation form. Kind-specific codes and the area are checked against each other. */
export const CreateCommunityForm = z
  .object({
    name: z.string().trim().min(5, "Название — не короче 5 символов.").max(120, "Название — не длиннее 120 символов."),
    description: z.string().trim().min(20, "Опишите сообщество хотя бы в паре предложений (от 20 символов).").max(2000, "Описание — не длиннее 2000 символов."),
    kind: z.enum(["subject", "thematic", "role"], { error: "Выберите вид сообщества." }),
    subjectCode: z.preprocess(emptyToUndefined, z.enum(SUBJECT_CODES, { error: "Выберите предмет из списка." }).optional()),
    topicCode: z.preprocess(emptyToUndefined, z.enum(TOPIC_CODES, { error: "Выберите тему из списка." }).optional()),
    scope: z.enum(["municipal", "regional", "interregional"], { error: "Выберите масштаб сообщества." }),
    regionId: z.preprocess(emptyToUndefined, Uuid.optional()),
    municipalityId: z.preprocess(emptyToUndefined, Uuid.optional()),
    visibility: z.enum(["open", "closed"], { error: "Выберите, открытое сообщество или закрытое." }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "subject" && !v.subjectCode) ctx.addIssue({ code: "custom", path: ["subjectCode"], message: "Выберите предмет." });
    if (v.kind === "thematic" && !v.topicCode) ctx.addIssue({ code: "custom", path: ["topicCode"], message: "Выберите тему." });
    if (v.scope === "regional" && !v.regionId) ctx.addIssue({ code: "custom", path: ["regionId"], message: "Выберите регион." });
    if (v.scope === "municipal" && !v.municipalityId) ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "Выберите муниципалитет." });
  })
  .transform((v) => ({
    ...v,
    subjectCode: v.kind === "subject" ? v.subjectCode : undefined,
    topicCode: v.kind === "thematic" ? v.topicCode : undefined,
    regionId: v.scope === "regional" ? v.regionId : undefined,
    municipalityId: v.scope === "municipal" ? v.municipalityId : undefined,
  }));
export type CreateCommunityInput = z.infer<typeof CreateCommunityForm>;

/** Actions of a community's page. */
export const CommunityAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("join"), note: z.string().trim().max(500, "Не длиннее 500 символов.").optional() }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
]);

/** Actions of a community's members page (moderators). */
export const MembersAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("decide"),
    userId: Uuid,
    decision: z.enum(["accept", "decline"]),
    reason: z.string().trim().max(500, "Не длиннее 500 символов.").optional(),
  }),
  z.object({ intent: z.literal("role"), userId: Uuid, role: z.enum(["member", "moderator"]) }),
  z.object({ intent: z.literal("remove"), userId: Uuid, reason: z.string().trim().min(3, "Укажите причину.").max(500) }),
  z.object({
    intent: z.literal("settings"),
    description: z.string().trim().min(20, "Опишите сообщество хотя бы в паре предложений (от 20 символов).").max(2000, "Описание — не длиннее 2000 символов."),
    visibility: z.enum(["open", "closed"], { error: "Выберите, открытое сообщество или закрытое." }),
  }),
]);
