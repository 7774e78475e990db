/**
 * Validation of a read table of schools: one zod schema per row turns strings into a normalised
 * school or into Russian messages that say what to fix; file-level checks (missing columns,
 * duplicate ИНН across rows) come on top. Nothing here touches the database: the municipalities
 * of the region are passed in (see `loadImportContext` in `apply.server.ts`).
 */
import { z } from "zod";
import {
  FIELD_LABELS,
  fieldOfHeader,
  IMPORT_FIELDS,
  IMPORT_FLAGS,
  matchHeaders,
  normaliseHeader,
  parseCategory,
  parseFlag,
  parseRural,
  type HeaderMatch,
  type ImportField,
  type ImportFlag,
} from "./columns.ts";
import { FILE_MESSAGES, ROW_MESSAGES, rowsLabel } from "./messages.ts";
import { municipalityMatcher, type MunicipalityRef } from "./municipalities.ts";

export interface ValidationContext {
  /** Two-digit code of the region the list is imported into, e.g. "75". */
  regionCode: string;
  /** Its name, for messages («не найден в Забайкальском крае») and the region column check. */
  regionName?: string;
  /** "2025/2026". */
  schoolYear: string;
  /** The region's municipalities. */
  municipalities: readonly MunicipalityRef[];
}

/**
 * One valid row. `null` in an optional field means "the file says nothing": an existing school
 * keeps its value, so a list without phones never erases phones.
 */
export interface NormalisedSchool {
  inn: string;
  name: string;
  shortName: string;
  /** The list had no short name: `shortName` is abbreviated from the full name, and an existing school keeps its own. */
  shortNameDerived: boolean;
  municipalityId: string;
  municipalityName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  rural: boolean | null;
  /** Only the flags the file states (its flag columns and «Категория»); the others are kept. */
  flags: Partial<Record<ImportFlag, boolean>>;
  teacherCount: number | null;
}

export interface ValidatedRow {
  /** Row number as the spreadsheet shows it. */
  line: number;
  /** The ИНН as normalised (digits only when readable), "" when absent. */
  inn: string;
  data?: NormalisedSchool;
  /** Russian messages, each starting with «Строка N:» (or «Строки N и M:»). */
  errors: string[];
}

export interface ValidationResult {
  ok: boolean;
  fileErrors: string[];
  rows: ValidatedRow[];
  stats: { total: number; valid: number; invalid: number; duplicates: number };
  header: HeaderMatch;
  /** The flags the file states for the year; absent ones are kept as stored. */
  statedFlags: ImportFlag[];
  regionCode: string;
  schoolYear: string;
}

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Whether a 10-digit legal-entity ИНН has a valid control digit: (Σ dᵢ·wᵢ mod 11) mod 10. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  const sum = INN_WEIGHTS.reduce((s, w, i) => s + w * Number(inn[i]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

/** Drops spaces and the apostrophe Excel users type to keep leading zeros. */
const normaliseInn = (raw: string) => raw.replace(/\s+/g, "").replace(/^'/, "");

/** The issue helper every field schema uses: a Russian message, no zod wording. */
function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

const innSchema = z.string().transform((raw, ctx) => {
  const inn = normaliseInn(raw);
  if (!inn) return fail(ctx, ROW_MESSAGES.innEmpty);
  if (!/^\d{10}$/.test(inn)) {
    const digits = /^\d+$/.test(inn) ? inn.length : 0;
    const padded = digits === 9 && isValidInn(`0${inn}`) ? `0${inn}` : undefined;
    return fail(ctx, ROW_MESSAGES.innLength(raw, digits, padded));
  }
  if (!isValidInn(inn)) return fail(ctx, ROW_MESSAGES.innChecksum(inn));
  return inn;
});

const text = (field: ImportField, max: number) =>
  z.string().transform((raw, ctx) => {
    const value = raw.replace(/\s+/g, " ").trim();
    if (value.length > max) return fail(ctx, ROW_MESSAGES.tooLong(FIELD_LABELS[field], max));
    return value || null;
  });

// Local part as mail servers accept it; the domain may be Cyrillic (школа.рф).
const EMAIL = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;
const emailSchema = z.string().transform((raw, ctx) => {
  const value = raw.trim().replace(/^mailto:/i, "").toLocaleLowerCase("ru");
  if (!value) return null;
  return EMAIL.test(value) && value.length <= 254 ? value : fail(ctx, ROW_MESSAGES.email(raw));
});

const websiteSchema = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (!value) return null;
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (/\s/.test(value) || !url.hostname.includes(".") || value.length > 500) throw new Error("bad host");
    return withScheme;
  } catch {
    return fail(ctx, ROW_MESSAGES.website(raw));
  }
});

const teacherCountSchema = z.string().transform((raw, ctx) => {
  const value = raw.replace(/\s+/g, "");
  if (!value) return null;
  if (!/^\d+(?:[.,]0+)?$/.test(value)) return fail(ctx, ROW_MESSAGES.teacherCount(raw));
  const n = Number.parseInt(value, 10);
  return n > 100_000 ? fail(ctx, ROW_MESSAGES.teacherCountTooBig(raw)) : n;
});

const ruralSchema = z.string().transform((raw, ctx) => {
  const value = parseRural(raw);
  return value === undefined ? fail(ctx, ROW_MESSAGES.rural(FIELD_LABELS.rural, raw)) : value;
});

const flagSchema = (flag: ImportFlag) =>
  z.string().transform((raw, ctx) => {
    const value = parseFlag(raw, flag);
    return value === undefined ? fail(ctx, ROW_MESSAGES.flag(FIELD_LABELS[flag], raw)) : value;
  });

const categorySchema = z.string().transform((raw, ctx) => {
  const { flags, unknown } = parseCategory(raw);
  return unknown.length ? fail(ctx, ROW_MESSAGES.category(FIELD_LABELS.category, unknown)) : flags;
});

/** Region names compared without the words that say what kind of subject it is. */
const regionKey = (name: string) =>
  normaliseHeader(name)
    .split(" ")
    .filter((w) => !["край", "кр", "область", "обл", "республика", "респ", "автономный", "автономная", "округ", "ао", "г", "город"].includes(w))
    .join(" ");

/** «75», «Забайкальский край», «75 — Забайкальский край», «Забайкальский» all name region 75. */
function regionMatches(value: string, context: ValidationContext): boolean {
  const digits = /\d+/.exec(value)?.[0];
  const words = regionKey(value.replace(/\d+/g, " "));
  if (digits !== undefined && digits.padStart(2, "0") !== context.regionCode) return false;
  if (words && context.regionName && words !== regionKey(context.regionName)) return false;
  return true;
}

/**
 * The flags a row states: its flag columns (unreadable values count as false here; the schema
 * reports them) together with the statuses its «Категория» cell lists.
 */
function statedFlagValues(raw: Partial<Record<ImportField, string>>, stated: readonly ImportFlag[]): Partial<Record<ImportFlag, boolean>> {
  const category = raw.category === undefined ? undefined : parseCategory(raw.category).flags;
  const flags: Partial<Record<ImportFlag, boolean>> = {};
  for (const flag of stated) flags[flag] = (raw[flag] !== undefined && parseFlag(raw[flag], flag) === true) || (category?.has(flag) ?? false);
  return flags;
}

/** The row schema for one import: it closes over the region's municipalities and the region. */
function rowSchema(context: ValidationContext) {
  const findMunicipality = municipalityMatcher(context.municipalities);
  const flagSchemas = Object.fromEntries(IMPORT_FLAGS.map((f) => [f, flagSchema(f).optional()])) as {
    [F in ImportFlag]: z.ZodOptional<ReturnType<typeof flagSchema>>;
  };
  return z.object({
    inn: innSchema.optional(),
    name: text("name", 1000)
      .refine((v) => v !== null, ROW_MESSAGES.nameEmpty)
      .optional(),
    shortName: text("shortName", 500).optional(),
    municipality: z
      .string()
      .transform((raw, ctx) => {
        const value = raw.trim();
        if (!value) return fail(ctx, ROW_MESSAGES.municipalityEmpty);
        const hit = findMunicipality(value);
        if (hit.kind === "found") return hit.municipality;
        if (hit.kind === "ambiguous") return fail(ctx, ROW_MESSAGES.municipalityAmbiguous(value, hit.candidates.map((m) => m.name)));
        return fail(ctx, ROW_MESSAGES.municipalityUnknown(value, context.regionName, hit.similar.map((m) => m.name)));
      })
      .optional(),
    region: z
      .string()
      .transform((raw, ctx) => (raw.trim() && !regionMatches(raw, context) ? fail(ctx, ROW_MESSAGES.regionMismatch(raw, context.regionName)) : raw))
      .optional(),
    address: text("address", 1000).optional(),
    phone: text("phone", 200).optional(),
    email: emailSchema.optional(),
    website: websiteSchema.optional(),
    rural: ruralSchema.optional(),
    ...flagSchemas,
    category: categorySchema.optional(),
    teacherCount: teacherCountSchema.optional(),
  });
}

const ORGANISATION_FORMS: readonly [RegExp, string][] = [
  [/муниципальное бюджетное общеобразовательное учреждение/gi, "МБОУ"],
  [/муниципальное автономное общеобразовательное учреждение/gi, "МАОУ"],
  [/муниципальное казённое общеобразовательное учреждение|муниципальное казенное общеобразовательное учреждение/gi, "МКОУ"],
  [/муниципальное общеобразовательное учреждение/gi, "МОУ"],
  [/государственное бюджетное общеобразовательное учреждение/gi, "ГБОУ"],
  [/государственное общеобразовательное учреждение/gi, "ГОУ"],
  [/частное общеобразовательное учреждение/gi, "ЧОУ"],
  [/средняя общеобразовательная школа/gi, "СОШ"],
  [/основная общеобразовательная школа/gi, "ООШ"],
  [/начальная общеобразовательная школа/gi, "НОШ"],
];

/** A short name when the list has none: the usual abbreviations of the legal form and school type. */
export function deriveShortName(name: string): string {
  const short = ORGANISATION_FORMS.reduce((s, [pattern, abbr]) => s.replace(pattern, abbr), name);
  return short.replace(/\s+/g, " ").trim().slice(0, 500);
}

/**
 * Validates every row of a read table against the region and school year of the import.
 *
 * @param table - Headers and rows as `readTable` returns them (`lines` optional: row i is line i+2).
 * @param context - The region (code, name), its municipalities and the school year.
 * @returns Per-row data or Russian errors, file-level errors and counts; `ok` only when the file
 *   has no error at all, which is the only case the import writes anything.
 */
export function validateRows(
  table: { headers: readonly string[]; rows: readonly (readonly string[])[]; lines?: readonly number[] },
  context: ValidationContext,
): ValidationResult {
  const header = matchHeaders(table.headers);
  const fileErrors: string[] = [];
  const found = table.headers.filter((h) => h.trim()).map((h) => h.trim());
  for (const field of header.missing) fileErrors.push(FILE_MESSAGES.missingColumn(FIELD_LABELS[field], found));
  for (const field of header.duplicates) {
    const named = table.headers.filter((h) => h.trim() && fieldOfHeader(h) === field);
    fileErrors.push(FILE_MESSAGES.duplicateColumn(FIELD_LABELS[field], named));
  }
  const [start, end] = context.schoolYear.split("/").map(Number);
  if (!/^\d{4}\/\d{4}$/.test(context.schoolYear) || end !== start! + 1) fileErrors.push(FILE_MESSAGES.schoolYear(context.schoolYear));
  if (!table.rows.length) fileErrors.push(FILE_MESSAGES.noRows);

  const present = IMPORT_FIELDS.filter((f) => header.mapping[f] !== undefined);
  const statedFlags = IMPORT_FLAGS.filter((f) => header.mapping[f] !== undefined || header.mapping.category !== undefined);
  const schema = rowSchema(context);

  const rows: ValidatedRow[] = table.rows.map((cells, index) => {
    const line = table.lines?.[index] ?? index + 2;
    const raw = Object.fromEntries(present.map((f) => [f, cells[header.mapping[f]!] ?? ""]));
    const inn = normaliseInn(raw.inn ?? "");
    const result = schema.safeParse(raw);
    const errors = result.success ? [] : result.error.issues.map((i) => `Строка ${line}: ${i.message}`);
    // Checked on the raw cells, not in the schema: zod skips object-level checks once a field
    // failed, and the user should see every problem of a row at once.
    const flags = statedFlagValues(raw, statedFlags);
    if (flags.lowResults && flags.leading) errors.push(`Строка ${line}: ${ROW_MESSAGES.lowAndLeading(context.schoolYear)}`);
    if (!result.success || errors.length) return { line, inn, errors };
    const parsed = result.data;
    if (!parsed.inn || !parsed.name || !parsed.municipality) return { line, inn, errors: [] }; // a required column is missing: a file error says so
    const data: NormalisedSchool = {
      inn: parsed.inn,
      name: parsed.name,
      shortName: parsed.shortName ?? deriveShortName(parsed.name),
      shortNameDerived: !parsed.shortName,
      municipalityId: parsed.municipality.id,
      municipalityName: parsed.municipality.name,
      address: parsed.address ?? null,
      phone: parsed.phone ?? null,
      email: parsed.email ?? null,
      website: parsed.website ?? null,
      rural: parsed.rural ?? null,
      flags,
      teacherCount: parsed.teacherCount ?? null,
    };
    return { line, inn: parsed.inn, data, errors: [] };
  });

  // The same ИНН twice is an error on every row involved: which of them is right is for a person to say.
  const byInn = new Map<string, ValidatedRow[]>();
  for (const row of rows) if (row.inn) byInn.set(row.inn, [...(byInn.get(row.inn) ?? []), row]);
  let duplicates = 0;
  for (const [inn, group] of byInn) {
    if (group.length < 2) continue;
    duplicates += group.length;
    const message = `${rowsLabel(group.map((r) => r.line))}: ${ROW_MESSAGES.innDuplicate(inn)}`;
    for (const row of group) {
      row.errors.push(message);
      delete row.data;
    }
  }

  const invalid = rows.filter((r) => r.errors.length).length;
  const valid = rows.filter((r) => r.data).length;
  return {
    ok: fileErrors.length === 0 && invalid === 0 && valid === rows.length,
    fileErrors,
    rows,
    stats: { total: rows.length, valid, invalid, duplicates },
    header,
    statedFlags,
    regionCode: context.regionCode,
    schoolYear: context.schoolYear,
  };
}

/**
 * Every message of a validation, file errors first, each duplicate-ИНН message once (it is shared
 * by the rows involved).
 */
export function listErrors(result: Pick<ValidationResult, "fileErrors" | "rows">): string[] {
  return [...new Set([...result.fileErrors, ...result.rows.flatMap((r) => r.errors)])];
}
