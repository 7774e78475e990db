/** User-visible strings of the library (browser-safe). */
import type { PluralForms } from "~/utils/plural";

export const KIND_LABELS = {
  practice: "Лучшая практика",
  recommendations: "Методические рекомендации",
  lesson_plan: "Конспект урока",
  case: "Кейс",
} as const;

export const STATUS_LABELS = {
  draft: "черновик",
  submitted: "отправлена на экспертизу",
  under_review: "на экспертизе",
  returned: "возвращена на доработку",
  published: "опубликована",
  superseded: "заменена новой версией",
} as const;

/** The rubric of the expert review (экспертиза): each criterion gets a score of 1–5 and a comment. */
export const RUBRIC = [
  { code: "relevance", label: "Соответствие задачам программы", hint: "Практика отвечает на задачи «500+» и региональных программ поддержки школ: снижение рисков учебной неуспешности, повышение качества обучения." },
  { code: "results", label: "Подтверждённые результаты", hint: "Показаны результаты: динамика оценочных процедур, наблюдения, отзывы обучающихся и родителей." },
  { code: "reproducibility", label: "Воспроизводимость", hint: "Другая школа сможет повторить практику по описанию: шаги, сроки, ресурсы, условия." },
  { code: "completeness", label: "Полнота материалов", hint: "Приложены материалы для работы: конспекты, листы самооценки, анкеты, презентации." },
] as const;
export type RubricCode = (typeof RUBRIC)[number]["code"];
export const RUBRIC_CODES = RUBRIC.map((r) => r.code) as [RubricCode, ...RubricCode[]];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export const PRACTICES: PluralForms = ["практика", "практики", "практик"];
export const VIEWS: PluralForms = ["просмотр", "просмотра", "просмотров"];
export const USEFUL: PluralForms = ["отметка «полезно»", "отметки «полезно»", "отметок «полезно»"];
export const COMMENTS: PluralForms = ["комментарий", "комментария", "комментариев"];
export const FILES: PluralForms = ["файл", "файла", "файлов"];

export const LIBRARY_ERRORS = {
  notFound: "Практика не найдена",
  fileNotFound: "Файл не найден",
  forbidden: "Недостаточно прав для этого действия.",
  notAuthor: "Изменять практику могут только её авторы.",
  notEditable: "Практику на экспертизе изменить нельзя: дождитесь решения эксперта.",
  notSubmittable: "Отправить на экспертизу можно черновик или практику, возвращённую на доработку.",
  organisationRequired: "Укажите организацию: без неё эксперт не сможет взять практику на экспертизу.",
  notYourOrganisation: "Выберите организацию, в которой вы работаете (место работы в профиле или подтверждённое организацией).",
  organisationFixed: "Организацию опубликованной практики изменить нельзя.",
  badBody: "Текст практики не сохранён",
  bodyRequired: "Опишите практику: текст не может быть пустым.",
  coauthorUnknown: "Соавтора можно выбрать только из сотрудников организации.",
  notSubmitted: "Эту практику сейчас нельзя взять на экспертизу: её уже взял другой эксперт или автор её не отправлял.",
  ownOrganisation: "Эксперт не проводит экспертизу практик своей организации.",
  ownPractice: "Нельзя проводить экспертизу собственной практики.",
  notExpert: "Экспертизу проводят эксперты региона, из которого практика.",
  notYourReview: "Решение по экспертизе принимает эксперт, который её взял.",
  commentRequired: "Напишите автору, что нужно доработать.",
  scoresRequired: "Оцените практику по всем критериям.",
  notPublished: "Практика ещё не опубликована.",
  ownVote: "Свою практику отмечать «полезной» нельзя.",
  tooManyFiles: "К практике можно приложить не больше 10 файлов.",
} as const;

export const UPLOAD_ERRORS = {
  empty: "Выберите файл.",
  tooLarge: (mb: number) => `Файл больше ${mb} МБ. Уменьшите его или разделите на части.`,
  badName: "Недопустимое имя файла: в нём не должно быть пути (/, \\, ..) и служебных символов. Переименуйте файл и загрузите снова.",
  badExtension: "Такие файлы не принимаются. Можно: PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP, JPG, PNG, WebP, GIF.",
  mismatch: (ext: string) => `Содержимое файла не соответствует расширению .${ext}: файл не принят. Сохраните документ заново в этом формате.`,
  storage: "Не удалось сохранить файл. Попробуйте ещё раз.",
} as const;

export type UploadErrorCode = "empty" | "tooLarge" | "badName" | "badExtension" | "mismatch" | "storage" | "tooMany" | "notEditable";

/** The message of a refused upload by its code (the upload route redirects with the code). */
export function uploadMessage(code: string, extension: string | null, maxMb: number): string | null {
  switch (code) {
    case "empty":
      return UPLOAD_ERRORS.empty;
    case "tooLarge":
      return UPLOAD_ERRORS.tooLarge(maxMb);
    case "badName":
      return UPLOAD_ERRORS.badName;
    case "badExtension":
      return UPLOAD_ERRORS.badExtension;
    case "mismatch":
      return extension && /^[a-z]{3,4}$/.test(extension) ? UPLOAD_ERRORS.mismatch(extension) : UPLOAD_ERRORS.badExtension;
    case "storage":
      return UPLOAD_ERRORS.storage;
    case "tooMany":
      return LIBRARY_ERRORS.tooManyFiles;
    case "notEditable":
      return LIBRARY_ERRORS.notEditable;
    default:
      return null;
  }
}

export const LIBRARY_DONE = {
  created: "Черновик сохранён. Добавьте файлы и отправьте практику на экспертизу.",
  saved: "Изменения сохранены.",
  newVersion: "Создана новая версия. Читатели видят опубликованную, пока эксперт не примет новую.",
  submitted: "Практика отправлена на экспертизу. Решение эксперта придёт в уведомлениях.",
  uploaded: "Файл загружен.",
  removed: "Файл удалён.",
  taken: "Практика взята на экспертизу.",
  returned: "Практика возвращена автору с комментариями.",
  accepted: "Практика принята и опубликована.",
  bookmarked: "Практика добавлена в закладки.",
  unbookmarked: "Практика убрана из закладок.",
  voted: "Спасибо! Ваша отметка «полезно» учтена.",
  unvoted: "Отметка «полезно» снята.",
  commented: "Комментарий опубликован.",
} as const;
export type LibraryDoneKey = keyof typeof LIBRARY_DONE;
