import { Link } from "react-router";
import type { PracticeCardView } from "../page.server";
import { USEFUL, VIEWS } from "../strings";
import { countRu } from "~/utils/plural";

/** A published practice in a list: kind, title, summary, subjects and themes, where from, usefulness. */
export function PracticeCard({ p, headingLevel = 3 }: { p: PracticeCardView; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`practice-${p.id}`}>
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-800">{p.kind}</p>
      <H id={`practice-${p.id}`} className="text-lg font-semibold leading-snug">
        <Link to={`/library/${p.id}`}>{p.title}</Link>
      </H>
      <p className="line-clamp-3 text-sm">{p.summary}</p>
      <p className="text-sm text-muted">{[...p.subjects, ...p.bands].join(" · ")}</p>
      {p.themes.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Темы">
          {p.themes.map((t) => (
            <li key={t} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-auto text-xs text-muted">
        {[p.organisation, p.region].filter(Boolean).join(", ")}
        {p.published ? ` · ${p.published}` : ""} · {countRu(p.useful, USEFUL)} · {countRu(p.views, VIEWS)}
      </p>
    </article>
  );
}

/** A grid of practice cards. */
export function PracticeGrid({ items, label }: { items: PracticeCardView[]; label: string }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label={label}>
      {items.map((p) => (
        <li key={p.id}>
          <PracticeCard p={p} />
        </li>
      ))}
    </ul>
  );
}
