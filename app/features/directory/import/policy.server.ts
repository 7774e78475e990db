/**
 * Who may do what with school-list imports. Every decision comes down to the directory's
 * `canImportSchools` (a coordinator of the region, or an administrator), so the pages, the
 * commands and the progress stream agree.
 */
import { eq } from "drizzle-orm";
import { data } from "react-router";
import type { Executor } from "../../../../db/client.ts";
import { schoolImports } from "../../../../db/schema/index.ts";
import type { Viewer } from "../../accounts/viewer.server.ts";
import { canImportSchools, ensure } from "../policy.server.ts";
import { IMPORT_UI } from "./messages.ts";
import { ImportIdParam } from "./schemas.ts";

/**
 * The regions whose lists the viewer may load, in the order given.
 *
 * @param viewer - Who is asking.
 * @param regions - Candidate regions (all of them; the policy filters).
 */
export function importableRegions<R extends { id: string }>(viewer: Viewer, regions: readonly R[]): R[] {
  return regions.filter((r) => canImportSchools(viewer, r.id));
}

/** Throws 403 (Russian message) unless the viewer may load lists into the region. */
export function requireImportInRegion(viewer: Viewer, regionId: string): void {
  ensure(canImportSchools(viewer, regionId), IMPORT_UI.forbiddenImport);
}

/** Throws 403 unless the viewer may load lists into at least one of the regions. */
export function requireSomeImportableRegion(viewer: Viewer, regions: readonly { id: string }[]): void {
  ensure(importableRegions(viewer, regions).length > 0, IMPORT_UI.forbidden);
}

/** The region of an import, or undefined for an id that is not an import. */
async function regionOfImport(ex: Executor, importId: string): Promise<string | undefined> {
  if (!ImportIdParam.safeParse(importId).success) return undefined;
  const [row] = await ex.select({ regionId: schoolImports.regionId }).from(schoolImports).where(eq(schoolImports.id, importId));
  return row?.regionId;
}

/**
 * Loads an import's region and checks the viewer may see it: 404 for an unknown id, 403 for an
 * import of a region the viewer does not coordinate.
 *
 * @returns The import's region id.
 */
export async function requireImportAccess(ex: Executor, viewer: Viewer, importId: string): Promise<string> {
  const regionId = await regionOfImport(ex, importId);
  if (!regionId) throw data(IMPORT_UI.notFound, { status: 404 });
  requireImportInRegion(viewer, regionId);
  return regionId;
}

/**
 * The progress stream `import:<id>` is readable by those who may load lists into the import's
 * region (the same people who may open its page).
 */
export async function canReadImportStream(viewer: Viewer, importId: string, ex: Executor): Promise<boolean> {
  if (!viewer.id) return false;
  const regionId = await regionOfImport(ex, importId);
  return regionId !== undefined && canImportSchools(viewer, regionId);
}
