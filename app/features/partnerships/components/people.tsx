import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { MEMBER_ROLE_LABELS } from "../strings";
import type { PartnershipPage } from "../page.server";
import { Area, Choice, Input, PersonName } from "./fields";

type Errors = Record<string, string | undefined>;
const ROLE_OPTIONS = Object.entries(MEMBER_ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** Members of both schools with their roles; the form adds confirmed staff. */
export function MembersCard({ p }: { p: PartnershipPage }) {
  const addable = p.candidates.filter((c) => p.can.membersOf.includes(c.orgId));
  return (
    <Card aria-labelledby="members-heading">
      <h2 id="members-heading" className="mb-2 text-lg font-semibold">Участники</h2>
      {p.members.length ? (
        <ul className="flex flex-col gap-2" aria-label="Участники партнёрства">
          {p.members.map((m) => (
            <li key={m.person.id} className="flex flex-wrap items-center justify-between gap-2">
              <span><PersonName person={m.person} /> — {m.role}, {m.school}</span>
              {p.can.membersOf.includes(m.orgId) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-member" />
                  <input type="hidden" name="userId" value={m.person.id} />
                  <Button type="submit" variant="ghost" aria-label={`Исключить: ${m.person.name}`}>Исключить</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Участников пока нет">Администраторы школ добавляют в партнёрство своих подтверждённых сотрудников.</EmptyState>
      )}
      {addable.length ? (
        <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-[1fr_16rem_auto] sm:items-end">
          <input type="hidden" name="intent" value="member" />
          <Choice form="member" name="userId" label="Сотрудник" options={addable.map((c) => ({ value: c.userId, label: c.label }))} />
          <Choice form="member" name="role" label="Роль в партнёрстве" options={ROLE_OPTIONS} defaultValue="teacher" />
          <Button type="submit">Добавить участника</Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** Mentor pairs with goals, progress and the meeting log. */
export function PairsCard({ p, errors, today }: { p: PartnershipPage; errors: Errors; today: string }) {
  return (
    <Card aria-labelledby="pairs-heading">
      <h2 id="pairs-heading" className="mb-2 text-lg font-semibold">Наставнические пары</h2>
      {p.pairs.length === 0 ? <EmptyState title="Пар пока нет">Куратор или администратор школы составляет пары из участников партнёрства.</EmptyState> : null}
      <div className="flex flex-col gap-4">
        {p.pairs.map((pair) => (
          <article key={pair.id} aria-labelledby={`pair-${pair.id}`} className="rounded-md border border-slate-200 p-4">
            <h3 id={`pair-${pair.id}`} className="font-semibold">
              Наставник <PersonName person={pair.mentor} /> — наставляемый <PersonName person={pair.mentee} />
            </h3>
            <p className="whitespace-pre-line text-sm">Цели: {pair.goals}</p>
            <div className="mt-2 flex items-center gap-3">
              <label htmlFor={`progress-${pair.id}`} className="text-sm">Прогресс</label>
              <progress id={`progress-${pair.id}`} max={100} value={pair.progress} className="h-3 w-40" />
              <span className="text-sm">{pair.progress} %</span>
            </div>
            <h4 className="mt-3 font-medium">Журнал встреч</h4>
            {pair.meetings.length ? (
              <ol className="mt-1 flex flex-col gap-2" aria-label={`Встречи пары: ${pair.mentor.name} и ${pair.mentee.name}`}>
                {pair.meetings.map((m) => (
                  <li key={m.id} className="text-sm">
                    <strong>{m.heldOn}</strong>: {m.summary}
                    {m.nextSteps ? <> Дальше: {m.nextSteps}</> : null} ({m.progress} %{m.by ? <>, записал(а) <PersonName person={m.by} /></> : null})
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">Встреч пока не было.</p>
            )}
            {pair.canLog ? (
              <details className="mt-3">
                <summary className="cursor-pointer font-medium">Записать встречу</summary>
                <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
                  <input type="hidden" name="intent" value="meeting" />
                  <input type="hidden" name="pairId" value={pair.id} />
                  <Input form={`meeting-${pair.id}`} name="heldOn" type="date" label="Дата встречи" required defaultValue={today} error={errors.heldOn} />
                  <Input form={`meeting-${pair.id}`} name="progress" type="number" min={0} max={100} label="Прогресс, %" required defaultValue={String(pair.progress)} error={errors.progress} />
                  <div className="sm:col-span-2"><Area form={`meeting-${pair.id}`} name="summary" label="Что сделали на встрече" required error={errors.summary} /></div>
                  <div className="sm:col-span-2"><Area form={`meeting-${pair.id}`} name="nextSteps" label="Что дальше" /></div>
                  <div><Button type="submit">Сохранить встречу</Button></div>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
      </div>
      {p.can.pairs && p.memberChoices.length >= 2 ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">Новая пара</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="pair" />
            <Choice form="pair" name="mentorId" label="Наставник" options={p.memberChoices} required empty="выберите" />
            <Choice form="pair" name="menteeId" label="Наставляемый" options={p.memberChoices} required empty="выберите" />
            <div className="sm:col-span-2"><Area form="pair" name="goals" label="Цели пары" required error={errors.goals} /></div>
            <div><Button type="submit">Создать пару</Button></div>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}
