/**
 * The dashboard's tables, built once from the figures and used by the page, the charts' fallbacks
 * and the CSV/XLSX exports alike, so what is downloaded is what is shown. Cells are text or
 * numbers (shares as percentages with one decimal); headers are Russian.
 */
import { formatDate } from "../../utils/datetime.ts";
import { monthText } from "./periods.ts";
import type { DashboardFigures, Indicators, Share, TrendPoint } from "./queries.server.ts";
import { OWNER_KIND_LABELS } from "./strings.ts";

export type Cell = string | number | null;
export interface DataTable {
  key: "indicators" | "trend" | "schools" | "activities" | "events";
  title: string;
  /** The workbook sheet's name (at most 31 characters, none of \\ / ? * [ ] :). */
  sheet: string;
  head: string[];
  rows: Cell[][];
}

/** A share as a percentage with one decimal, or null. */
export const percent = (s: Share): number | null => (s.value === null ? null : Math.round(s.value * 1000) / 10);

/** The trend's series: what each chart shows, and how to read it off a month's indicators. */
export const SERIES = [
  { key: "partnerships", title: "Доля школ ШНОР/ШНСУ с активным партнёрством", unit: "%", target: 100, value: (i: Indicators) => percent(i.partnerships) },
  { key: "onTime", title: "Мероприятия планов, выполненные в срок", unit: "", target: null, value: (i: Indicators) => i.activities.on_time },
  { key: "overdue", title: "Просроченные мероприятия планов", unit: "", target: null, value: (i: Indicators) => i.activities.overdue },
  { key: "published", title: "Опубликованные практики", unit: "", target: null, value: (i: Indicators) => i.practices.published },
  { key: "events", title: "Проведённые мероприятия", unit: "", target: null, value: (i: Indicators) => i.events.held },
  { key: "attendance", title: "Посещаемость мероприятий", unit: "%", target: null, value: (i: Indicators) => percent(i.events.attendance) },
  { key: "teachers", title: "Доля активных педагогов школ ШНОР/ШНСУ", unit: "%", target: 60, value: (i: Indicators) => percent(i.teachers) },
] as const;

function indicatorRows(i: Indicators): Cell[][] {
  const a = i.activities;
  const e = i.events;
  return [
    ["Доля школ ШНОР/ШНСУ с активным партнёрством, %", percent(i.partnerships), i.partnerships.numerator, i.partnerships.denominator, 100],
    ["Мероприятия планов со сроком в периоде", a.due, null, null, null],
    ["— выполнено в срок", a.on_time, null, null, null],
    ["— выполнено с опозданием", a.late, null, null, null],
    ["— просрочено", a.overdue, null, null, null],
    ["— срок не наступил или в работе", a.open, null, null, null],
    ["Доля выполненных в срок, %", percent(a.onTimeShare), a.onTimeShare.numerator, a.onTimeShare.denominator, null],
    ["Практики поданы на экспертизу", i.practices.submitted, null, null, null],
    ["Практики прошли экспертизу", i.practices.reviewed, null, null, null],
    ["Практики опубликованы", i.practices.published, null, null, i.practices.target],
    ["Мероприятия проведены", e.held, null, null, null],
    ["— из них межрегиональные", e.interregional, null, null, null],
    ["Участники (зарегистрированы)", e.participants, null, null, null],
    ["Посещаемость, %", percent(e.attendance), e.attendance.numerator, e.attendance.denominator, null],
    ["Часы в сертификатах", e.certifiedHours, null, null, null],
    ["Доля активных педагогов школ ШНОР/ШНСУ, %", percent(i.teachers), i.teachers.numerator, i.teachers.denominator, 60],
  ];
}

/** Every table of the dashboard. */
export function buildTables(f: DashboardFigures, trend: TrendPoint[]): DataTable[] {
  return [
    { key: "indicators", title: "Показатели", sheet: "Показатели", head: ["Показатель", "Значение", "Числитель", "Знаменатель", "Цель"], rows: indicatorRows(f.indicators) },
    {
      key: "trend",
      title: "По месяцам",
      sheet: "По месяцам",
      head: ["Месяц", ...SERIES.map((s) => (s.unit ? `${s.title}, %` : s.title))],
      rows: trend.map((p) => [monthText(p.month), ...SERIES.map((s) => s.value(p.indicators))]),
    },
    {
      key: "schools",
      sheet: "Школы ШНОР и ШНСУ",
      title: `Школы ШНОР/ШНСУ (${f.indicators.schoolYear} учебный год)`,
      head: ["Школа", "Муниципалитет", "ШНОР", "ШНСУ", "Педагогов", "Активных педагогов", "Активное партнёрство"],
      rows: f.schools.map((s) => [s.name, s.municipality, s.lowResults ? "да" : "нет", s.adverseConditions ? "да" : "нет", s.teacherCount, s.activeTeachers, s.activePartnership ? "да" : "нет"]),
    },
    {
      key: "activities",
      sheet: "Мероприятия планов",
      title: "Мероприятия планов по владельцам",
      head: ["Владелец плана", "Вид владельца", "Со сроком в периоде", "В срок", "С опозданием", "Просрочено", "Срок не наступил или в работе", "Отменено"],
      rows: f.owners.map((o) => [o.owner, OWNER_KIND_LABELS[o.ownerKind] ?? o.ownerKind, o.due, o.on_time, o.late, o.overdue, o.open, o.cancelled]),
    },
    {
      key: "events",
      title: "Мероприятия",
      sheet: "Мероприятия",
      head: ["Мероприятие", "Первое занятие", "Проведено в периоде", "Занятий в периоде", "Зарегистрировано", "Отметок посещения", "Регионов участников", "Межрегиональное", "Часы в сертификатах"],
      rows: f.events.map((e) => [e.title, formatDate(e.firstStartsAt, e.timeZone), e.heldHere ? "да" : "нет", e.sessions, e.registered, e.attended, e.regions, e.regions >= 2 ? "да" : "нет", Math.round((e.certifiedMinutes / 60) * 10) / 10]),
    },
  ];
}
