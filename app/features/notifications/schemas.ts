import { z } from "zod";
import { NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type EmailChannel, type NotificationKind } from "./catalogue.ts";

/** The forms of the notifications page. */
export const NotificationsAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.uuid({ error: "Уведомление не найдено." }) }),
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("open"), id: z.uuid({ error: "Уведомление не найдено." }) }),
]);

/** The settings form: one channel per kind, only channels the kind offers. */
export const NotificationSettingsForm = z.object(
  Object.fromEntries(
    NOTIFICATION_KIND_LIST.map((kind) => [kind, z.enum(NOTIFICATION_KINDS[kind].channels as [EmailChannel, ...EmailChannel[]], { error: "Выберите, как присылать эти уведомления." })]),
  ) as unknown as Record<NotificationKind, z.ZodType<EmailChannel>>,
);

/**
 * An unsubscribe request: the token (from the form or the link's query) and, from mail clients'
 * one-click (RFC 8058), the body `List-Unsubscribe=One-Click`.
 */
export const UnsubscribeForm = z.object({
  token: z.string({ error: "В ссылке нет ключа отписки." }).min(20, { error: "Ссылка для отписки неполная." }).max(1000, { error: "Ссылка для отписки повреждена." }),
  "List-Unsubscribe": z.literal("One-Click").optional(),
});
