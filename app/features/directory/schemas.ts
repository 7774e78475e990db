import { z } from "zod";
import { POSITIONS } from "./strings";

const Uuid = z.string().uuid("Неверная ссылка.");

export const OrganisationsQuery = z.object({
  region: Uuid.optional().catch(undefined),
  municipality: Uuid.optional().catch(undefined),
  kind: z.enum(["school", "body"]).optional().catch(undefined),
  flag: z.enum(["lowResults", "adverseConditions", "leading", "trainingSite", "project500"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export const OrganisationAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("join"), position: z.enum(POSITIONS, { error: "Выберите должность из списка." }) }),
  z.object({ intent: z.literal("decide"), membershipId: Uuid, decision: z.enum(["confirm", "decline"]), reason: z.string().trim().max(500).optional() }),
  z.object({ intent: z.literal("request-admin"), reason: z.string().trim().min(5, "Напишите, на каком основании вы администрируете школу (например, номер приказа).").max(500) }),
]);

export const RequestsAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("decide"), requestId: Uuid, decision: z.enum(["confirm", "decline"]), reason: z.string().trim().min(3, "Укажите основание решения.").max(500) }),
  z.object({
    intent: z.literal("assign"),
    email: z.string().trim().toLowerCase().email("Введите адрес электронной почты."),
    target: z.string().regex(/^(expert|coordinator|school_admin)\|(region|municipality|organisation)\|[0-9a-f-]{36}$/, "Выберите роль из списка."),
    reason: z.string().trim().min(3, "Укажите основание назначения.").max(500),
  }),
  z.object({ intent: z.literal("withdraw"), grantId: Uuid, reason: z.string().trim().min(3, "Укажите основание.").max(500) }),
]);
