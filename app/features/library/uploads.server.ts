/**
 * Checks an uploaded attachment before anything is written: a clean file name, an accepted
 * extension, the size limit, and magic bytes that agree with the extension (a renamed program
 * is refused). DOCX/XLSX/PPTX are zip packages and ODT/ODS/ODP zip packages with a mimetype
 * entry, both told apart by `file-type`; old DOC/XLS/PPT are Compound File Binary.
 */
import { fileTypeFromBuffer } from "file-type";
import { UPLOAD_ERRORS, type UploadErrorCode } from "./strings.ts";

import { ACCEPTED_FILES, ATTACHMENT_MAX_BYTES } from "./file-types.ts";

export { ACCEPT_ATTRIBUTE, ACCEPTED_FILES, ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_VERSION } from "./file-types.ts";

export type CheckedUpload = { ok: true; name: string; extension: string; contentType: string; size: number } | { ok: false; error: string; code: UploadErrorCode };

// Path separators, parent references, control characters, and names that start with a dot.
// eslint-disable-next-line no-control-regex
const BAD_NAME = /[/\\\u0000-\u001f\u007f]|\.\.|^\.|^\s|\s$/;

/** Checks a file name as sent by the browser: a plain name with an extension, no path. */
export function checkFileName(name: string): { ok: true; extension: string } | { ok: false; error: string; code: UploadErrorCode } {
  if (name.length === 0 || name.length > 200 || BAD_NAME.test(name) || name.normalize("NFC") !== name.normalize("NFC").trim()) return { ok: false, error: UPLOAD_ERRORS.badName, code: "badName" };
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!Object.hasOwn(ACCEPTED_FILES, extension)) return { ok: false, error: UPLOAD_ERRORS.badExtension, code: "badExtension" };
  return { ok: true, extension };
}

/** Checks an upload completely; nothing has been stored when this refuses. */
export async function checkUpload(name: string, bytes: Uint8Array, maxBytes = ATTACHMENT_MAX_BYTES): Promise<CheckedUpload> {
  const named = checkFileName(name);
  if (!named.ok) return named;
  if (bytes.byteLength === 0) return { ok: false, error: UPLOAD_ERRORS.empty, code: "empty" };
  if (bytes.byteLength > maxBytes) return { ok: false, error: UPLOAD_ERRORS.tooLarge(Math.round(maxBytes / 1024 / 1024)), code: "tooLarge" };
  const accepted = ACCEPTED_FILES[named.extension]!;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !accepted.detected.includes(detected.ext)) return { ok: false, error: UPLOAD_ERRORS.mismatch(named.extension), code: "mismatch" };
  return { ok: true, name: name.normalize("NFC"), extension: named.extension, contentType: accepted.contentType, size: bytes.byteLength };
}

/**
 * The Content-Disposition of a download: an ASCII fallback name and the real one as RFC 5987
 * `filename*` (UTF-8, percent-encoded), so quotes, semicolons and line breaks can never break
 * out of the header.
 */
export function contentDisposition(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f"\\/;]/g, "_");
  const ascii = clean.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/[%*'`]/g, "_").trim();
  const fallback = /[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, "")) ? ascii : `file.${extension}`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
