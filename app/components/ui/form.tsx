import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/**
 * A labelled input with its hint and error tied to it for screen readers (aria-describedby,
 * aria-invalid). Plain HTML: works without JavaScript.
 */
export function TextField({ name, label, error, hint, className, id, ...rest }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const described = describedBy(fieldId, hint, error);
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <FieldLabel fieldId={fieldId} label={label} hint={hint} />
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={cx("min-h-11 rounded-md border bg-white px-3 text-base", error ? "border-red-600" : "border-slate-400")}
        {...rest}
      />
      <FieldError fieldId={fieldId} error={error} />
    </div>
  );
}

/** A checkbox with its label to the right and an optional error under it. */
export function CheckboxField({ name, value = "yes", label, error, defaultChecked }: { name: string; value?: string; label: ReactNode; error?: string; defaultChecked?: boolean }) {
  const fieldId = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={fieldId}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor={fieldId}>{label}</label>
      </div>
      <FieldError fieldId={fieldId} error={error} />
    </div>
  );
}

/** The error under a field; its id is what the field's aria-describedby points to. */
/** The ids a field's `aria-describedby` names: its hint and its error, when there are. */
function describedBy(fieldId: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's label and the hint under it (the hint's id is the one {@link describedBy} names). */
function FieldLabel({ fieldId, label, hint }: { fieldId: string; label: string; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={fieldId} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function FieldError({ fieldId, error }: { fieldId: string; error?: string }) {
  return error ? (
    <p id={`${fieldId}-error`} className="text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

const control = "min-h-11 rounded-md border bg-white px-3 text-base";

/** A group of checkboxes under one legend (repeated form fields with one name). */
export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  error,
  hint,
  columns = 2,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  error?: string;
  hint?: ReactNode;
  columns?: 1 | 2 | 3 | 6;
}) {
  const fieldId = `field-${name}`;
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 6: "grid-cols-3 sm:grid-cols-6" }[columns];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={cx("grid gap-x-4 gap-y-1", grid)}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="size-5 shrink-0" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError fieldId={fieldId} error={error} />
    </fieldset>
  );
}

/** A labelled select; `groups` render as <optgroup>s. */
export function SelectField({
  name,
  label,
  value,
  options,
  groups,
  empty,
  error,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  options?: readonly { value: string; label: string }[];
  groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[];
  empty?: string;
  error?: string;
  hint?: ReactNode;
}) {
  const fieldId = `field-${name}`;
  const described = describedBy(fieldId, hint, error);
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel fieldId={fieldId} label={label} hint={hint} />
      <select id={fieldId} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={described} className={cx(control, error ? "border-red-600" : "border-slate-400")}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError fieldId={fieldId} error={error} />
    </div>
  );
}

/** A labelled multi-line text field with a character limit. */
export function TextAreaField({ name, label, value, maxLength, rows = 5, error, hint }: { name: string; label: string; value: string; maxLength?: number; rows?: number; error?: string; hint?: ReactNode }) {
  const fieldId = `field-${name}`;
  const described = describedBy(fieldId, hint, error);
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel fieldId={fieldId} label={label} hint={hint} />
      <textarea id={fieldId} name={name} defaultValue={value} rows={rows} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} className={cx("rounded-md border bg-white p-3 text-base", error ? "border-red-600" : "border-slate-400")} />
      <FieldError fieldId={fieldId} error={error} />
    </div>
  );
}
