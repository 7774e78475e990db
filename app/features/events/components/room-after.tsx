import { Form } from "react-router";
import { Card } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { FEEDBACK_MAX, MATERIALS_MAX } from "../room-schemas";
import type { RoomPage } from "../room.server";

const RATINGS = [
  { value: "5", label: "5 — отлично" },
  { value: "4", label: "4 — хорошо" },
  { value: "3", label: "3 — удовлетворительно" },
  { value: "2", label: "2 — плохо" },
  { value: "1", label: "1 — очень плохо" },
];

/** Materials and the recording (the organiser edits them), feedback, and the certificate. */
export function RoomAfter({ d, errors, values }: { d: RoomPage; errors: Record<string, string>; values: Record<string, string> }) {
  const m = d.materials;
  const mine = values.intent === "materials";
  const fb = values.intent === "feedback";
  return (
    <>
      <Card aria-labelledby="materials-title">
        <h2 id="materials-title" className="mb-2 text-lg font-semibold">
          Материалы и запись
        </h2>
        {m?.recordingUrl ? (
          <p className="mb-2">
            Запись:{" "}
            <a href={m.recordingUrl} rel="noopener noreferrer nofollow" target="_blank" data-testid="recording-link">
              {m.recordingUrl}
            </a>
          </p>
        ) : null}
        {m?.text ? (
          <p className="mb-2 whitespace-pre-line break-words" data-testid="materials-text">
            {m.text}
          </p>
        ) : null}
        {!m?.recordingUrl && !m?.text ? <p className="text-sm text-muted">Организатор ещё не добавил материалы.</p> : null}
        {d.standing.manage ? (
          <Form method="post" className="mt-3 flex flex-col gap-2">
            <input type="hidden" name="intent" value="materials" />
            <TextField name="recordingUrl" label="Ссылка на запись" type="url" defaultValue={mine ? values.recordingUrl : (m?.recordingUrl ?? "")} error={errors.recordingUrl} maxLength={500} />
            <TextAreaField name="materials" label="Материалы (текст и ссылки)" value={mine ? (values.materials ?? "") : (m?.text ?? "")} maxLength={MATERIALS_MAX} error={errors.materials} />
            <div>
              <Button type="submit" variant="secondary">
                Сохранить материалы
              </Button>
            </div>
          </Form>
        ) : null}
      </Card>
      {d.can.feedback ? (
        <Card aria-labelledby="feedback-title">
          <h2 id="feedback-title" className="mb-2 text-lg font-semibold">
            Отзыв
          </h2>
          {d.feedback ? <p className="mb-2 text-sm">Ваш отзыв сохранён (оценка {d.feedback.rating}). Его можно изменить.</p> : null}
          <Form method="post" className="flex flex-col gap-2">
            <input type="hidden" name="intent" value="feedback" />
            <SelectField name="rating" label="Оценка" value={fb ? (values.rating ?? "") : String(d.feedback?.rating ?? "")} empty="—" options={RATINGS} error={errors.rating} />
            <TextAreaField name="comment" label="Что было полезно, что улучшить" value={fb ? (values.comment ?? "") : (d.feedback?.comment ?? "")} rows={3} maxLength={FEEDBACK_MAX} error={errors.comment} />
            <div>
              <Button type="submit" variant="secondary">
                Отправить отзыв
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
      {d.standing.participant && d.event.past ? (
        <Card aria-labelledby="certificate-title">
          <h2 id="certificate-title" className="mb-2 text-lg font-semibold">
            Сертификат участника
          </h2>
          {d.certificate ? (
            <ul className="flex flex-col gap-1">
              <li>
                <a href={`/certificates/${d.certificate}/pdf`} download>
                  Скачать сертификат (PDF)
                </a>
              </li>
              <li>
                <a href={`/certificates/${d.certificate}`}>Страница проверки сертификата</a>
              </li>
            </ul>
          ) : d.can.certificate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="certificate" />
              <Button type="submit">Получить сертификат</Button>
            </Form>
          ) : (
            <p data-testid="no-certificate">Сертификат выдаётся тем, кто посетил мероприятие: у вас нет отметок о посещении.</p>
          )}
          {errors.form ? <p className="mt-2 text-red-700">{errors.form}</p> : null}
        </Card>
      ) : null}
    </>
  );
}
