/**
 * User-visible strings of the import of schools, in one place (house rule). Every message says
 * what is wrong and what to do about it; row messages start with the row number as the
 * spreadsheet shows it (the header is row 1).
 *
 * Browser-safe.
 */
import { formatNumberRu } from "../../../utils/plural.ts";

/** File size and row limits (kept here so the upload form can say them in advance). */
export const IMPORT_LIMITS = { maxBytes: 20 * 1024 * 1024, maxRows: 50_000 } as const;

const SAVE_AS = "Сохраните список в Excel как «Книга Excel (*.xlsx)» или «CSV (разделители — точки с запятой)».";

/** «Строка 14», «Строки 40 и 52», «Строки 3, 7 и 9». */
export function rowsLabel(lines: readonly number[]): string {
  if (lines.length === 1) return `Строка ${lines[0]}`;
  const head = lines.slice(0, -1).join(", ");
  return `Строки ${head} и ${lines[lines.length - 1]}`;
}

const quoteList = (items: readonly string[]) => items.map((s) => `«${s}»`).join(", ");

/** «в Забайкальском крае», «в Тульской области», «в Республике Бурятия». */
export function inRegion(regionName: string | undefined): string {
  if (!regionName) return "в выбранном регионе";
  const republic = /^Республика (.+)$/.exec(regionName);
  if (republic) return `в Республике ${republic[1]}`;
  const adjective = (word: string) =>
    word.replace(/(ск|цк)ий$/, "$1ом").replace(/ый$/, "ом").replace(/ой$/, "ом").replace(/ая$/, "ой").replace(/яя$/, "ей");
  const krai = /^(\S+) край$/.exec(regionName);
  if (krai) return `в ${adjective(krai[1]!)} крае`;
  const oblast = /^(\S+) область$/.exec(regionName);
  if (oblast) return `в ${adjective(oblast[1]!)} области`;
  const okrug = /^(\S+) автономный округ$/.exec(regionName);
  if (okrug) return `в ${adjective(okrug[1]!)} автономном округе`;
  return `в регионе «${regionName}»`;
}

export const FILE_MESSAGES = {
  notATable: `Файл не похож на таблицу CSV или XLSX. ${SAVE_AS}`,
  legacyXls: `Файл не похож на таблицу CSV или XLSX: это старый формат Excel 97–2003 (.xls), его прочитать нельзя. ${SAVE_AS}`,
  empty: "Файл пустой: в нём нет ни заголовков, ни строк.",
  noWorksheet: `В книге Excel нет ни одного листа с данными. ${SAVE_AS}`,
  noRows: "В файле есть заголовки, но нет ни одной строки со школами.",
  tooLarge: (bytes: number) =>
    `Файл слишком большой: ${formatNumberRu(Math.ceil((bytes / 1024 / 1024) * 10) / 10)} МБ, можно не больше ` +
    `${IMPORT_LIMITS.maxBytes / 1024 / 1024} МБ. Удалите лишние листы и столбцы или разделите список на части.`,
  tooManyRows: () =>
    `В файле больше ${formatNumberRu(IMPORT_LIMITS.maxRows)} строк с данными. Разделите список на несколько файлов.`,
  unclosedQuote: (line: number) =>
    `Строка ${line}: кавычка открыта, но не закрыта, поэтому остаток файла не разобрать. Проверьте кавычки в этой строке.`,
  missingColumn: (label: string, found: readonly string[]) =>
    `В файле нет столбца «${label}». Найдены столбцы: ${found.length ? quoteList(found) : "нет ни одного"}. ` +
    `Добавьте столбец или переименуйте подходящий.`,
  duplicateColumn: (label: string, headers: readonly string[]) =>
    `Столбцы ${quoteList(headers)} означают одно и то же («${label}»). Оставьте один из них.`,
  schoolYear: (value: string) => `Учебный год «${value}» указан неверно: нужен вид «2025/2026».`,
  rejected: (count: number) =>
    `Импорт отклонён: ${count === 1 ? "в файле есть ошибка" : `ошибок в файле: ${formatNumberRu(count)}`}. Ничего не записано — исправьте файл и загрузите его снова.`,
} as const;

const MAX_SHOWN = 60;
/** Shortens a cell for quoting in a message. */
export function shown(value: string): string {
  const v = value.replace(/\s+/g, " ").trim();
  return v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN - 1)}…` : v;
}

/** Row messages without the «Строка N: » prefix (the validator adds it). */
export const ROW_MESSAGES = {
  innEmpty: "не заполнен ИНН",
  innLength: (value: string, digits: number, padded?: string) =>
    `ИНН «${shown(value)}» — должно быть 10 цифр` +
    (digits === 12 ? " (12 цифр бывает у ИП, у школы ИНН юридического лица из 10 цифр)" : "") +
    (padded ? `; если Excel отбросил ведущий ноль, правильный ИНН ${padded} — задайте столбцу текстовый формат` : ""),
  innChecksum: (inn: string) => `ИНН ${inn} не проходит проверку контрольной суммы — проверьте, не перепутаны ли цифры`,
  innDuplicate: (inn: string) => `один и тот же ИНН ${inn} — оставьте одну строку на школу`,
  nameEmpty: "не заполнено полное наименование",
  tooLong: (label: string, max: number) => `слишком длинное значение в столбце «${label}» (больше ${max} символов)`,
  municipalityEmpty: "не указан муниципалитет",
  municipalityUnknown: (value: string, regionName: string | undefined, similar: readonly string[]) =>
    `муниципалитет «${shown(value)}» не найден ${inRegion(regionName)}. ` +
    (similar.length
      ? `Похожие: ${similar.join(", ")}`
      : "Проверьте название или попросите администратора добавить муниципалитет в справочник"),
  municipalityAmbiguous: (value: string, candidates: readonly string[]) =>
    `муниципалитет «${shown(value)}» подходит к нескольким: ${candidates.join(", ")} — напишите название полностью`,
  email: (value: string) => `e-mail «${shown(value)}» указан неверно — нужен один адрес вида school@example.ru`,
  website: (value: string) => `сайт «${shown(value)}» указан неверно — нужен адрес вида https://school.example.ru`,
  teacherCount: (value: string) => `количество педагогов «${shown(value)}» — нужно целое число не меньше 0`,
  teacherCountTooBig: (value: string) => `количество педагогов «${shown(value)}» слишком велико — проверьте число`,
  flag: (label: string, value: string) =>
    `в столбце «${label}» значение «${shown(value)}» не распознано — напишите «да» или «нет» (подойдут также +, 1, х или пустая ячейка)`,
  rural: (label: string, value: string) =>
    `в столбце «${label}» значение «${shown(value)}» не распознано — напишите «сельская» или «городская»`,
  category: (label: string, parts: readonly string[]) =>
    `в столбце «${label}» не распознано ${quoteList(parts)} — ожидаются ШНОР, ШНСУ, школа-лидер, стажировочная площадка, 500+`,
  lowAndLeading: (schoolYear: string) =>
    `школа отмечена и как ШНОР, и как школа-лидер в ${schoolYear} учебном году — оставьте одну отметку`,
  lowAndLeadingStored: (schoolYear: string, stored: "ШНОР" | "школа-лидер") =>
    `школа стала бы одновременно ШНОР и школой-лидером в ${schoolYear} учебном году: в справочнике уже стоит отметка «${stored}», а в файле нет этого столбца — добавьте столбец или снимите отметку`,
  regionMismatch: (value: string, regionName: string | undefined) =>
    `регион «${shown(value)}» не совпадает с выбранным для загрузки` +
    (regionName ? ` (${regionName})` : "") +
    ` — уберите строку или загрузите файл в нужном регионе`,
  innOtherRegion: (inn: string, name: string, regionName: string) =>
    `ИНН ${inn} уже принадлежит организации «${shown(name)}» (${regionName}) — школу другого региона перезаписать нельзя, проверьте ИНН`,
  innNotSchool: (inn: string, name: string) =>
    `ИНН ${inn} принадлежит не школе, а организации «${shown(name)}» — проверьте ИНН`,
} as const;

/** Labels of the plan's changes that are not columns. */
export const PLAN_LABELS = {
  yearRecord: (schoolYear: string) => `запись за ${schoolYear} учебный год`,
} as const;
