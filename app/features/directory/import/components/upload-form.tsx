import { Form, useNavigation } from "react-router";
import { Button } from "~/components/ui/button";
import { CheckboxField, TextField } from "~/components/ui/form";
import { Alert } from "~/components/ui/layout";
import { FIELD_LABELS, FIELD_SYNONYMS, IMPORT_FIELDS, REQUIRED_FIELDS } from "../columns";
import { IMPORT_LIMITS, IMPORT_UI } from "../messages";

export interface UploadFormProps {
  regions: { id: string; name: string }[];
  years: readonly string[];
  defaultYear: string;
  errors: Record<string, string>;
  values: { regionId?: string; schoolYear?: string; clearAbsent?: boolean };
}

/** A labelled select with its hint and error tied to it (plain HTML, works without JavaScript). */
function SelectField({ name, label, hint, error, options, defaultValue }: { name: string; label: string; hint?: string; error?: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 text-base"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The upload form: region, school year, file and whether to clear absent schools' flags. */
export function UploadForm({ regions, years, defaultYear, errors, values }: UploadFormProps) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4" noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <SelectField
        name="regionId"
        label={IMPORT_UI.region}
        error={errors.regionId}
        defaultValue={values.regionId}
        options={regions.map((r) => ({ value: r.id, label: r.name }))}
      />
      <SelectField
        name="schoolYear"
        label={IMPORT_UI.schoolYear}
        hint={IMPORT_UI.schoolYearHint}
        error={errors.schoolYear}
        defaultValue={values.schoolYear ?? defaultYear}
        options={years.map((y) => ({ value: y, label: y }))}
      />
      <TextField
        name="file"
        type="file"
        label={IMPORT_UI.file}
        hint={IMPORT_UI.fileHint(IMPORT_LIMITS.maxBytes / 1024 / 1024)}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        required
        error={errors.file}
        className="[&_input]:py-2"
      />
      <div>
        <CheckboxField name="clearAbsent" label={IMPORT_UI.clearAbsent} defaultChecked={values.clearAbsent} />
        <p className="mt-1 pl-8 text-sm text-muted">{IMPORT_UI.clearAbsentHint}</p>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? IMPORT_UI.submitting : IMPORT_UI.submit}
        </Button>
      </div>
    </Form>
  );
}

/** What columns a list needs, with the header synonyms the reader understands. */
export function ColumnsHelp() {
  const optional = IMPORT_FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f));
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>
        {IMPORT_UI.columnsRequired} {REQUIRED_FIELDS.map((f) => `«${FIELD_LABELS[f]}»`).join(", ")}.
      </p>
      <p>
        {IMPORT_UI.columnsOptional} {optional.map((f) => `«${FIELD_LABELS[f]}»`).join(", ")}.
      </p>
      <p className="text-muted">{IMPORT_UI.columnsNote}</p>
      <details>
        <summary className="cursor-pointer font-medium text-brand-700">{IMPORT_UI.columnsSynonyms}</summary>
        <dl className="mt-2 grid gap-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {IMPORT_FIELDS.map((f) => (
            <div key={f} className="contents">
              <dt className="font-medium">{FIELD_LABELS[f]}</dt>
              <dd className="text-muted">{FIELD_SYNONYMS[f].filter((s) => s !== FIELD_LABELS[f]).map((s) => `«${s}»`).join(", ")}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
