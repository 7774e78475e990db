/**
 * Reads of the import pages: the regions a viewer may load lists into, recent uploads, and one
 * upload with its preview (made again from the stored file on every view), progress or result.
 */
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { regions, schoolImports } from "../../../../db/schema/index.ts";
import { formatDateTime, schoolYearOf } from "../../../utils/datetime.ts";
import type { ZoneInput } from "../../../utils/timezones.ts";
import type { Viewer } from "../../accounts/viewer.server.ts";
import { getStreamSnapshot } from "../../realtime/queries.server.ts";
import { previewImport } from "./import.server.ts";
import { STATUS_LABELS } from "./messages.ts";
import { importableRegions } from "./policy.server.ts";
import { buildPreviewView, countsText, describeFormat } from "./preview-view.server.ts";
import { importStreamKey, progressOf } from "./progress.ts";
import { SCHOOL_YEARS } from "./schemas.ts";
import { readSummary, type ImportPageView, type RecentImportView } from "./view.ts";

/** Uploads listed on the form page. */
const RECENT_LIMIT = 15;

/**
 * The regions whose lists the viewer may load (all of them for an administrator), in Russian
 * alphabetical order.
 *
 * @param ex - The database or a transaction.
 * @param viewer - Who is asking.
 */
export async function listImportableRegions(ex: Executor, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  const all = await ex.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.nameSort));
  return importableRegions(viewer, all);
}

/**
 * The school year the form suggests: the current one in the viewer's zone, kept within the years
 * the form offers.
 */
export function defaultSchoolYear(now: Date, zone: ZoneInput): string {
  const current = schoolYearOf(now, zone);
  if ((SCHOOL_YEARS as readonly string[]).includes(current)) return current;
  return current < SCHOOL_YEARS[0] ? SCHOOL_YEARS[0] : SCHOOL_YEARS[SCHOOL_YEARS.length - 1]!;
}

/**
 * The latest uploads into the given regions, newest first, worded for the list.
 *
 * @param ex - The database or a transaction.
 * @param regionIds - Regions the viewer may see (from {@link listImportableRegions}).
 * @param zone - The viewer's zone for the dates.
 */
export async function listRecentImports(ex: Executor, regionIds: readonly string[], zone: ZoneInput): Promise<RecentImportView[]> {
  if (!regionIds.length) return [];
  const rows = await ex
    .select({
      id: schoolImports.id,
      regionName: regions.name,
      schoolYear: schoolImports.schoolYear,
      fileName: schoolImports.fileName,
      status: schoolImports.status,
      createdAt: schoolImports.createdAt,
      summary: schoolImports.summary,
      errorCount: sql<number>`coalesce(jsonb_array_length(${schoolImports.errors}), 0)::int`,
    })
    .from(schoolImports)
    .innerJoin(regions, eq(regions.id, schoolImports.regionId))
    .where(inArray(schoolImports.regionId, [...regionIds]))
    .orderBy(desc(schoolImports.createdAt))
    .limit(RECENT_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    regionName: r.regionName,
    schoolYear: r.schoolYear,
    fileName: r.fileName,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    createdAt: formatDateTime(r.createdAt, zone),
    counts: countsText(r.status, readSummary(r.summary), r.errorCount),
  }));
}

/**
 * One upload as its page shows it. A preview (status «previewed» or «rejected») is made again from
 * the stored file, so it reflects the directory as it is now; while applying, the progress stream's
 * events so far and its head; when done, the stored result.
 *
 * @param ex - The database.
 * @param importId - A checked id (the caller has applied the policy).
 * @param options - The page of errors and the viewer's zone.
 * @returns The page's data, or undefined when there is no such upload.
 */
export async function getImportPage(ex: Executor, importId: string, options: { errorsPage: number; zone: ZoneInput }): Promise<ImportPageView | undefined> {
  const [row] = await ex
    .select({
      id: schoolImports.id,
      regionId: schoolImports.regionId,
      regionName: regions.name,
      schoolYear: schoolImports.schoolYear,
      fileName: schoolImports.fileName,
      status: schoolImports.status,
      clearAbsent: schoolImports.clearAbsent,
      summary: schoolImports.summary,
      errors: schoolImports.errors,
      createdAt: schoolImports.createdAt,
      finishedAt: schoolImports.finishedAt,
    })
    .from(schoolImports)
    .innerJoin(regions, eq(regions.id, schoolImports.regionId))
    .where(eq(schoolImports.id, importId));
  if (!row) return undefined;
  const view: ImportPageView = {
    id: row.id,
    regionName: row.regionName,
    schoolYear: row.schoolYear,
    fileName: row.fileName,
    status: row.status,
    createdAt: formatDateTime(row.createdAt, options.zone),
    finishedAt: row.finishedAt ? formatDateTime(row.finishedAt, options.zone) : null,
    clearAbsent: row.clearAbsent,
    format: describeFormat(readSummary(row.summary).detected),
    errors: row.errors ?? [],
  };
  if (row.status === "previewed" || row.status === "rejected") {
    const [stored] = await ex.select({ file: schoolImports.file }).from(schoolImports).where(eq(schoolImports.id, importId));
    const preview = await previewImport(ex, { bytes: stored!.file, name: row.fileName }, { regionId: row.regionId, schoolYear: row.schoolYear });
    view.preview = buildPreviewView(preview, options.errorsPage);
  } else if (row.status === "applying") {
    const stream = importStreamKey(row.id);
    const snapshot = await getStreamSnapshot(ex, stream);
    view.progress = { stream, head: snapshot.head, state: progressOf(snapshot.events) };
  } else if (row.status === "done") {
    view.result = readSummary(row.summary).result;
  }
  return view;
}
