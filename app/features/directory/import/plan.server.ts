/**
 * Planning an import against the directory: which schools of a validated list are new, which
 * change (and how), which stay as they are, and which schools of the region were on the year's
 * lists but are missing from the file. Reads only; `apply.server.ts` writes the plan.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { municipalities, organisations, regions, schoolYears } from "../../../../db/schema/index.ts";
import { russianSortKey } from "../../../utils/text.ts";
import { FIELD_LABELS, IMPORT_FLAGS, type ImportField, type ImportFlag } from "./columns.ts";
import { PLAN_LABELS, ROW_MESSAGES } from "./messages.ts";
import { listErrors, type NormalisedSchool, type ValidationContext, type ValidationResult } from "./validate.server.ts";

/** Where a list goes: one region, one school year. */
export interface ImportTarget {
  regionId: string;
  /** "2025/2026". */
  schoolYear: string;
}

/** The organisation columns an import writes (besides kind, region and ИНН). */
export interface OrganisationValues {
  name: string;
  shortName: string;
  nameSort: string;
  municipalityId: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  rural: boolean | null;
}

/** A school's status for the import's school year. */
export type YearValues = Record<ImportFlag, boolean> & { teacherCount: number | null };

export interface PlanChange {
  field: ImportField | "schoolYear";
  label: string;
  from: string | null;
  to: string | null;
}

export interface PlanItem {
  line: number;
  inn: string;
  action: "create" | "update" | "unchanged";
  /** The existing school; absent for a new one. */
  organisationId?: string;
  /** What the user sees in the preview (empty for a new school). */
  changes: PlanChange[];
  /** The values after the import: the file's, with what it does not say kept from the directory. */
  organisation: OrganisationValues;
  year: YearValues;
  writeOrganisation: boolean;
  writeYear: boolean;
}

/** A school of the region on the year's lists that the file does not mention. */
export interface AbsentSchool {
  organisationId: string;
  inn: string | null;
  name: string;
  /** Its flags set for the year (cleared only with `clearAbsent`). */
  flags: ImportFlag[];
}

export interface ImportPlan {
  /** True when the file is valid and nothing in the directory stands in the way. */
  ok: boolean;
  /** Every message (file, rows, plan), as the rejection lists them. */
  errors: string[];
  /** The validation with the plan's row errors (ИНН of another region or not a school) added. */
  validation: ValidationResult;
  target: ImportTarget;
  items: PlanItem[];
  absent: AbsentSchool[];
  stats: { create: number; update: number; unchanged: number; absent: number; invalid: number };
}

/** The organisation columns an import writes, keyed as in {@link OrganisationValues}. */
export const ORGANISATION_COLUMNS = {
  name: organisations.name,
  shortName: organisations.shortName,
  nameSort: organisations.nameSort,
  municipalityId: organisations.municipalityId,
  address: organisations.address,
  phone: organisations.phone,
  email: organisations.email,
  website: organisations.website,
  rural: organisations.rural,
} as const;

/** The flag columns of a school year, keyed by flag. */
export const FLAG_COLUMNS = {
  lowResults: schoolYears.lowResults,
  adverseConditions: schoolYears.adverseConditions,
  leading: schoolYears.leading,
  trainingSite: schoolYears.trainingSite,
  project500: schoolYears.project500,
} as const;

/** The school-year columns an import writes, keyed as in {@link YearValues}. */
export const YEAR_COLUMNS = { ...FLAG_COLUMNS, teacherCount: schoolYears.teacherCount } as const;

/** Rows per `IN (…)` lookup: far below the bind-parameter limit of both engines. */
const LOOKUP_BATCH = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What `validateRows` needs to know about the region of an import.
 *
 * @param ex - The database or an open transaction.
 * @param regionId - The region the list is imported into.
 * @param schoolYear - "2025/2026".
 * @throws Error when the region does not exist (a programming error: routes pass known regions).
 */
export async function loadImportContext(ex: Executor, regionId: string, schoolYear: string): Promise<ValidationContext & ImportTarget> {
  const [region] = await ex.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new Error(`Import: no region ${regionId}`);
  const list = await ex
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return { regionId, regionCode: region.code, regionName: region.name, schoolYear, municipalities: list };
}

const display = (value: string | number | boolean | null): string | null =>
  value === null ? null : typeof value === "boolean" ? (value ? "да" : "нет") : String(value);

type Existing = Awaited<ReturnType<typeof readExisting>>[number];

/** The organisations holding the list's ИНН, with their status in the year, whatever their region or kind. */
async function readExisting(ex: Executor, inns: readonly string[], schoolYear: string) {
  const found = [];
  for (const batch of chunks(inns, LOOKUP_BATCH)) {
    found.push(
      ...(await ex
        .select({
          id: organisations.id,
          inn: organisations.inn,
          kind: organisations.kind,
          regionId: organisations.regionId,
          regionName: regions.name,
          municipalityName: municipalities.name,
          ...ORGANISATION_COLUMNS,
          hasYear: sql<boolean>`${schoolYears.organisationId} is not null`,
          ...YEAR_COLUMNS,
        })
        .from(organisations)
        .innerJoin(regions, eq(regions.id, organisations.regionId))
        .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
        .leftJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, schoolYear)))
        .where(inArray(organisations.inn, batch))),
    );
  }
  return found;
}

const ORGANISATION_FIELDS = ["name", "shortName", "municipalityId", "address", "phone", "email", "website", "rural"] as const;

/** The file's values merged over the directory's, and what differs. */
function mergeSchool(data: NormalisedSchool, existing: Existing | undefined, schoolYear: string) {
  const organisation: OrganisationValues = {
    name: data.name,
    shortName: data.shortNameDerived && existing ? existing.shortName : data.shortName,
    nameSort: russianSortKey(data.name),
    municipalityId: data.municipalityId,
    address: data.address ?? existing?.address ?? null,
    phone: data.phone ?? existing?.phone ?? null,
    email: data.email ?? existing?.email ?? null,
    website: data.website ?? existing?.website ?? null,
    rural: data.rural ?? existing?.rural ?? null,
  };
  const stored = existing?.hasYear ? existing : undefined;
  const flag = (f: ImportFlag) => data.flags[f] ?? stored?.[f] ?? false;
  const year: YearValues = {
    lowResults: flag("lowResults"),
    adverseConditions: flag("adverseConditions"),
    leading: flag("leading"),
    trainingSite: flag("trainingSite"),
    project500: flag("project500"),
    teacherCount: data.teacherCount ?? stored?.teacherCount ?? null,
  };

  const changes: PlanChange[] = [];
  if (existing) {
    for (const field of ORGANISATION_FIELDS) {
      if (organisation[field] === existing[field]) continue;
      if (field === "municipalityId") {
        changes.push({ field: "municipality", label: FIELD_LABELS.municipality, from: existing.municipalityName, to: data.municipalityName });
      } else {
        changes.push({ field, label: FIELD_LABELS[field], from: display(existing[field]), to: display(organisation[field]) });
      }
    }
    if (!stored) changes.push({ field: "schoolYear", label: PLAN_LABELS.yearRecord(schoolYear), from: null, to: schoolYear });
    else {
      for (const field of [...IMPORT_FLAGS, "teacherCount"] as const) {
        if (year[field] !== stored[field]) changes.push({ field, label: FIELD_LABELS[field], from: display(stored[field]), to: display(year[field]) });
      }
    }
  }
  const writeOrganisation = !existing || organisation.nameSort !== existing.nameSort || ORGANISATION_FIELDS.some((f) => organisation[f] !== existing[f]);
  const writeYear = !stored || [...IMPORT_FLAGS, "teacherCount" as const].some((f) => year[f] !== stored[f]);
  return { organisation, year, changes, writeOrganisation, writeYear, storedLowAndLeading: year.lowResults && year.leading };
}

/**
 * Plans the import of a validated list: for each valid row, create, update (with the changed
 * fields, before and after) or nothing; and the region's schools on the year's lists that the file
 * leaves out (reported, never deleted). Row errors found only against the directory are added: an
 * ИНН held by an organisation of another region or by a body that is not a school, and a school
 * that would end up both ШНОР and школа-лидер because the file lacks one of the columns.
 *
 * @param ex - The database or an open transaction (reads only).
 * @param validated - What `validateRows` returned (for the same school year).
 * @param target - The region and school year of the import.
 */
export async function planImport(ex: Executor, validated: ValidationResult, target: ImportTarget): Promise<ImportPlan> {
  if (validated.schoolYear !== target.schoolYear) {
    throw new Error(`Import: validated for ${validated.schoolYear}, planned for ${target.schoolYear}`);
  }
  const valid = validated.rows.filter((r) => r.data);
  const existing = new Map((await readExisting(ex, valid.map((r) => r.inn), target.schoolYear)).map((e) => [e.inn!, e]));

  const items: PlanItem[] = [];
  const planErrors = new Map<number, string[]>();
  for (const row of valid) {
    const data = row.data!;
    const found = existing.get(row.inn);
    const problems: string[] = [];
    if (found && found.kind !== "school") problems.push(ROW_MESSAGES.innNotSchool(row.inn, found.name));
    else if (found && found.regionId !== target.regionId) problems.push(ROW_MESSAGES.innOtherRegion(row.inn, found.name, found.regionName));
    const merged = mergeSchool(data, problems.length ? undefined : found, target.schoolYear);
    if (!problems.length && merged.storedLowAndLeading) {
      problems.push(ROW_MESSAGES.lowAndLeadingStored(target.schoolYear, data.flags.lowResults === undefined ? "ШНОР" : "школа-лидер"));
    }
    if (problems.length) {
      planErrors.set(row.line, problems.map((p) => `Строка ${row.line}: ${p}`));
      continue;
    }
    const action = !found ? "create" : merged.writeOrganisation || merged.writeYear ? "update" : "unchanged";
    items.push({ line: row.line, inn: row.inn, action, organisationId: found?.id, ...merged });
  }

  const rows = validated.rows.map((r) => {
    const extra = planErrors.get(r.line);
    return extra ? { line: r.line, inn: r.inn, errors: [...r.errors, ...extra] } : r;
  });
  const invalid = rows.filter((r) => r.errors.length).length;
  const validation: ValidationResult = {
    ...validated,
    ok: validated.ok && planErrors.size === 0,
    rows,
    stats: { ...validated.stats, valid: validated.stats.valid - planErrors.size, invalid },
  };

  const inFile = new Set(validated.rows.map((r) => r.inn).filter(Boolean));
  const listed = await ex
    .select({
      organisationId: organisations.id,
      inn: organisations.inn,
      name: organisations.name,
      ...FLAG_COLUMNS,
    })
    .from(organisations)
    .innerJoin(schoolYears, and(eq(schoolYears.organisationId, organisations.id), eq(schoolYears.schoolYear, target.schoolYear)))
    .where(and(eq(organisations.regionId, target.regionId), eq(organisations.kind, "school")));
  const absent: AbsentSchool[] = listed
    .filter((s) => !s.inn || !inFile.has(s.inn))
    .map((s) => ({ organisationId: s.organisationId, inn: s.inn, name: s.name, flags: IMPORT_FLAGS.filter((f) => s[f]) }));

  const count = (action: PlanItem["action"]) => items.filter((i) => i.action === action).length;
  return {
    ok: validation.ok,
    errors: listErrors(validation),
    validation,
    target,
    items,
    absent,
    stats: { create: count("create"), update: count("update"), unchanged: count("unchanged"), absent: absent.length, invalid },
  };
}
