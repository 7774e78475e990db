/**
 * Shared files of a partnership's workspace: small files kept in the database, accepted by their
 * bytes (magic numbers via file-type), never by the name or the browser's word, and served only to
 * the partnership's insiders as downloads.
 */
import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { partnershipFiles } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import type { Person, PartnershipServices } from "./lifecycle.server.ts";
import { canPostInWorkspace, canReadPrivate, ensurePartnership } from "./policy.server.ts";
import { loadPartnershipAccess, partnershipStream, UUID } from "./queries.server.ts";
import { PARTNERSHIP_ERRORS as E } from "./strings.ts";
import type { Executor } from "../../../db/client.ts";

export const FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Types by their bytes: PDF, Office (OOXML and the old binary formats), OpenDocument, images. */
const ACCEPTED = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/x-cfb",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
  "image/png",
  "image/jpeg",
  "image/webp",
]);

/** A file name safe to store and to send back: no paths, no control characters, at most 150 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_").trim();
  return (base || "файл").slice(-150);
}

/** Stores an uploaded file after its checks; the workspace stream hears of it. */
export async function uploadFile(s: PartnershipServices, viewer: Person, input: { partnershipId: string; name: string; bytes: Uint8Array }): Promise<Outcome<{ fileId: string }>> {
  const found = await loadPartnershipAccess(s.db, viewer, input.partnershipId);
  if (!found || !canReadPrivate(viewer, found.access)) return refuse(404, E.notFound);
  ensurePartnership(canPostInWorkspace(viewer, found.access));
  if (input.bytes.byteLength === 0) return refuse(400, E.fileEmpty);
  if (input.bytes.byteLength > FILE_MAX_BYTES) return refuse(400, E.fileTooLarge);
  const type = await fileTypeFromBuffer(input.bytes);
  if (!type || !ACCEPTED.has(type.mime)) return refuse(400, E.fileType);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnershipFiles)
      .values({ partnershipId: found.row.id, name: cleanFileName(input.name), contentType: type.mime, size: input.bytes.byteLength, content: input.bytes, uploadedBy: viewer.id, uploadedAt: now })
      .returning({ id: partnershipFiles.id });
    await appendEvent(tx, { stream: partnershipStream(found.row.id), type: "file.uploaded", payload: { fileId: row!.id }, actorId: viewer.id, at: now });
    return { ok: true as const, fileId: row!.id };
  });
}

/** A file with its bytes, when the viewer is an insider of its partnership; otherwise null. */
export async function getFile(ex: Executor, viewer: Viewer, partnershipId: string, fileId: string) {
  if (!UUID.test(fileId)) return null;
  const found = await loadPartnershipAccess(ex, viewer, partnershipId);
  if (!found || !canReadPrivate(viewer, found.access)) return null;
  const [row] = await ex.select().from(partnershipFiles).where(and(eq(partnershipFiles.id, fileId), eq(partnershipFiles.partnershipId, found.row.id)));
  return row ?? null;
}
