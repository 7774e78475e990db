/**
 * Writes of the import pages: storing an upload with its preview, and confirming it (the job in
 * `run.server.ts` then writes the list into the directory).
 */
import { and, eq } from "drizzle-orm";
import { data } from "react-router";
import { regions, schoolImports } from "../../../../db/schema/index.ts";
import { appendEvent } from "../../../../server/events/store.ts";
import { enqueue } from "../../../../server/jobs/queues.ts";
import type { AppServices } from "../../../services.server.ts";
import type { Viewer } from "../../accounts/viewer.server.ts";
import { IMPORT_APPLY_JOB } from "../import-jobs.server.ts";
import { previewImport } from "./import.server.ts";
import { IMPORT_UI } from "./messages.ts";
import { requireImportInRegion } from "./policy.server.ts";
import { detectedOf, previewCounts } from "./preview-view.server.ts";
import { IMPORT_EVENTS, importStreamKey } from "./progress.ts";
import { displayFileName, type ImportUpload } from "./schemas.ts";
import type { StoredSummary } from "./view.ts";

export type UploadResult = { ok: true; id: string; status: "previewed" | "rejected" } | { ok: false; field: keyof ImportUpload; error: string };

/**
 * Stores an uploaded list with its preview: status «previewed» when it can be applied, «rejected»
 * with every Russian message when the file is unreadable or has errors. Writes nothing else: the
 * directory changes only after the coordinator confirms.
 *
 * @param services - The app's services.
 * @param viewer - A signed-in person; 403 unless they may load lists into the chosen region.
 * @param upload - The parsed form (region, school year, clearAbsent, file).
 * @returns The new upload's id, or a field error for a region that does not exist.
 */
export async function uploadImport(services: Pick<AppServices, "db" | "clock">, viewer: Viewer & { id: string }, upload: ImportUpload): Promise<UploadResult> {
  requireImportInRegion(viewer, upload.regionId);
  const { db, clock } = services;
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, upload.regionId));
  if (!region) return { ok: false, field: "regionId", error: IMPORT_UI.regionInvalid };

  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  const fileName = displayFileName(upload.file.name);
  const preview = await previewImport(db, { bytes, name: fileName }, { regionId: upload.regionId, schoolYear: upload.schoolYear });
  const summary: StoredSummary = preview.table ? { detected: detectedOf(preview.table), preview: previewCounts(preview) } : {};
  const status = preview.ok ? "previewed" : "rejected";
  const [row] = await db
    .insert(schoolImports)
    .values({
      regionId: upload.regionId,
      schoolYear: upload.schoolYear,
      fileName,
      file: bytes,
      status,
      clearAbsent: upload.clearAbsent,
      summary,
      errors: preview.ok ? null : preview.errors,
      createdBy: viewer.id,
      createdAt: clock.now(),
      finishedAt: preview.ok ? null : clock.now(),
    })
    .returning({ id: schoolImports.id });
  return { ok: true, id: row!.id, status };
}

/**
 * Confirms a previewed upload: in one transaction marks it «applying», appends the first progress
 * event and enqueues the job that writes it. A second confirmation (a double click, a resent form)
 * changes nothing. An upload with errors cannot be confirmed: only «previewed» ones are.
 *
 * @param services - The app's services (the job is sent through the transaction).
 * @param viewer - 403 unless they may load lists into the upload's region.
 * @param importId - A checked upload id.
 * @returns Whether this call started the work.
 * @throws 404 for an unknown upload, 409 for one that was refused.
 */
export async function confirmImport(services: Pick<AppServices, "db" | "clock" | "jobs">, viewer: Viewer, importId: string): Promise<{ started: boolean }> {
  return services.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ regionId: schoolImports.regionId, status: schoolImports.status })
      .from(schoolImports)
      .where(eq(schoolImports.id, importId))
      .for("update");
    if (!row) throw data(IMPORT_UI.notFound, { status: 404 });
    requireImportInRegion(viewer, row.regionId);
    if (row.status === "rejected") throw data(IMPORT_UI.rejectedAlert("есть ошибки"), { status: 409 });
    if (row.status !== "previewed") return { started: false };
    const now = services.clock.now();
    await tx
      .update(schoolImports)
      .set({ status: "applying" })
      .where(and(eq(schoolImports.id, importId), eq(schoolImports.status, "previewed")));
    await appendEvent(tx, { stream: importStreamKey(importId), type: IMPORT_EVENTS.progress, payload: { phase: "queued" }, at: now });
    await enqueue(tx, services, IMPORT_APPLY_JOB, { importId });
    return { started: true };
  });
}
