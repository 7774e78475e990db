import type { ReactNode } from "react";
import { FieldError } from "~/components/ui/form";

/** Form fields with an id prefix: the partnership page has several forms with the same field names. */
const control = "min-h-11 rounded-md border border-slate-400 bg-white px-3 text-base";

export function Area({ form, name, label, required, rows = 3, error, defaultValue }: { form: string; name: string; label: string; required?: boolean; rows?: number; error?: string; defaultValue?: string }) {
  const id = `${form}-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      <textarea id={id} name={name} rows={rows} required={required} defaultValue={defaultValue} maxLength={3000} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="rounded-md border border-slate-400 bg-white p-3 text-base" />
      <FieldError fieldId={id} error={error} />
    </div>
  );
}

export function Input({ form, name, label, type = "text", required, error, defaultValue, hint, ...rest }: { form: string; name: string; label: string; type?: string; required?: boolean; error?: string; defaultValue?: string; hint?: ReactNode; min?: number; max?: number; maxLength?: number }) {
  const id = `${form}-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p> : null}
      <input id={id} name={name} type={type} required={required} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined} className={control} {...rest} />
      <FieldError fieldId={id} error={error} />
    </div>
  );
}

export function Choice({ form, name, label, options, empty, defaultValue, required }: { form: string; name: string; label: string; options: readonly { value: string; label: string }[]; empty?: string; defaultValue?: string; required?: boolean }) {
  const id = `${form}-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} required={required} className={control}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** A person's name, linked to their profile when the viewer may see it. */
export function PersonName({ person }: { person: { name: string; href: string | null } | null }) {
  if (!person) return <>—</>;
  return person.href ? <a href={person.href}>{person.name}</a> : <>{person.name}</>;
}
