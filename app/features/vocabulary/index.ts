/**
 * The programme's shared vocabulary: positions, subjects, grades and professional topics.
 *
 * One list, reused by profiles (what a person can help with, what they need help with),
 * communities (subject and thematic kinds), the library (subjects, grade bands, themes) and
 * partnerships (matching a school's deficits with a leading school's expertise). Codes are
 * stable identifiers stored in the database; labels are what people read. Browser-safe.
 */

export const POSITIONS = [
  "учитель",
  "директор",
  "заместитель директора",
  "методист",
  "тьютор",
  "куратор",
  "педагог-психолог",
  "учитель-логопед",
  "специалист МОУО",
  "специалист ИРО",
] as const;
export type Position = (typeof POSITIONS)[number];

export const SUBJECTS = [
  { code: "math", label: "Математика" },
  { code: "physics", label: "Физика" },
  { code: "chemistry", label: "Химия" },
  { code: "biology", label: "Биология" },
  { code: "geography", label: "География" },
  { code: "history", label: "История и обществознание" },
  { code: "russian", label: "Русский язык и литература" },
  { code: "foreign", label: "Иностранный язык" },
  { code: "informatics", label: "Информатика" },
  { code: "primary", label: "Начальная школа" },
  { code: "speech", label: "Логопедия" },
  { code: "arts", label: "Искусство и технология" },
  { code: "pe", label: "Физическая культура и ОБЗР" },
  { code: "management", label: "Управление школой" },
] as const;
export type SubjectCode = (typeof SUBJECTS)[number]["code"];
export const SUBJECT_CODES = SUBJECTS.map((s) => s.code) as [SubjectCode, ...SubjectCode[]];

/** Grades 1–11; the library groups them in bands. */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const GRADE_BANDS = [
  { code: "1-4", label: "1–4 классы", grades: [1, 2, 3, 4] },
  { code: "5-9", label: "5–9 классы", grades: [5, 6, 7, 8, 9] },
  { code: "10-11", label: "10–11 классы", grades: [10, 11] },
] as const;

/**
 * Professional topics: what a person can help with (экспертиза) and what they need help with
 * (профессиональные дефициты). They follow the risk profiles of the «500+» project and the
 * measures of the regional programmes, so a school's deficits can be matched with a leader's
 * expertise.
 */
export const TOPICS = [
  { code: "formative-assessment", label: "Формирующее оценивание" },
  { code: "low-achievers", label: "Работа с обучающимися с рисками учебной неуспешности" },
  { code: "motivation", label: "Повышение учебной мотивации" },
  { code: "inclusive", label: "Инклюзивное образование" },
  { code: "functional-literacy", label: "Функциональная грамотность" },
  { code: "differentiation", label: "Дифференцированное обучение" },
  { code: "exam-prep", label: "Подготовка к ОГЭ и ЕГЭ" },
  { code: "vpr", label: "Анализ результатов ВПР" },
  { code: "language-barriers", label: "Преодоление языковых и культурных барьеров" },
  { code: "school-climate", label: "Образовательная и воспитательная среда школы" },
  { code: "families", label: "Работа с родителями и семьями" },
  { code: "mentoring", label: "Наставничество молодых педагогов" },
  { code: "lesson-study", label: "Взаимопосещение и анализ уроков" },
  { code: "internal-quality", label: "Внутришкольная система оценки качества" },
  { code: "leadership", label: "Управление и лидерство в школе" },
  { code: "professional-growth", label: "Индивидуальный план профессионального развития" },
  { code: "digital", label: "Цифровая образовательная среда" },
  { code: "projects", label: "Проектная и исследовательская деятельность" },
  { code: "rural", label: "Малокомплектная и сельская школа" },
  { code: "psychology", label: "Психолого-педагогическое сопровождение" },
] as const;
export type TopicCode = (typeof TOPICS)[number]["code"];
export const TOPIC_CODES = TOPICS.map((t) => t.code) as [TopicCode, ...TopicCode[]];

const SUBJECT_LABELS: ReadonlyMap<string, string> = new Map(SUBJECTS.map((s) => [s.code, s.label]));
const TOPIC_LABELS: ReadonlyMap<string, string> = new Map(TOPICS.map((t) => [t.code, t.label]));

/** The Russian label of a subject code; unknown codes (from an older vocabulary) are shown as is. */
export function subjectLabel(code: string): string {
  return SUBJECT_LABELS.get(code) ?? code;
}

/** The Russian label of a topic code. */
export function topicLabel(code: string): string {
  return TOPIC_LABELS.get(code) ?? code;
}

/** "5–9, 11 классы" style summary of a set of grades: consecutive runs are joined with a dash. */
export function gradesLabel(grades: readonly number[]): string {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const runs: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  for (const g of [...sorted.slice(1), Number.NaN]) {
    if (g === prev + 1) {
      prev = g;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = g;
    prev = g;
  }
  return `${runs.join(", ")} ${sorted.length === 1 ? "класс" : "классы"}`;
}
