/**
 * Applying a confirmed upload in the background: the stored file is read, validated and planned
 * again (the directory may have changed since the preview), then written in one transaction, with
 * progress events on the stream `import:<id>` (see `progress.server.ts` for what is live when).
 */
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../../db/client.ts";
import { schoolImports } from "../../../../db/schema/index.ts";
import { appendEvent } from "../../../../server/events/store.ts";
import type { AppServices } from "../../../services.server.ts";
import { applyImport, ImportRejectedError } from "./apply.server.ts";
import { IMPORT_UI } from "./messages.ts";
import { ImportFileError, readTable } from "./parse.server.ts";
import { loadImportContext, planImport } from "./plan.server.ts";
import { createProgressReporter } from "./progress.server.ts";
import { IMPORT_EVENTS, importStreamKey, type ImportFinishedPayload } from "./progress.ts";
import { validateRows } from "./validate.server.ts";
import { readSummary } from "./view.ts";

type Finished = ImportFinishedPayload["status"];

/** Sets the final status (only of an upload still «applying») and appends the final event, in `tx`. */
async function finish(tx: Tx, services: Pick<AppServices, "clock">, importId: string, status: Finished, fields: { errors?: string[]; summary?: Record<string, unknown> }) {
  const now = services.clock.now();
  await tx
    .update(schoolImports)
    .set({ status, finishedAt: now, ...fields })
    .where(and(eq(schoolImports.id, importId), eq(schoolImports.status, "applying")));
  await appendEvent(tx, { stream: importStreamKey(importId), type: IMPORT_EVENTS.finished, payload: { status } satisfies ImportFinishedPayload, at: now });
}

/**
 * Applies a confirmed upload. Runs only for an upload still «applying», so a repeated job (a retry
 * after a crash) finishes the work or does nothing; the upserts are idempotent anyway.
 *
 * The outcome is recorded, never thrown: «done» with the counts (in the same transaction as the
 * schools, so the page never shows «done» before they are visible), «rejected» with every Russian
 * message when the file no longer passes (nothing written), «failed» on any other error (nothing
 * written either: the write is all or nothing).
 *
 * @param services - The app's services (the job's).
 * @param importId - The upload to apply.
 * @returns The final status, or "skipped" when the upload was not waiting to be applied.
 */
export async function applyStoredImport(services: Pick<AppServices, "db" | "engine" | "clock" | "log">, importId: string): Promise<Finished | "skipped"> {
  const { db } = services;
  const [row] = await db.select().from(schoolImports).where(eq(schoolImports.id, importId));
  if (!row || row.status !== "applying") return "skipped";
  const progress = createProgressReporter(services, importId);
  const target = { regionId: row.regionId, schoolYear: row.schoolYear };
  try {
    await progress.phase({ phase: "read" });
    const table = await readTable(row.file, row.fileName);
    await progress.phase({ phase: "validate", rows: table.rows.length });
    const context = await loadImportContext(db, target.regionId, target.schoolYear);
    const validation = validateRows(table, context);
    await progress.phase({ phase: "plan", rows: table.rows.length });
    const plan = await planImport(db, validation, target);
    if (!plan.ok) throw new ImportRejectedError(plan.errors);
    await progress.phase({ phase: "write", rows: table.rows.length, done: 0, total: plan.items.length, live: progress.live });

    await db.transaction(async (tx) => {
      // A savepoint inside this transaction: the status and the final event commit with the schools.
      const result = await applyImport(tx, plan, { clearAbsent: row.clearAbsent, onProgress: progress.batch });
      await finish(tx, services, importId, "done", { summary: { ...readSummary(row.summary), result } });
    });
    return "done";
  } catch (error) {
    const rejected = error instanceof ImportRejectedError || error instanceof ImportFileError;
    if (!rejected) services.log.error({ err: error, importId }, "school list import failed");
    const errors = error instanceof ImportRejectedError ? [IMPORT_UI.rejectedLater, ...error.reasons] : rejected ? [IMPORT_UI.rejectedLater, (error as Error).message] : [IMPORT_UI.failed];
    const status: Finished = rejected ? "rejected" : "failed";
    await db.transaction((tx) => finish(tx, services, importId, status, { errors }));
    return status;
  }
}
