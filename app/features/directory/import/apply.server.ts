/**
 * Writing a planned import: all or nothing, in one transaction, in batches of multi-row upserts
 * keyed by ИНН (organisations) and by (organisation, school year) (school years).
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../../../db/client.ts";
import { organisations, schoolYears } from "../../../../db/schema/index.ts";
import { FILE_MESSAGES } from "./messages.ts";
import { FLAG_COLUMNS, ORGANISATION_COLUMNS, planImport, YEAR_COLUMNS, type ImportPlan, type PlanItem } from "./plan.server.ts";

export { loadImportContext, planImport } from "./plan.server.ts";
export type { AbsentSchool, ImportPlan, ImportTarget, PlanChange, PlanItem } from "./plan.server.ts";

/** The import was refused; nothing was written. `reasons` are the Russian messages to show. */
export class ImportRejectedError extends Error {
  override name = "ImportRejectedError";
  constructor(readonly reasons: readonly string[]) {
    super(FILE_MESSAGES.rejected(reasons.length));
  }
}

export interface ApplyOptions {
  /**
   * Called after each batch (and awaited, so a caller may stream it to the browser). It runs inside
   * the import's transaction: it must not query the database through the root client (on PGlite,
   * with its single connection, that waits for the transaction forever).
   */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Clear this year's flags of the region's schools that the file leaves out. */
  clearAbsent?: boolean;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Schools absent from the file whose flags for the year were cleared. */
  clearedAbsent: number;
}

/**
 * Rows per statement: 500 organisations × 12 columns stay far below the 65 535 bind parameters,
 * and on PGlite (one connection, WASM) fewer, larger statements are what makes 5 000 rows fast.
 */
const WRITE_BATCH = 500;

/** `excluded.<column>`: the value the conflicting INSERT proposed. */
const excluded = (column: PgColumn): SQL => sql.raw(`excluded."${column.name}"`);

/**
 * The `ON CONFLICT DO UPDATE` parts that copy the proposed values, but only where one of them
 * differs, so rows the file does not change keep their `updated_at`.
 */
function upsertChanged(columns: Record<string, PgColumn>, guard?: SQL): { set: Record<string, SQL>; setWhere: SQL } {
  const list = Object.values(columns);
  const set: Record<string, SQL> = Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, excluded(column)]));
  set.updatedAt = sql`now()`;
  const differs = sql`(${sql.join(list.map((c) => sql`${c}`), sql`, `)}) is distinct from (${sql.join(list.map(excluded), sql`, `)})`;
  return { set, setWhere: guard ? sql`${guard} and ${differs}` : differs };
}

const ORGANISATION_UPSERT = upsertChanged(
  ORGANISATION_COLUMNS,
  // Never take over a body or another region's school, even if the directory changed after planning.
  sql`${organisations.kind} = 'school' and ${organisations.regionId} = ${excluded(organisations.regionId)}`,
);

const YEAR_UPSERT = upsertChanged(YEAR_COLUMNS);

/** Upserts one batch of organisations; returns the id of each ИНН written. */
async function writeOrganisations(ex: Executor, items: readonly PlanItem[], regionId: string): Promise<Map<string, string>> {
  if (!items.length) return new Map();
  const written = await ex
    .insert(organisations)
    .values(items.map((i) => ({ kind: "school" as const, regionId, inn: i.inn, ...i.organisation })))
    .onConflictDoUpdate({ target: organisations.inn, ...ORGANISATION_UPSERT })
    .returning({ id: organisations.id, inn: organisations.inn });
  return new Map(written.map((w) => [w.inn!, w.id]));
}

async function writeYears(ex: Executor, rows: (PlanItem["year"] & { organisationId: string })[], schoolYear: string): Promise<void> {
  if (!rows.length) return;
  await ex
    .insert(schoolYears)
    .values(rows.map((r) => ({ ...r, schoolYear })))
    .onConflictDoUpdate({ target: [schoolYears.organisationId, schoolYears.schoolYear], ...YEAR_UPSERT });
}

/** Clears the year's flags of the given schools where any is set; returns how many changed. */
async function clearFlags(ex: Executor, organisationIds: readonly string[], schoolYear: string): Promise<number> {
  let cleared = 0;
  for (let i = 0; i < organisationIds.length; i += 1000) {
    const changed = await ex
      .update(schoolYears)
      .set({ ...Object.fromEntries(Object.keys(FLAG_COLUMNS).map((flag) => [flag, false])), updatedAt: sql`now()` })
      .where(
        and(
          eq(schoolYears.schoolYear, schoolYear),
          inArray(schoolYears.organisationId, organisationIds.slice(i, i + 1000)),
          or(...Object.values(FLAG_COLUMNS)),
        ),
      )
      .returning({ id: schoolYears.organisationId });
    cleared += changed.length;
  }
  return cleared;
}

/**
 * Writes a planned import: the file's schools (created or updated by ИНН, kind «school», in the
 * plan's region) and their status for the plan's school year. All or nothing: refused when the
 * plan has any error, and written in one transaction, so a failure half-way leaves no trace.
 *
 * The plan is made again inside the transaction, so what is written matches the directory at the
 * moment of writing even if it changed since the preview; a new conflict (say, the same ИНН added
 * in another region meanwhile) refuses the import. Idempotent: rows the file does not change are
 * not written at all, and the upserts' `IS DISTINCT FROM` guards keep `updated_at` of unchanged
 * rows even so.
 *
 * @param ex - The database or an open transaction (then a savepoint is used).
 * @param plan - What `planImport` returned for the validated file.
 * @param options - Progress callback (after each batch of ~500 rows) and `clearAbsent`.
 * @returns How many schools were created, updated, left unchanged, and absent ones cleared.
 * @throws ImportRejectedError with every Russian message when the file or the plan has errors.
 */
export async function applyImport(ex: Executor, plan: ImportPlan, options: ApplyOptions = {}): Promise<ImportSummary> {
  if (!plan.ok) throw new ImportRejectedError(plan.errors);
  return ex.transaction(async (tx) => {
    const fresh = await planImport(tx, plan.validation, plan.target);
    if (!fresh.ok) throw new ImportRejectedError(fresh.errors);
    const { regionId, schoolYear } = fresh.target;
    const total = fresh.items.length;
    for (let done = 0; done < total; ) {
      const batch = fresh.items.slice(done, done + WRITE_BATCH);
      const ids = await writeOrganisations(tx, batch.filter((i) => i.writeOrganisation), regionId);
      const years = batch
        .filter((i) => i.writeYear)
        .map((i) => {
          const organisationId = i.organisationId ?? ids.get(i.inn);
          // Only a concurrent change of the directory gets here; the transaction then rolls back.
          if (!organisationId) throw new Error(`Import: school ${i.inn} (row ${i.line}) was not written`);
          return { organisationId, ...i.year };
        });
      await writeYears(tx, years, schoolYear);
      done += batch.length;
      await options.onProgress?.(done, total);
    }
    const clearedAbsent = options.clearAbsent ? await clearFlags(tx, fresh.absent.map((a) => a.organisationId), schoolYear) : 0;
    return { created: fresh.stats.create, updated: fresh.stats.update, unchanged: fresh.stats.unchanged, clearedAbsent };
  });
}
