/** Attachment downloads: the policy of the version the file belongs to, then the bytes with safe headers. */
import { data } from "react-router";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canReadCurrent } from "./policy.server.ts";
import { attachmentById, expertContextOf, loadPractice } from "./queries.server.ts";
import { libraryFiles, type LibraryServices } from "./services.server.ts";
import { contentDisposition } from "./uploads.server.ts";
import { LIBRARY_ERRORS } from "./strings.ts";

/**
 * A file of the published version is public; a file of a version being written or reviewed is
 * for those who may read that version. Everything else is 404. The response is an attachment
 * with the type we detected on upload and a sandboxing CSP (`nosniff` comes with every response,
 * server/security/http.ts).
 */
export async function downloadAttachment(s: Pick<LibraryServices, "db" | "config" | "files">, viewer: Viewer, attachmentId: string): Promise<Response> {
  const file = await attachmentById(s.db, attachmentId);
  const loaded = file ? await loadPractice(s.db, file.practiceId) : null;
  if (!file || !loaded) throw data(LIBRARY_ERRORS.fileNotFound, { status: 404 });
  const isPublished = file.versionId === loaded.practice.publishedVersionId;
  const mayRead = isPublished || (file.versionId === loaded.current.id && canReadCurrent(viewer, loaded.access, await expertContextOf(s.db, viewer.id)));
  if (!mayRead) throw data(LIBRARY_ERRORS.fileNotFound, { status: 404 });
  const bytes = await libraryFiles(s).get(file.storageKey);
  if (!bytes) throw data(LIBRARY_ERRORS.fileNotFound, { status: 404 });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.originalName, file.extension),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": isPublished ? "public, max-age=300" : "private, no-store",
    },
  });
}
