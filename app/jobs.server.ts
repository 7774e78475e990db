/** Every queue of the platform; a capability adds its jobs here. */
import { MAIL_JOB } from "../server/jobs/queues.ts";
import { PASSWORD_RESET_REQUEST_JOB } from "./features/accounts/jobs.server.ts";
import { IMPORT_APPLY_JOB } from "./features/directory/import-jobs.server.ts";
import { EVENT_REMINDER_JOB } from "./features/events/reminders.server.ts";
import { PLAN_REMINDER_JOB } from "./features/plans/reminders.server.ts";
import { DIGEST_SWEEP_JOB } from "./features/notifications/digest.server.ts";

export const JOBS = [MAIL_JOB, PASSWORD_RESET_REQUEST_JOB, IMPORT_APPLY_JOB, EVENT_REMINDER_JOB, PLAN_REMINDER_JOB, DIGEST_SWEEP_JOB] as const;
