/** Background jobs of the directory. */
import { z } from "zod";
import { defineJob } from "../../../server/jobs/queues.ts";
import { applyStoredImport } from "./import/run.server.ts";

/**
 * Writes a confirmed school list into the directory, reporting progress on `import:<id>`. The
 * outcome is recorded on the upload, never thrown, so a retry happens only after a crash (and then
 * finishes the same upload: the write is idempotent).
 */
export const IMPORT_APPLY_JOB = defineJob({
  name: "directory.import-apply",
  schema: z.object({ importId: z.uuid() }),
  options: { retryLimit: 2, retryDelay: 10, expireInSeconds: 15 * 60 },
  async run({ importId }, services) {
    await applyStoredImport(services, importId);
  },
});
