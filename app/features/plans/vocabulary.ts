/**
 * The words of plans shared by the schema, the server and the browser: owners, item kinds,
 * activity types and statuses with their Russian labels.
 */
export const PLAN_OWNER_KINDS = ["partnership", "organisation", "municipality", "region"] as const;
export type PlanOwnerKind = (typeof PLAN_OWNER_KINDS)[number];

export const PLAN_ITEM_KINDS = ["section", "activity"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  planned: "Запланировано",
  in_progress: "Выполняется",
  done: "Выполнено",
  cancelled: "Отменено",
};

/** Types of a partnership's activities (the list); other plans use «другое» or none. */
export const ACTIVITY_TYPES = ["lesson_visits", "methodical_session", "master_class", "consultation", "teaching_partner_classes", "joint_planning", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Readonly<Record<ActivityType, string>> = {
  lesson_visits: "Взаимопосещение уроков",
  methodical_session: "Совместное методическое занятие",
  master_class: "Мастер-класс",
  consultation: "Консультация",
  teaching_partner_classes: "Преподавание в классах школы-партнёра",
  joint_planning: "Совместное планирование",
  other: "Другое",
};

export const OWNER_KIND_LABELS: Readonly<Record<PlanOwnerKind, string>> = {
  partnership: "Дорожная карта партнёрства",
  organisation: "План школы",
  municipality: "Муниципальный план",
  region: "Региональный план",
};
