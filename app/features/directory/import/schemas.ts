/**
 * The forms of the import pages, parsed with zod at the edge. Browser-safe.
 */
import { z } from "zod";
import { FILE_MESSAGES, IMPORT_LIMITS, IMPORT_UI } from "./messages.ts";

/** The school years a list can be loaded for (the programme's horizon). */
export const SCHOOL_YEARS = ["2024/2025", "2025/2026", "2026/2027", "2027/2028"] as const;
export type SchoolYearOption = (typeof SCHOOL_YEARS)[number];

/**
 * Extensions the upload accepts. The reader decides the format by the content; «.xls» and «.txt»
 * pass so that an old Excel file gets the reader's own explanation, and Excel's «Текст Юникод».
 */
const EXTENSIONS = /\.(csv|xlsx|xls|txt)$/i;

/** What the upload form sends. The file is a web `File` from `request.formData()`. */
export const ImportUploadForm = z.object({
  regionId: z.uuid(IMPORT_UI.regionInvalid),
  schoolYear: z.enum(SCHOOL_YEARS, IMPORT_UI.schoolYearInvalid),
  // An unchecked checkbox sends nothing; a checked one its value.
  clearAbsent: z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== ""),
  file: z
    .instanceof(File, { message: IMPORT_UI.fileMissing })
    .refine((f) => f.name !== "" || f.size > 0, IMPORT_UI.fileMissing)
    .refine((f) => f.size > 0, IMPORT_UI.fileEmpty)
    .refine((f) => f.size <= IMPORT_LIMITS.maxBytes, { error: (issue) => FILE_MESSAGES.tooLarge((issue.input as File).size) })
    .refine((f) => EXTENSIONS.test(f.name), IMPORT_UI.fileType),
});
export type ImportUpload = z.infer<typeof ImportUploadForm>;

/** The import page's id and its error page number. */
export const ImportIdParam = z.uuid();
export const ErrorsPage = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The import page's only form: confirm the preview. */
export const ImportPageAction = z.object({ intent: z.literal("apply") });

/** A file name as shown on the pages: no path, no control characters, at most 200 characters. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "список.csv").slice(0, 200);
}
