import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { SUBJECTS } from "~/features/vocabulary";
import type { PartnershipPage } from "../page.server";
import { Area, Choice, Input, PersonName } from "./fields";

type Errors = Record<string, string | undefined>;

/** Lesson visits (взаимопосещения) with links to their printable protocols, and the form for a new one. */
export function VisitsCard({ p, errors, today, clientId }: { p: PartnershipPage; errors: Errors; today: string; clientId: string }) {
  return (
    <Card aria-labelledby="visits-heading">
      <h2 id="visits-heading" className="mb-2 text-lg font-semibold">Посещения уроков</h2>
      {p.visits.length ? (
        <ul className="flex flex-col gap-2" aria-label="Протоколы посещений">
          {p.visits.map((v) => (
            <li key={v.id}>
              <Link to={`/partnerships/${p.id}/visits/${v.id}`}>{v.visitedOn}: {v.className}, {v.subject} — {v.topic}</Link>
              <span className="text-sm text-muted"> · посетил(а) <PersonName person={v.visitor} />, урок <PersonName person={v.observed} /></span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Протоколов пока нет">После посещения урока заполните протокол наблюдения: его увидят только участники партнёрства.</EmptyState>
      )}
      {p.can.visit ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">Заполнить протокол посещения</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="visit" />
            <input type="hidden" name="clientId" value={clientId} />
            <Choice form="visit" name="observedId" label="Чей урок" options={p.memberChoices} required empty="выберите педагога" />
            <Input form="visit" name="visitedOn" type="date" label="Дата посещения" required defaultValue={today} error={errors.visitedOn} />
            <Input form="visit" name="className" label="Класс" required maxLength={20} hint="Например: 7 Б" error={errors.className} />
            <Choice form="visit" name="subjectCode" label="Предмет" options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} required empty="выберите" />
            <div className="sm:col-span-2"><Input form="visit" name="topic" label="Тема урока" required maxLength={300} error={errors.topic} /></div>
            <div className="sm:col-span-2"><Area form="visit" name="focus" label="Фокус наблюдения" required error={errors.focus} /></div>
            <div className="sm:col-span-2"><Area form="visit" name="strengths" label="Сильные стороны урока" required error={errors.strengths} /></div>
            <div className="sm:col-span-2"><Area form="visit" name="recommendations" label="Рекомендации" required error={errors.recommendations} /></div>
            <div className="sm:col-span-2"><Area form="visit" name="nextSteps" label="Договорённости о следующих шагах" required error={errors.nextSteps} /></div>
            <div><Button type="submit">Сохранить протокол</Button></div>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}
