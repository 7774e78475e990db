import { Link } from "react-router";
import type { PlanItemCard } from "../page.server";
import { ReportBadge } from "./badges";

/** The plan's sections and activities in order; each activity links to its page when `linkBase` is set. */
export function ItemList({ items, linkBase }: { items: PlanItemCard[]; linkBase?: string }) {
  if (!items.length) return <p className="text-muted">В плане пока нет ни одного раздела или мероприятия.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Разделы и мероприятия">
      {items.map((i) =>
        i.kind === "section" ? (
          <li key={i.id} className="mt-4">
            <h3 className="text-lg font-semibold">
              {i.number ? `${i.number} ` : ""}
              {i.title}
            </h3>
          </li>
        ) : (
          <li key={i.id} data-testid="activity" className={`rounded-md border p-3 ${i.overdue ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium">
                {i.number ? `${i.number} ` : ""}
                {linkBase ? <Link to={`${linkBase}/items/${i.id}`}>{i.title}</Link> : i.title}
              </p>
              <ReportBadge status={i.reportStatus} label={i.overdue ? "Просрочено" : i.reportStatusLabel} />
            </div>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              {i.type ? (
                <>
                  <dt className="text-muted">Тип</dt>
                  <dd>{i.type}</dd>
                </>
              ) : null}
              <dt className="text-muted">Срок</dt>
              <dd>{i.term}</dd>
              <dt className="text-muted">Ответственный</dt>
              <dd>{[i.responsible, ...i.people.map((p) => p.name)].filter(Boolean).join(", ") || "не назначен"}</dd>
              {i.expected ? (
                <>
                  <dt className="text-muted">Ожидаемый результат</dt>
                  <dd>{i.expected}</dd>
                </>
              ) : null}
              {i.actual ? (
                <>
                  <dt className="text-muted">Фактический результат</dt>
                  <dd className="whitespace-pre-line">{i.actual}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ),
      )}
    </ol>
  );
}
