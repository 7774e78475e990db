import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { Alert, Card } from "~/components/ui/layout";
import type { RichDoc } from "~/features/discussions/rich-text/document";
import { RichTextEditor } from "~/features/discussions/rich-text/editor";
import { MAX_SESSIONS } from "../schemas";
import { AUDIENCE_LABELS, FORMAT_LABELS, TYPE_LABELS } from "../strings";

type Option = { value: string; label: string };

export interface EventFormProps {
  organisations: { id: string; name: string; regionName: string; zoneLabel: string }[];
  choices: { communities: Option[]; practices: Option[]; regions: Option[] };
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Selected multi-values (edit form or a returned form). */
  communityIds: string[];
  practiceIds: string[];
  programme?: RichDoc;
  submit: string;
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The organiser's event form (create and edit); plain HTML, works without JavaScript. */
export function EventForm({ organisations, choices, values: v, errors: e, communityIds, practiceIds, programme, submit }: EventFormProps) {
  const orgGroups = [...new Set(organisations.map((o) => o.regionName))].map((region) => ({
    label: region,
    options: organisations.filter((o) => o.regionName === region).map((o) => ({ value: o.id, label: `${o.name} (${o.zoneLabel})` })),
  }));
  return (
    <Form method="post" className="flex flex-col gap-6" noValidate>
      {e.form ? <Alert tone="error">{e.form}</Alert> : null}
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">О мероприятии</h2>
        <TextField name="title" label="Название" defaultValue={v.title} error={e.title} maxLength={200} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="type" label="Вид" value={v.type || "webinar"} options={options(TYPE_LABELS)} error={e.type} />
          <SelectField name="format" label="Формат" value={v.format || "online"} options={options(FORMAT_LABELS)} error={e.format} />
        </div>
        <SelectField
          name="organisationId"
          label="Организатор"
          value={v.organisationId || organisations[0]?.id || ""}
          groups={orgGroups}
          error={e.organisationId}
          hint="Время мероприятия указывается по часовому поясу организатора (его региона) — он указан в скобках."
        />
        <TextAreaField name="summary" label="Кратко" value={v.summary ?? ""} rows={3} maxLength={1000} error={e.summary} hint="Две-три фразы для каталога: о чём и для кого." />
        <div>
          <RichTextEditor name="programme" label="Программа" placeholder="Программа по дням: темы, выступления, время." initialDoc={programme} />
          {e.programme ? <p className="text-sm text-red-800">{e.programme}</p> : null}
        </div>
        <TextAreaField name="speakers" label="Спикеры" value={v.speakers ?? ""} rows={3} error={e.speakers} hint="По одному в строке: «Имя Фамилия — должность, организация»." />
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Дни и время</h2>
        <p className="text-sm text-muted">Заполните строку для каждого дня. Время — по часовому поясу организатора.</p>
        {Array.from({ length: MAX_SESSIONS }, (_, i) => (
          <fieldset key={i} className="grid gap-3 sm:grid-cols-3">
            <legend className="mb-1 font-medium">День {i + 1}{i > 0 ? " (необязательно)" : ""}</legend>
            <TextField name={`session${i}Date`} label="Дата" type="date" defaultValue={v[`session${i}Date`]} error={e[`session${i}Date`]} />
            <TextField name={`session${i}Start`} label="Начало" type="time" defaultValue={v[`session${i}Start`]} error={e[`session${i}Start`]} />
            <TextField name={`session${i}End`} label="Окончание" type="time" defaultValue={v[`session${i}End`]} error={e[`session${i}End`]} />
          </fieldset>
        ))}
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Где</h2>
        <TextField name="onlineUrl" label="Ссылка на трансляцию (для онлайн-формата)" type="url" defaultValue={v.onlineUrl} error={e.onlineUrl} hint="МТС Линк, Сферум, VK Видео, Телемост — любая площадка. Ссылку увидят только зарегистрированные участники." />
        <TextField name="venue" label="Место проведения (для очного формата)" defaultValue={v.venue} error={e.venue} maxLength={300} />
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Участники и регистрация</h2>
        <SelectField name="audience" label="Для кого" value={v.audience || "open"} options={options(AUDIENCE_LABELS)} error={e.audience} />
        <SelectField name="audienceRegionId" label="Регион (если мероприятие для педагогов региона)" value={v.audienceRegionId ?? ""} empty="—" options={choices.regions} error={e.audienceRegionId} />
        <details open={communityIds.length > 0 || Boolean(e.communityIds)}>
          <summary className="cursor-pointer font-medium">Приглашённые сообщества ({communityIds.length})</summary>
          <div className="mt-2">
            <CheckboxGroup name="communityIds" legend="Сообщества, участники которых могут зарегистрироваться" options={choices.communities} selected={communityIds} error={e.communityIds} />
          </div>
        </details>
        <TextField name="capacity" label="Число мест" type="number" min={1} inputMode="numeric" defaultValue={v.capacity} error={e.capacity} hint="Пусто — без ограничения. Когда места закончатся, запись продолжится в лист ожидания." />
        <TextAreaField
          name="questions"
          label="Вопросы при регистрации"
          value={v.questions ?? ""}
          rows={4}
          error={e.questions}
          hint="По одному в строке. «Вопрос: вариант 1; вариант 2» — выбор из вариантов. «*» в начале — обязательный ответ."
        />
      </Card>

      {choices.practices.length ? (
        <Card>
          <details open={practiceIds.length > 0}>
            <summary className="cursor-pointer text-lg font-semibold">Практики из библиотеки ({practiceIds.length})</summary>
            <div className="mt-2">
              <CheckboxGroup name="practiceIds" legend="Практики, о которых пойдёт речь" options={choices.practices} selected={practiceIds} columns={1} error={e.practiceIds} />
            </div>
          </details>
        </Card>
      ) : null}

      <div>
        <Button type="submit">{submit}</Button>
      </div>
    </Form>
  );
}
