/** Which attachments the library accepts (browser-safe: the upload form shows the same list). */

export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENTS_PER_VERSION = 10;

/** Accepted extensions and what file-type must detect for each; the content type we serve. */
export const ACCEPTED_FILES: Record<string, { detected: string[]; contentType: string }> = {
  pdf: { detected: ["pdf"], contentType: "application/pdf" },
  doc: { detected: ["cfb"], contentType: "application/msword" },
  docx: { detected: ["docx"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xls: { detected: ["cfb"], contentType: "application/vnd.ms-excel" },
  xlsx: { detected: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  ppt: { detected: ["cfb"], contentType: "application/vnd.ms-powerpoint" },
  pptx: { detected: ["pptx"], contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  odt: { detected: ["odt"], contentType: "application/vnd.oasis.opendocument.text" },
  ods: { detected: ["ods"], contentType: "application/vnd.oasis.opendocument.spreadsheet" },
  odp: { detected: ["odp"], contentType: "application/vnd.oasis.opendocument.presentation" },
  jpg: { detected: ["jpg"], contentType: "image/jpeg" },
  jpeg: { detected: ["jpg"], contentType: "image/jpeg" },
  png: { detected: ["png"], contentType: "image/png" },
  webp: { detected: ["webp"], contentType: "image/webp" },
  gif: { detected: ["gif"], contentType: "image/gif" },
};

/** The `accept` attribute of the file input. */
export const ACCEPT_ATTRIBUTE = Object.keys(ACCEPTED_FILES).map((e) => `.${e}`).join(",");
