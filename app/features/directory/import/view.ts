/**
 * What the import pages receive from their loaders: plain, already worded data (the preview of a
 * 5 000-row file is summarised on the server, never sent whole). Browser-safe types, and the
 * stored summary's schema.
 */
import { z } from "zod";
import type { ProgressState } from "./progress.ts";

export type ImportStatus = "previewed" | "applying" | "done" | "failed" | "rejected";

/** What `school_imports.summary` holds: what was detected and planned at upload, and the result. */
export const StoredSummary = z.object({
  detected: z
    .object({
      format: z.enum(["csv", "xlsx"]),
      encoding: z.string().optional(),
      delimiter: z.string().optional(),
      sheetName: z.string().optional(),
      headerLine: z.number().optional(),
    })
    .optional(),
  preview: z
    .object({ rows: z.number(), create: z.number(), update: z.number(), unchanged: z.number(), absent: z.number(), invalid: z.number() })
    .optional(),
  result: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), clearedAbsent: z.number() }).optional(),
});
export type StoredSummary = z.infer<typeof StoredSummary>;

/** Reads a stored summary leniently: an unexpected shape shows as no summary, never as an error. */
export function readSummary(value: unknown): StoredSummary {
  const parsed = StoredSummary.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export interface ColumnView {
  /** The header as written in the file. */
  header: string;
  /** The field's Russian label, or null when the column is not used. */
  field: string | null;
  note?: string;
}

export interface PlannedChangeView {
  line: number;
  inn: string;
  name: string;
  action: "create" | "update";
  changes: { label: string; from: string | null; to: string | null }[];
}

export interface PreviewView {
  /** False when the file could not be read as a table at all. */
  readable: boolean;
  /** True when applying would be accepted. */
  ok: boolean;
  format: string | null;
  headerLine: number | null;
  columns: ColumnView[];
  /** Labels of required columns the file lacks. */
  missing: string[];
  stats: { rows: number; create: number; update: number; unchanged: number; absent: number; invalid: number } | null;
  errors: { total: number; page: number; pages: number; from: number; items: string[] };
  sample: PlannedChangeView[];
  sampleRest: number;
  absent: { names: string[]; rest: number };
}

export interface ImportPageView {
  id: string;
  regionName: string;
  schoolYear: string;
  fileName: string;
  status: ImportStatus;
  createdAt: string;
  finishedAt: string | null;
  clearAbsent: boolean;
  /** The detected format as stored with the upload, e.g. «CSV, кодировка UTF-8, разделитель «;»». */
  format: string | null;
  preview?: PreviewView;
  progress?: { stream: string; head: number; state: ProgressState };
  result?: NonNullable<StoredSummary["result"]>;
  /** Messages stored when the apply was refused or failed. */
  errors: string[];
}

export interface RecentImportView {
  id: string;
  regionName: string;
  schoolYear: string;
  fileName: string;
  status: ImportStatus;
  statusLabel: string;
  createdAt: string;
  /** «создано 5 000 школ, обновлено 0 …» or «12 ошибок». */
  counts: string;
}
