import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { GRADE_BANDS, SUBJECTS, TOPICS } from "~/features/vocabulary";
import { RichTextEditor } from "~/features/discussions/rich-text/editor";
import type { RichDoc } from "~/features/discussions/rich-text/document";
import { plainTextToDoc } from "~/features/discussions/rich-text/plain-text";
import { KIND_LABELS } from "../strings";
import { SUMMARY_MAX, TITLE_MAX } from "../schemas";

export interface PracticeFormValues {
  kind: string;
  title: string;
  summary: string;
  body?: RichDoc;
  bodyText?: string;
  subjects: string[];
  gradeBands: string[];
  themes: string[];
  organisationId: string | null;
  coauthors: string[];
}

/** The form's values after a refused post: what the person typed, lists included. */
export function valuesAfterError(values: Record<string, string> | undefined, fallback: PracticeFormValues): PracticeFormValues {
  if (!values?.lists) return fallback;
  const lists = JSON.parse(values.lists) as Partial<Record<"subjects" | "gradeBands" | "themes" | "coauthors", string[]>>;
  return {
    kind: values.kind || fallback.kind,
    title: values.title ?? "",
    summary: values.summary ?? "",
    bodyText: values.bodyText || undefined,
    body: values.bodyText ? undefined : fallback.body,
    subjects: lists.subjects ?? [],
    gradeBands: lists.gradeBands ?? [],
    themes: lists.themes ?? [],
    organisationId: values.organisationId || null,
    coauthors: lists.coauthors ?? [],
  };
}

/**
 * The practice's fields: kind, title, summary, rich-text body, subjects, grade bands, themes,
 * organisation and co-authors. A plain form (works without JavaScript); the body editor upgrades
 * itself when scripts run.
 */
export function PracticeForm({
  values,
  errors = {},
  organisations,
  coauthorOptions,
  submitLabel,
}: {
  values: PracticeFormValues;
  errors?: Record<string, string>;
  organisations: { id: string; name: string }[];
  coauthorOptions: { value: string; label: string }[];
  submitLabel: string;
}) {
  return (
    <Form method="post" className="flex flex-col gap-5" aria-label="Практика">
      <input type="hidden" name="intent" value="save" />
      {errors.form ? (
        <p role="alert" className="text-sm text-red-800">
          {errors.form}
        </p>
      ) : null}
      <SelectField name="kind" label="Вид материала" value={values.kind} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} error={errors.kind} />
      <TextField name="title" label="Название" defaultValue={values.title} maxLength={TITLE_MAX} required error={errors.title} />
      <TextAreaField name="summary" label="Краткое описание" value={values.summary} maxLength={SUMMARY_MAX} rows={3} error={errors.summary} hint="2–4 предложения: какую задачу решает практика и какой результат даёт. Видно в списке библиотеки." />
      <div className="flex flex-col gap-1">
        <RichTextEditor key={values.bodyText ?? "body"} name="body" label="Описание практики" placeholder="Цель, шаги, сроки, ресурсы, результаты и как их измеряли" initialDoc={values.body ?? (values.bodyText ? plainTextToDoc(values.bodyText) : undefined)} />
        {errors.body ? (
          <p role="alert" className="text-sm text-red-800">
            {errors.body}
          </p>
        ) : null}
      </div>
      <CheckboxGroup name="subjects" legend="Предметы и направления" options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} selected={values.subjects} error={errors.subjects} />
      <CheckboxGroup name="gradeBands" legend="Классы" columns={3} options={GRADE_BANDS.map((b) => ({ value: b.code, label: b.label }))} selected={values.gradeBands} error={errors.gradeBands} />
      <CheckboxGroup name="themes" legend="Темы" hint="Не больше шести." options={TOPICS.map((t) => ({ value: t.code, label: t.label }))} selected={values.themes} error={errors.themes} />
      {organisations.length ? (
        <SelectField name="organisationId" label="Организация" value={values.organisationId ?? ""} empty="— не указана —" options={organisations.map((o) => ({ value: o.id, label: o.name }))} error={errors.organisationId} hint="Место работы из профиля или подтверждённое организацией. Эксперты этой организации практику не оценивают." />
      ) : (
        <p className="text-sm text-muted">
          Чтобы отправить практику на экспертизу, укажите место работы в <a href="/account/profile">профиле</a> или попросите организацию подтвердить вас.
          {values.organisationId ? <input type="hidden" name="organisationId" value={values.organisationId} /> : null}
        </p>
      )}
      {coauthorOptions.length ? <CheckboxGroup name="coauthors" legend="Соавторы" hint="Коллеги из вашей организации." columns={1} options={coauthorOptions} selected={values.coauthors} error={errors.coauthors} /> : null}
      <div>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
