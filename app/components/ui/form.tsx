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
  const described = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={fieldId} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
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
export function FieldError({ fieldId, error }: { fieldId: string; error?: string }) {
  return error ? (
    <p id={`${fieldId}-error`} className="text-sm text-red-800">
      {error}
    </p>
  ) : null;
}
