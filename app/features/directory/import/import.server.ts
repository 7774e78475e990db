/**
 * The import of schools in one call each for the routes: preview an uploaded file (read, validate,
 * plan), then apply the preview's plan. The steps stay available on their own in `parse.server.ts`,
 * `validate.server.ts`, `plan.server.ts` and `apply.server.ts`.
 */
import type { Executor } from "../../../../db/client.ts";
import { applyImport, ImportRejectedError, type ApplyOptions, type ImportSummary } from "./apply.server.ts";
import { ImportFileError, readTable, type ImportTable } from "./parse.server.ts";
import { loadImportContext, planImport, type ImportPlan, type ImportTarget } from "./plan.server.ts";
import { validateRows } from "./validate.server.ts";

export interface ImportPreview {
  /** True when applying the plan would be accepted. */
  ok: boolean;
  /** Every message: an unreadable file's one message, or the file's, rows' and plan's. */
  errors: string[];
  /** The table read; null when the file could not be read at all. */
  table: ImportTable | null;
  plan: ImportPlan | null;
}

/**
 * Reads, validates and plans an uploaded list for a region and school year. Writes nothing.
 *
 * @param ex - The database or an open transaction.
 * @param file - The uploaded bytes and the file's name.
 * @param target - The region and school year chosen by the coordinator.
 * @returns The preview; an unreadable file gives `ok: false` with its message, never a throw.
 */
export async function previewImport(ex: Executor, file: { bytes: Uint8Array; name: string }, target: ImportTarget): Promise<ImportPreview> {
  let table: ImportTable;
  try {
    table = await readTable(file.bytes, file.name);
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, errors: [error.message], table: null, plan: null };
    throw error;
  }
  const context = await loadImportContext(ex, target.regionId, target.schoolYear);
  const plan = await planImport(ex, validateRows(table, context), target);
  return { ok: plan.ok, errors: plan.errors, table, plan };
}

/**
 * Previews and, when the file is entirely valid, applies it in one go (for scripts and tests; the
 * interface previews first and applies after the coordinator confirms).
 *
 * @throws ImportRejectedError with every message when anything is wrong; nothing is written then.
 */
export async function importFile(
  ex: Executor,
  file: { bytes: Uint8Array; name: string },
  target: ImportTarget,
  options: ApplyOptions = {},
): Promise<ImportSummary & { plan: ImportPlan }> {
  const preview = await previewImport(ex, file, target);
  if (!preview.plan || !preview.ok) throw new ImportRejectedError(preview.errors);
  return { ...(await applyImport(ex, preview.plan, options)), plan: preview.plan };
}
