/**
 * Templates to start a plan from, drawn from the seed documents: a partnership's roadmap (the
 * partnership projects of the Щёкино programme and the Tver draft), a municipality's plan for its
 * low-result schools (the Бичура roadmap), a school's improvement plan (Krasnodar, Tver) and a
 * region's plan of measures (Забайкальский край). Terms are written as plans write them and read
 * by `parseTerm` against the plan's school year.
 */
import type { ActivityType, PlanOwnerKind } from "./vocabulary.ts";

export interface TemplateRow {
  number: string;
  title: string;
  /** Absent on section rows. */
  term?: string;
  type?: ActivityType;
  responsible?: string;
  expected?: string;
}

export interface PlanTemplate {
  id: string;
  name: string;
  /** Which owners it suits (the form lists these first). */
  owners: readonly PlanOwnerKind[];
  title: string;
  rows: readonly TemplateRow[];
}

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "partnership-roadmap",
    name: "Дорожная карта партнёрства школ",
    owners: ["partnership"],
    title: "Дорожная карта партнёрства",
    rows: [
      { number: "1.", title: "Организация партнёрства" },
      { number: "1.1", title: "Согласование целей и дорожной карты партнёрства школ", type: "joint_planning", term: "сентябрь", responsible: "Администрации школ", expected: "Утверждённая дорожная карта" },
      { number: "1.2", title: "Диагностика профессиональных дефицитов педагогов школы-партнёра", type: "consultation", term: "октябрь", responsible: "Школа-лидер", expected: "Карта дефицитов, индивидуальные планы развития педагогов" },
      { number: "2.", title: "Обмен опытом" },
      { number: "2.1", title: "Взаимопосещение уроков с последующим обсуждением", type: "lesson_visits", term: "4, 1, 2 кв.", responsible: "Учителя-предметники обеих школ", expected: "Протоколы посещения уроков с рекомендациями" },
      { number: "2.2", title: "Мастер-класс учителей школы-лидера", type: "master_class", term: "ноябрь", responsible: "Школа-лидер", expected: "Освоены приёмы формирующего оценивания" },
      { number: "2.3", title: "Совместное методическое занятие по результатам ВПР", type: "methodical_session", term: "10 января – 15 февраля", responsible: "Методические объединения школ", expected: "Определены проблемные темы и план их отработки" },
      { number: "2.4", title: "Преподавание учителями школы-лидера в классах школы-партнёра", type: "teaching_partner_classes", term: "1–4 кв.", responsible: "Школа-лидер", expected: "Проведены уроки в классах школы-партнёра" },
      { number: "3.", title: "Подведение итогов" },
      { number: "3.1", title: "Анализ результатов партнёрства и планирование на следующий год", type: "joint_planning", term: "май", responsible: "Администрации школ, куратор", expected: "Аналитическая справка, план на следующий год" },
      { number: "3.2", title: "Консультации для администрации школы-партнёра", type: "consultation", term: "в течение года", responsible: "Куратор", expected: "Управленческие решения по итогам консультаций" },
    ],
  },
  {
    id: "municipal-shnor",
    name: "Муниципальный план работы со школами с низкими результатами",
    owners: ["municipality"],
    title: "План мероприятий по повышению качества образования в школах с низкими образовательными результатами",
    rows: [
      { number: "1.", title: "Нормативно-правовое обеспечение" },
      { number: "1.1", title: "Доведение до школ приказов и инструктивных документов по работе со школами с низкими образовательными результатами", term: "в течение года", responsible: "Управление образования", expected: "Банк нормативно-правовых актов" },
      { number: "1.2", title: "Формирование муниципальной дорожной карты поддержки школ", term: "сентябрь", responsible: "Управление образования", expected: "Муниципальная программа перехода школ в эффективный режим функционирования" },
      { number: "2.", title: "Мониторинг, оценка и анализ образовательного процесса" },
      { number: "2.1", title: "Анализ данных об образовательных результатах и социальных условиях работы школ", term: "октябрь", responsible: "Управление образования, руководители школ", expected: "Аналитическая справка" },
      { number: "2.2", title: "Предметно-содержательный анализ результатов ВПР, ОГЭ, ЕГЭ", term: "декабрь", responsible: "Управление образования, руководители школ", expected: "Определены проблемные темы и учебные действия" },
      { number: "3.", title: "Методическое сопровождение школ" },
      { number: "3.1", title: "Инструктивно-методические совещания с руководителями школ", term: "1 раз в квартал", responsible: "Управление образования", expected: "Протоколы совещаний" },
      { number: "3.2", title: "Диссеминация лучших муниципальных практик школ с высокими результатами", term: "в течение года", responsible: "Управление образования, руководители школ", expected: "Трансляция опыта педагогов" },
      { number: "4.", title: "Повышение квалификации" },
      { number: "4.1", title: "Адресные курсы повышения квалификации для руководителей и педагогов школ", term: "4, 1, 2 кв.", responsible: "Управление образования", expected: "Повышение профессиональных компетенций" },
    ],
  },
  {
    id: "school-improvement",
    name: "План перехода школы в эффективный режим работы",
    owners: ["organisation"],
    title: "План перехода школы в эффективный режим работы",
    rows: [
      { number: "1.", title: "Анализ и планирование" },
      { number: "1.1", title: "Самообследование школы и анализ причин низких результатов", term: "сентябрь", responsible: "Администрация школы", expected: "Аналитическая справка" },
      { number: "1.2", title: "Размещение программы улучшения результатов на официальном сайте школы", term: "октябрь", responsible: "Администрация школы", expected: "Программа опубликована" },
      { number: "2.", title: "Работа с педагогами" },
      { number: "2.1", title: "Индивидуальные планы профессионального развития педагогов", term: "октябрь – ноябрь", responsible: "Заместитель директора", expected: "Планы для каждого педагога" },
      { number: "2.2", title: "Внедрение формирующего оценивания на уроках", term: "1–4 кв.", responsible: "Методическое объединение", expected: "Доля уроков с формирующим оцениванием" },
      { number: "3.", title: "Работа с семьями" },
      { number: "3.1", title: "Родительские собрания о целях программы и результатах обучения", term: "ежегодно", responsible: "Классные руководители", expected: "Участие родителей" },
    ],
  },
  {
    id: "regional-measures",
    name: "Региональный план мер по поддержке школ",
    owners: ["region"],
    title: "План мероприятий по повышению качества образования в школах с низкими результатами обучения",
    rows: [
      { number: "1.", title: "Сетевые предметные сообщества" },
      { number: "1.1", title: "Создание сетевых предметных сообществ учителей", term: "октябрь", responsible: "Институт развития образования", expected: "В сообществах не менее 60 % учителей школ программы" },
      { number: "2.", title: "Партнёрства школ" },
      { number: "2.1", title: "Заключение соглашений о партнёрстве школ с низкими и высокими результатами", term: "сентябрь – октябрь", responsible: "Министерство образования, муниципальные органы управления образованием", expected: "Соглашения 10 пар школ" },
      { number: "3.", title: "Межрегиональные вебинары и семинары" },
      { number: "3.1", title: "Межрегиональный семинар по лучшим практикам (2 дня, 50 участников из 5 регионов)", term: "ноябрь", responsible: "Институт развития образования", expected: "Представлены лучшие практики" },
      { number: "4.", title: "Мониторинг и отчётность" },
      { number: "4.1", title: "Квартальные аналитические отчёты по выполнению плана (до 15 числа месяца, следующего за отчётным)", term: "ежеквартально", responsible: "Институт развития образования", expected: "Отчёты" },
    ],
  },
];

export const templateById = (id: string) => PLAN_TEMPLATES.find((t) => t.id === id);
