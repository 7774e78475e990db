import { Link } from "react-router";
import type { PlansBlockData } from "../owner-block.server";
import { Card } from "~/components/ui/layout";
import { ButtonLink } from "~/components/ui/button";

/** Links to an owner's plans and, for editors, to a new one. */
export function PlansBlock({ data }: { data: PlansBlockData | null }) {
  if (!data) return null;
  return (
    <Card aria-labelledby="plans-heading">
      <h2 id="plans-heading" className="mb-2 text-lg font-semibold">
        {data.heading}
      </h2>
      {data.plans.length ? (
        <ul className="flex flex-col gap-1">
          {data.plans.map((p) => (
            <li key={p.id}>
              <Link to={`/plans/${p.id}`}>{p.title}</Link> <span className="text-sm text-muted">· {p.schoolYear} учебный год{p.published ? " · опубликован" : ""}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">Планов пока нет: начните с шаблона или загрузите план из таблицы.</p>
      )}
      {data.newHref ? (
        <ButtonLink variant="secondary" className="mt-3" to={data.newHref}>
          Создать план
        </ButtonLink>
      ) : null}
    </Card>
  );
}
