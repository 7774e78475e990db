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

/** Russian noun forms the import pages count with `countRu`. */
export const FORMS = {
  school: ["школа", "школы", "школ"],
  /** After «из»: «из 1 школы», «из 5 000 школ». */
  ofSchools: ["школы", "школ", "школ"],
  /** Accusative: «проверяем 1 строку», «записываем 5 000 школ». */
  rowAcc: ["строку", "строки", "строк"],
  schoolAcc: ["школу", "школы", "школ"],
  row: ["строка", "строки", "строк"],
  error: ["ошибка", "ошибки", "ошибок"],
} as const satisfies Record<string, readonly [string, string, string]>;

/** Statuses of an upload as the pages name them. */
export const STATUS_LABELS = {
  previewed: "Проверен, ждёт подтверждения",
  applying: "Загружается в справочник",
  done: "Загружен в справочник",
  failed: "Не загружен: сбой на сервере",
  rejected: "Отклонён: в файле есть ошибки",
} as const;

/** Strings of the upload form, the preview and the progress of an import. */
export const IMPORT_UI = {
  title: "Загрузка списка школ",
  lead:
    "Загрузите официальный список школ региона в CSV или XLSX. Сначала мы проверим файл и покажем, что изменится; " +
    "в справочник он попадёт только после вашего подтверждения.",
  forbidden: "Загружать списки школ могут координаторы программы в своём регионе.",
  forbiddenImport: "Эта загрузка относится к региону, который вы не координируете.",
  notFound: "Загрузка не найдена",
  uploadHeading: "Новый список",
  region: "Регион",
  regionInvalid: "Выберите регион из списка.",
  schoolYear: "Учебный год",
  schoolYearHint: "Отметки ШНОР, ШНСУ, школа-лидер, стажировочная площадка и «500+» ставятся на этот учебный год.",
  schoolYearInvalid: "Выберите учебный год из списка.",
  file: "Файл со списком",
  fileHint: (maxMb: number) => `CSV (UTF-8 или Windows-1251) или книга Excel .xlsx, не больше ${maxMb} МБ.`,
  fileMissing: "Выберите файл со списком школ.",
  fileEmpty: "Файл пустой: в нём нет ни заголовков, ни строк.",
  fileType: "Загрузите файл CSV или XLSX (книга Excel). Другие форматы не читаются.",
  formUnreadable: "Форма не прочитана: выберите файл ещё раз и отправьте форму.",
  clearAbsent: "Снять отметки с школ, которых нет в файле",
  clearAbsentHint: "Школы региона, которых нет в новом списке, останутся в справочнике, но их отметки на выбранный учебный год будут сняты.",
  submit: "Проверить файл",
  submitting: "Проверяем файл…",
  columnsHeading: "Какие столбцы нужны",
  columnsRequired: "Обязательные столбцы:",
  columnsOptional: "Необязательные столбцы:",
  columnsSynonyms: "Как ещё могут называться столбцы",
  columnsNote:
    "Порядок столбцов не важен, заголовок может стоять не в первой строке, лишние столбцы («№ п/п», «Директор») пропускаются. " +
    "Повторная загрузка того же списка ничего не портит: школы узнаются по ИНН.",
  recentHeading: "Последние загрузки",
  recentEmpty: "Загрузок пока не было",
  recentEmptyHint: "Выберите регион, учебный год и файл — и нажмите «Проверить файл».",
  fileHeading: "Файл",
  columnsMapHeading: "Столбцы файла",
  columnUnknown: "не используется",
  columnDuplicate: "повтор, не используется",
  columnMissing: (label: string) => `нет в файле — обязательный столбец «${label}»`,
  statsHeading: "Что изменится",
  statsIfFixed: "После исправления ошибок картина может измениться: сейчас ничего не будет записано.",
  create: "Будет создано",
  update: "Будет обновлено",
  unchanged: "Без изменений",
  absent: "Нет в файле",
  invalid: "Строк с ошибками",
  absentList: "Какие школы есть в справочнике, но нет в файле",
  absentKept: "Школы, которых нет в файле, останутся в справочнике со своими отметками.",
  absentCleared: "У школ, которых нет в файле, отметки на этот учебный год будут сняты.",
  errorsHeading: "Ошибки",
  rejectedAlert: (errors: string) => `В файле ${errors}. Ничего не будет записано: исправьте файл и загрузите его снова.`,
  errorsShown: (from: number, to: number, total: string) => `Показаны ${from}–${to} из ${total}.`,
  errorsPrev: "Предыдущие ошибки",
  errorsNext: "Следующие ошибки",
  sampleHeading: "Примеры изменений",
  sampleCreate: "новая школа",
  sampleUpdate: "изменится",
  sampleMore: (rest: string) => `…и ещё ${rest}.`,
  confirm: "Загрузить в справочник",
  confirming: "Ставим в очередь…",
  confirmNote: "Запись идёт одной транзакцией: или записывается весь список, или ничего.",
  another: "Загрузить другой файл",
  progressHeading: "Загрузка в справочник",
  doneHeading: "Список загружен в справочник",
  doneAt: (at: string) => `Загрузка завершена ${at}.`,
  created: "Создано",
  updated: "Обновлено",
  clearedAbsent: "Сняты отметки",
  failed: "Список не загружен: на сервере произошёл сбой. Ничего не записано — попробуйте загрузить файл ещё раз через несколько минут.",
  rejectedLater:
    "Пока список ждал подтверждения, справочник изменился, и файл больше не проходит проверку. Ничего не записано: исправьте файл и загрузите его снова.",
  formatXlsx: (sheet: string | undefined) => `Книга Excel (XLSX)${sheet ? `, лист «${sheet}»` : ""}`,
  formatCsv: (encoding: string, delimiter: string | undefined) =>
    `CSV, кодировка ${encoding}${delimiter ? `, разделитель ${delimiter === "\t" ? "табуляция" : `«${delimiter}»`}` : ""}`,
  headerLine: (line: number) => `Заголовки — в строке ${line}.`,
} as const;

/** Human names of the text encodings the reader detects. */
export const ENCODING_LABELS: Readonly<Record<string, string>> = {
  "utf-8": "UTF-8",
  "windows-1251": "Windows-1251 (cp1251)",
  "utf-16le": "UTF-16",
};
