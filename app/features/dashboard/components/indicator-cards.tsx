import type { ReactNode } from "react";
import { countRu, formatNumberRu } from "~/utils/plural";
import type { Indicators, Share } from "../queries.server";
import { percent } from "../tables";
import { PLURALS } from "../strings";

const pct = (s: Share) => (s.value === null ? "—" : `${formatNumberRu(percent(s)!)} %`);

function Card({ title, value, children, target, met }: { title: string; value: ReactNode; children?: ReactNode; target?: string; met?: boolean | null }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-muted">{title}</dt>
      <dd className="mt-1 text-3xl font-bold text-ink">{value}</dd>
      {target ? (
        <dd className={`mt-1 text-sm font-medium ${met ? "text-green-800" : met === false ? "text-amber-800" : "text-muted"}`}>
          Цель: {target}
          {met === true ? " — достигнута" : met === false ? " — не достигнута" : ""}
        </dd>
      ) : null}
      {children ? <dd className="mt-2 text-sm text-muted">{children}</dd> : null}
    </div>
  );
}

/** The headline figures with their targets. */
export function IndicatorCards({ i }: { i: Indicators }) {
  const a = i.activities;
  const e = i.events;
  const p = i.practices;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="indicator-cards">
      <Card title="Школы ШНОР/ШНСУ с активным партнёрством" value={pct(i.partnerships)} target="100 %" met={i.partnerships.value === null ? null : i.partnerships.value >= 1}>
        {i.partnerships.numerator} из {countRu(i.partnerships.denominator, PLURALS.schools)} списка {i.schoolYear} учебного года
      </Card>
      <Card title="Мероприятия планов выполнены в срок" value={pct(a.onTimeShare)}>
        {countRu(a.due, PLURALS.activities)} со сроком в периоде: в срок {a.on_time}, с опозданием {a.late}, просрочено {a.overdue}, срок не наступил или в работе {a.open}
      </Card>
      <Card title="Практики опубликованы" value={formatNumberRu(p.published)} target={p.target === null ? undefined : countRu(p.target, PLURALS.practices)} met={p.target === null ? null : p.published >= p.target}>
        подано на экспертизу {p.submitted}, прошли экспертизу {p.reviewed}
      </Card>
      <Card title="Мероприятия проведены" value={formatNumberRu(e.held)}>
        межрегиональных {e.interregional}; {countRu(e.participants, PLURALS.participants)}; {countRu(e.certifiedHours, PLURALS.hours)} в сертификатах
      </Card>
      <Card title="Посещаемость мероприятий" value={pct(e.attendance)}>
        {formatNumberRu(e.attendance.numerator)} отметок посещения из {formatNumberRu(e.attendance.denominator)} ожидаемых ({countRu(e.sessions, PLURALS.sessions)})
      </Card>
      <Card title="Активные педагоги школ ШНОР/ШНСУ" value={pct(i.teachers)} target="60 %" met={i.teachers.value === null ? null : i.teachers.value >= 0.6}>
        {countRu(i.teachers.numerator, PLURALS.teachers)} из {formatNumberRu(i.teachers.denominator)} по численности педагогов школ
      </Card>
    </dl>
  );
}
