/** Every queue of the platform; a capability adds its jobs here. */
import { MAIL_JOB } from "../server/jobs/queues.ts";
import { PASSWORD_RESET_REQUEST_JOB } from "./features/accounts/jobs.server.ts";
import { IMPORT_APPLY_JOB } from "./features/directory/import-jobs.server.ts";

export const JOBS = [MAIL_JOB, PASSWORD_RESET_REQUEST_JOB, IMPORT_APPLY_JOB] as const;
