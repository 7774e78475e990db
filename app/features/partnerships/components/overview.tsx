import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import type { PartnershipPage } from "../page.server";
import { Area, Choice, Input, PersonName } from "./fields";

type Errors = Record<string, string | undefined>;

/** The agreement's facts and, for those who may, its form. */
export function AgreementCard({ p, errors }: { p: PartnershipPage; errors: Errors }) {
  const a = p.agreement;
  return (
    <Card aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" className="mb-2 text-lg font-semibold">Соглашение</h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-muted">Школа-лидер</dt>
        <dd><a href={`/organisations/${p.leader.id}`}>{p.leader.name}</a>, {p.leader.place}</dd>
        <dt className="text-muted">Школа-партнёр</dt>
        <dd><a href={`/organisations/${p.partner.id}`}>{p.partner.name}</a>, {p.partner.place}</dd>
        <dt className="text-muted">Номер и дата</dt>
        <dd>{a.number ? `№ ${a.number}${a.dateLabel ? ` от ${a.dateLabel}` : ""}` : "не указаны"}</dd>
        <dt className="text-muted">Срок</dt>
        <dd>{a.period ?? "не указан"}</dd>
        {p.insider ? (
          <>
            <dt className="text-muted">Куратор</dt>
            <dd><PersonName person={p.curator} /></dd>
          </>
        ) : null}
        <dt className="text-muted">Цели</dt>
        <dd className="whitespace-pre-line">{a.goals || "не указаны"}</dd>
        {a.reason ? (
          <>
            <dt className="text-muted">Причина</dt>
            <dd>{a.reason}</dd>
          </>
        ) : null}
      </dl>
      {p.can.agreement ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">Изменить сведения о соглашении</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="agreement" />
            <Input form="agreement" name="agreementNumber" label="Номер соглашения" defaultValue={a.number ?? ""} maxLength={60} error={errors.agreementNumber} />
            <Input form="agreement" name="agreementDate" type="date" label="Дата соглашения" defaultValue={a.date ?? ""} error={errors.agreementDate} />
            <Input form="agreement" name="periodStart" type="date" label="Начало срока" defaultValue={a.periodStart ?? ""} error={errors.periodStart} />
            <Input form="agreement" name="periodEnd" type="date" label="Окончание срока" defaultValue={a.periodEnd ?? ""} error={errors.periodEnd} />
            <div className="sm:col-span-2">
              <Choice form="agreement" name="curatorId" label="Куратор (тьютор)" options={p.staffChoices} empty="не назначен" defaultValue={p.curatorId ?? ""} />
            </div>
            <div className="sm:col-span-2">
              <Area form="agreement" name="goals" label="Цели партнёрства" defaultValue={a.goals} error={errors.goals} />
            </div>
            <div><Button type="submit">Сохранить соглашение</Button></div>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}

/** What the viewer may decide now: accept, confirm, decline, complete or end. */
export function LifecycleActions({ p, errors }: { p: PartnershipPage; errors: Errors }) {
  const c = p.can;
  if (!c.accept && !c.confirm && !c.decline && !c.end) return null;
  return (
    <Card aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="mb-3 text-lg font-semibold">Решение</h2>
      <div className="flex flex-col gap-4">
        {c.accept ? (
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <p className="mb-2">Школа {c.accept === "leader" ? p.leader.name : p.partner.name} получила предложение партнёрства.</p>
            <Button type="submit">Принять предложение</Button>
          </Form>
        ) : null}
        {c.confirm ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <p className="mb-2">Обе школы согласны. После подтверждения партнёрство начнёт действовать.</p>
            <Button type="submit">Подтвердить партнёрство</Button>
          </Form>
        ) : null}
        {c.complete ? (
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="to" value="completed" />
            <Button type="submit" variant="secondary">Завершить партнёрство</Button>
          </Form>
        ) : null}
        {c.decline || c.end ? (
          <details>
            <summary className="cursor-pointer font-medium">{c.decline ? "Отклонить" : p.status === "active" ? "Прекратить досрочно" : "Отозвать предложение"}</summary>
            <Form method="post" className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="to" value={c.decline ? "declined" : "ended"} />
              <Area form="close" name="reason" label="Причина" required error={errors.form} />
              <div><Button type="submit" variant="secondary">{c.decline ? "Отклонить" : "Прекратить"}</Button></div>
            </Form>
          </details>
        ) : null}
      </div>
    </Card>
  );
}

/** Every dated change of the status. */
export function HistoryCard({ p }: { p: PartnershipPage }) {
  return (
    <Card aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-2 text-lg font-semibold">История</h2>
      <ol className="flex flex-col gap-1">
        {p.history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.iso}>{h.at}</time> — {h.note ?? h.to}
            {h.note && h.note !== h.to ? ` (${h.to})` : ""}
            {h.by ? <> · <PersonName person={h.by} /></> : null}
            {h.reason ? <> · причина: {h.reason}</> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
