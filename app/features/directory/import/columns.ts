/**
 * The columns of an official list of schools: the fields the import understands, the header
 * synonyms ministries actually use, and the readers of yes/no cells.
 *
 * Browser-safe (no DB, no Node APIs): the upload form can show the expected columns and match a
 * file's headers before sending it.
 */
import { foldYo } from "../../../utils/text.ts";

/** The school-year flags, in the order of `SCHOOL_FLAGS` in `db/schema/directory.ts`. */
export const IMPORT_FLAGS = ["lowResults", "adverseConditions", "leading", "trainingSite", "project500"] as const;
export type ImportFlag = (typeof IMPORT_FLAGS)[number];

export const IMPORT_FIELDS = [
  "inn",
  "name",
  "shortName",
  "municipality",
  "region",
  "address",
  "phone",
  "email",
  "website",
  "rural",
  ...IMPORT_FLAGS,
  "category",
  "teacherCount",
] as const;
/** A column the import understands. */
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Short alias of {@link ImportField}. */
export type Field = ImportField;

/** Columns without which a file is rejected. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["inn", "name", "municipality"];

/** Russian labels, as the preview and the error messages name the columns. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  inn: "ИНН",
  name: "Полное наименование",
  shortName: "Краткое наименование",
  municipality: "Муниципальное образование",
  region: "Субъект РФ",
  address: "Адрес",
  phone: "Телефон",
  email: "E-mail",
  website: "Сайт",
  rural: "Тип местности",
  lowResults: "ШНОР",
  adverseConditions: "ШНСУ",
  leading: "Школа-лидер",
  trainingSite: "Стажировочная площадка",
  project500: "500+",
  category: "Категория",
  teacherCount: "Количество педагогов",
};

/**
 * Header synonyms per field, as written in real lists. They are compared after
 * {@link normaliseHeader}, so case, ё, «№», quotes, dots and dashes do not matter.
 */
export const FIELD_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  inn: ["ИНН", "ИНН ОО", "ИНН организации", "ИНН образовательной организации", "ИНН школы", "ИНН учреждения"],
  name: [
    "Полное наименование", "Наименование ОО", "Наименование организации", "Образовательная организация", "Название",
    "Наименование", "Полное наименование ОО", "Наименование образовательной организации", "Наименование школы",
    "Наименование учреждения", "Полное наименование организации", "Школа", "ОО",
  ],
  shortName: [
    "Краткое наименование", "Сокращённое наименование", "Краткое наименование ОО", "Сокращенное наименование ОО",
    "Краткое название", "Сокращённое название",
  ],
  municipality: [
    "Муниципальное образование", "Муниципалитет", "МО", "Район", "Муниципальный район", "Муниципальный округ",
    "Городской округ", "Муниципальный район/городской округ", "Муниципальный район (городской округ)",
    "Наименование муниципального образования", "Наименование МО", "Название муниципалитета", "Район/город",
    "Муниципальное образование (район, городской округ)",
  ],
  region: ["Субъект РФ", "Регион", "Субъект Российской Федерации", "Субъект", "Наименование субъекта РФ"],
  address: ["Адрес", "Адрес ОО", "Фактический адрес", "Адрес местонахождения", "Местонахождение", "Почтовый адрес", "Адрес школы"],
  phone: ["Телефон", "Контактный телефон", "Тел", "Телефон ОО", "Номер телефона", "Телефон школы"],
  email: [
    "E-mail", "Email", "Электронная почта", "Адрес электронной почты", "Эл. почта", "E-mail ОО", "Почта", "Электронный адрес",
  ],
  website: ["Сайт", "Адрес сайта", "Официальный сайт", "Веб-сайт", "Сайт ОО", "Сайт школы", "Ссылка на сайт"],
  rural: [
    "Тип местности", "Сельская/городская", "Сельская школа", "Городская/сельская", "Местность", "Расположение",
    "Сельская", "Город/село", "Село/город", "Тип населённого пункта",
  ],
  lowResults: [
    "ШНОР", "Низкие результаты", "Школа с низкими результатами обучения", "Школа с низкими образовательными результатами",
    "ШНОР (низкие результаты)",
  ],
  adverseConditions: [
    "ШНСУ", "Неблагоприятные условия", "НСУ", "Школа в неблагоприятных социальных условиях",
    "Школа, функционирующая в неблагоприятных социальных условиях",
  ],
  leading: ["Школа-лидер", "Лидер", "Высокие результаты", "Школа с высокими результатами", "ШВР"],
  trainingSite: ["Стажировочная площадка", "Стажировка", "Стажёрская площадка"],
  project500: ["500+", "Проект 500+", "Участник 500+", "Участник проекта 500+"],
  category: ["Категория", "Категория школы", "Статус", "Статус школы", "Категория ОО", "Статус в программе"],
  teacherCount: [
    "Количество педагогов", "Число учителей", "Педагогов", "Кол-во педработников", "Количество педагогических работников",
    "Численность педагогических работников", "Количество учителей", "Число педагогов", "Педагогические работники",
    "Кол-во педагогов", "Кол-во учителей", "Численность педагогов",
  ],
};

/**
 * Folds a header for comparison: trimmed, lower case, ё→е, punctuation («№», quotes, dots, dashes,
 * slashes) replaced by spaces and runs of spaces collapsed. "+" survives: «500+» is a column.
 */
export function normaliseHeader(header: string): string {
  return foldYo(header.normalize("NFC").toLocaleLowerCase("ru"))
    .replace(/[^\p{L}\p{N}+]+/gu, " ")
    .trim();
}

/** Normalised synonym → field, and the synonyms longest first for prefix matching. */
const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => FIELD_SYNONYMS[field].map((s) => [normaliseHeader(s), field] as const)),
);
const SYNONYMS_LONGEST_FIRST = [...SYNONYM_INDEX.keys()].sort((a, b) => b.length - a.length);

/**
 * Which field one header names, or undefined. Exact synonyms win; then the header without its
 * parenthesised remark («ИНН (10 цифр)»); then the longest synonym the header starts with
 * («Полное наименование образовательной организации по уставу»), so that a longer, more precise
 * synonym («Наименование муниципального образования») beats a shorter one («Наименование»).
 */
export function fieldOfHeader(header: string): ImportField | undefined {
  const exact = SYNONYM_INDEX.get(normaliseHeader(header));
  if (exact) return exact;
  const bare = normaliseHeader(header.replace(/\([^)]*\)/g, " "));
  if (!bare) return undefined;
  const withoutRemark = SYNONYM_INDEX.get(bare);
  if (withoutRemark) return withoutRemark;
  const prefix = SYNONYMS_LONGEST_FIRST.find((s) => s.length >= 3 && bare.startsWith(`${s} `));
  return prefix ? SYNONYM_INDEX.get(prefix) : undefined;
}

export interface HeaderMatch {
  /** Column index (0-based) of each field; the first column wins when several name one field. */
  mapping: Record<ImportField, number | undefined>;
  /** Required fields no column names. */
  missing: ImportField[];
  /** Non-empty headers that name no field (ignored: «№ п/п», «Директор»…). */
  unknown: string[];
  /** Fields named by more than one column. */
  duplicates: ImportField[];
}

/**
 * Matches a file's header row against the fields.
 *
 * @param headers - The header cells, as read.
 * @returns The column of each field and what is missing, unknown or named twice.
 */
export function matchHeaders(headers: readonly string[]): HeaderMatch {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, undefined])) as Record<ImportField, number | undefined>;
  const unknown: string[] = [];
  const duplicates = new Set<ImportField>();
  headers.forEach((header, index) => {
    if (!header.trim()) return;
    const field = fieldOfHeader(header);
    if (!field) unknown.push(header.trim());
    else if (mapping[field] === undefined) mapping[field] = index;
    else duplicates.add(field);
  });
  return {
    mapping,
    missing: REQUIRED_FIELDS.filter((f) => mapping[f] === undefined),
    unknown,
    duplicates: [...duplicates],
  };
}

/** How many distinct fields a row would name if it were the header row (for locating it). */
export function countRecognisedHeaders(cells: readonly string[]): number {
  return new Set(cells.map((c) => (c.trim() ? fieldOfHeader(c) : undefined)).filter(Boolean)).size;
}

/** Folds a cell value for comparison: lower case, ё→е, single spaces, no trailing dot. */
export function normaliseValue(value: string): string {
  return foldYo(value.toLocaleLowerCase("ru")).replace(/\s+/g, " ").trim().replace(/\.$/, "");
}

const TRUE_WORDS = new Set(["да", "д", "+", "1", "х", "x", "v", "✓", "✔", "true", "истина", "yes", "y", "есть", "является", "входит", "включена", "включен"]);
const FALSE_WORDS = new Set(["", "нет", "н", "0", "-", "–", "—", "false", "ложь", "no", "n", "не является", "не входит", "не включена"]);

/** Words that, written in a flag's own column or in a «Категория» cell, mean that flag. */
const FLAG_WORDS: Readonly<Record<ImportFlag, readonly string[]>> = {
  lowResults: [...FIELD_SYNONYMS.lowResults, "ШНОР", "низкие", "школа с низкими результатами"],
  adverseConditions: [...FIELD_SYNONYMS.adverseConditions, "неблагоприятные социальные условия"],
  leading: [...FIELD_SYNONYMS.leading, "школа лидер", "лидер"],
  trainingSite: [...FIELD_SYNONYMS.trainingSite, "площадка", "СП"],
  project500: [...FIELD_SYNONYMS.project500, "500", "500 +", "проект 500"],
};
const FLAG_WORD_INDEX: ReadonlyMap<string, ImportFlag> = new Map(
  IMPORT_FLAGS.flatMap((flag) => FLAG_WORDS[flag].map((w) => [normaliseHeader(w), flag] as const)),
);

/**
 * Reads a yes/no cell of a flag column. Empty, «нет», «0» and «-» are false; «да», «+», «1», «х»
 * (Cyrillic or Latin), «true» and the flag's own name («ШНОР» in the ШНОР column) are true.
 *
 * @returns The flag, or undefined when the value means neither.
 */
export function parseFlag(value: string, flag: ImportFlag): boolean | undefined {
  const v = normaliseValue(value);
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return FLAG_WORD_INDEX.get(normaliseHeader(v)) === flag ? true : undefined;
}

/**
 * Reads a «Категория» cell listing several statuses («ШНОР, ШНСУ», «Школа-лидер; стажировочная
 * площадка»). An empty cell means none.
 *
 * @returns The flags named, or the parts that name no flag.
 */
export function parseCategory(value: string): { flags: Set<ImportFlag>; unknown: string[] } {
  const flags = new Set<ImportFlag>();
  const unknown: string[] = [];
  for (const part of value.split(/[,;/\n]+|\s+и\s+/)) {
    if (!part.trim() || FALSE_WORDS.has(normaliseValue(part))) continue;
    const flag = FLAG_WORD_INDEX.get(normaliseHeader(part));
    if (flag) flags.add(flag);
    else unknown.push(part.trim());
  }
  return { flags, unknown };
}

/**
 * Reads a rural/urban cell: «сельская», «село», «сельская местность» → true; «городская», «город»
 * → false; in a «Сельская школа» column «да»/«нет» (and +, 1, 0, -) say the same.
 *
 * @returns true for rural, false for urban, null for an empty cell, undefined when unreadable.
 */
export function parseRural(value: string): boolean | null | undefined {
  const v = normaliseValue(value);
  if (v === "") return null;
  // A посёлок городского типа is an urban settlement in Rosstat's terms, a plain посёлок is not.
  if (/^(город|гор|г$|пгт|рабоч)|городского типа/.test(v)) return false;
  if (/^(сел|сельск|деревн|пос[её]л|станиц|аул|улус)/.test(v)) return true;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}
