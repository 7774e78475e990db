import type { ReactNode } from "react";
import { FieldError } from "~/components/ui/form";

const control = "min-h-11 rounded-md border bg-white px-3 text-base";
const describedBy = (id: string, hint?: ReactNode, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** A labelled select with an optional hint and error (plain HTML, works without JavaScript). */
export function SelectBox({
  name,
  label,
  options,
  groups,
  defaultValue,
  empty,
  hint,
  error,
}: {
  name: string;
  label: string;
  options?: readonly { value: string; label: string }[];
  groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[];
  defaultValue?: string;
  empty?: string;
  hint?: ReactNode;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p> : null}
      <select id={id} name={name} defaultValue={defaultValue ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${control} w-full min-w-0 ${error ? "border-red-600" : "border-slate-400"}`}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options?.map((o) => (<option key={o.value} value={o.value}>{o.label}</option>))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (<option key={o.value} value={o.value}>{o.label}</option>))}
          </optgroup>
        ))}
      </select>
      <FieldError fieldId={id} error={error} />
    </div>
  );
}

/** A labelled multi-line text field. */
export function TextAreaBox({ name, label, defaultValue, hint, error, rows = 5, maxLength, required }: { name: string; label: string; defaultValue?: string; hint?: ReactNode; error?: string; rows?: number; maxLength?: number; required?: boolean }) {
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p> : null}
      <textarea id={id} name={name} rows={rows} maxLength={maxLength} required={required} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`rounded-md border bg-white px-3 py-2 text-base ${error ? "border-red-600" : "border-slate-400"}`} />
      <FieldError fieldId={id} error={error} />
    </div>
  );
}

/** Radio buttons under one legend. */
export function RadioGroup({ name, legend, options, defaultValue, error }: { name: string; legend: string; options: readonly { value: string; label: string; hint?: string }[]; defaultValue?: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex min-h-11 items-start gap-3">
          <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="mt-1 size-5 shrink-0" />
          <span>
            {o.label}
            {o.hint ? <span className="block text-sm text-muted">{o.hint}</span> : null}
          </span>
        </label>
      ))}
      <FieldError fieldId={id} error={error} />
    </fieldset>
  );
}
