import { Form } from "react-router";
import { Card } from "~/components/ui/layout";
import { SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { Button } from "~/components/ui/button";

/** The editor's forms: a section and an activity added at the end of the plan. */
export function AddItemForms({ errors, values, types }: { errors: Record<string, string>; values: Record<string, string>; types: { value: string; label: string }[] }) {
  const isSection = values.intent === "section";
  const e = (field: string, section: boolean) => (isSection === section ? errors[field] : undefined);
  const v = (field: string, section: boolean) => (isSection === section ? (values[field] ?? "") : "");
  return (
    <>
      <Card aria-labelledby="add-activity-heading">
        <h2 id="add-activity-heading" className="text-xl font-semibold">
          Добавить мероприятие
        </h2>
        <Form method="post" className="mt-3 flex flex-col gap-4">
          <input type="hidden" name="intent" value="activity" />
          <TextField id="activity-number" name="number" label="Номер" defaultValue={v("number", false)} maxLength={20} hint="Как в плане: 2.5" error={e("number", false)} />
          <TextAreaField name="title" label="Мероприятие" value={v("title", false)} maxLength={1000} rows={2} error={e("title", false)} />
          <SelectField name="activityType" label="Тип" value={values.activityType ?? ""} empty="Не указан" options={types} error={errors.activityType} />
          <TextField name="termLabel" label="Срок, как в плане" defaultValue={values.termLabel ?? ""} maxLength={200} hint="«10 января – 15 февраля», «1–4 кв.», «постоянно». Даты ниже можно не заполнять: они определятся по записи срока." error={errors.termLabel} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="termStart" type="date" label="Начало срока" defaultValue={values.termStart ?? ""} error={errors.termStart} />
            <TextField name="termEnd" type="date" label="Окончание срока" defaultValue={values.termEnd ?? ""} hint="Без окончания мероприятие не станет просроченным." error={errors.termEnd} />
          </div>
          <TextField name="responsibleText" label="Ответственный (организации, должности)" defaultValue={values.responsibleText ?? ""} maxLength={500} error={errors.responsibleText} />
          <TextAreaField name="expectedResult" label="Ожидаемый результат" value={values.expectedResult ?? ""} maxLength={2000} rows={2} error={errors.expectedResult} />
          <div>
            <Button type="submit">Добавить мероприятие</Button>
          </div>
        </Form>
      </Card>
      <Card aria-labelledby="add-section-heading">
        <h2 id="add-section-heading" className="text-xl font-semibold">
          Добавить раздел
        </h2>
        <Form method="post" className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-end">
          <input type="hidden" name="intent" value="section" />
          <TextField id="section-number" name="number" label="Номер раздела" defaultValue={v("number", true)} maxLength={20} error={e("number", true)} />
          <TextField id="section-title" name="title" label="Название раздела" defaultValue={v("title", true)} maxLength={1000} className="grow" error={e("title", true)} />
          <Button type="submit" variant="secondary">
            Добавить раздел
          </Button>
        </Form>
      </Card>
    </>
  );
}
