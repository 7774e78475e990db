import type { ReactNode } from "react";

/** A labelled figure; the list is a description list so screen readers pair label and value. */
export function StatList({ items }: { items: Array<{ label: ReactNode; value: ReactNode; hint?: ReactNode }> }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map((item, i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-muted">{item.label}</dt>
          <dd className="mt-1 text-2xl font-bold text-ink">{item.value}</dd>
          {item.hint ? <dd className="mt-1 text-xs text-muted">{item.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
