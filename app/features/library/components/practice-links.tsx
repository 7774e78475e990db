import { Link } from "react-router";
import { Card } from "~/components/ui/layout";
import type { PracticeLink } from "../links.server";

/** «Практики»: a short list of published practices on a person's or an organisation's page. */
export function PracticeLinks({ items }: { items: PracticeLink[] }) {
  if (items.length === 0) return null;
  return (
    <Card aria-labelledby="practices-heading" className="mt-6">
      <h2 id="practices-heading" className="mb-2 text-lg font-semibold">
        Практики в библиотеке
      </h2>
      <ul className="flex flex-col gap-1">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/library/${p.id}`}>{p.title}</Link> <span className="text-sm text-muted">— {p.kind.toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
