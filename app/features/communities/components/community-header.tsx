import { Link } from "react-router";
import { countRu } from "~/utils/plural";
import { cx } from "~/components/ui/cx";
import { MEMBERS, REQUESTS } from "../strings";

export interface CommunityHeaderData {
  slug: string;
  name: string;
  kind: string;
  focus: string | null;
  scope: string;
  place: string | null;
  closed: boolean;
  memberCount: number;
}

/** Breadcrumbs, the community's name and facts, and the tabs of its pages. */
export function CommunityHeader({ c, current, pendingRequests = 0 }: { c: CommunityHeaderData; current: "threads" | "members"; pendingRequests?: number }) {
  const tab = (active: boolean) => cx("inline-flex min-h-11 items-center border-b-2 px-1 font-medium no-underline", active ? "border-brand-700 text-ink" : "border-transparent text-brand-700 hover:border-slate-300");
  return (
    <header className="mb-6 flex flex-col gap-3">
      <nav aria-label="Навигация по разделам" className="text-sm">
        <Link to="/communities">Сообщества</Link> <span aria-hidden="true">›</span> <span>{c.name}</span>
      </nav>
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">
        {c.kind}
        {c.focus ? ` · ${c.focus}` : ""}
      </p>
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{c.name}</h1>
      <p className="text-muted">
        {c.scope}
        {c.place ? ` · ${c.place}` : ""} · {countRu(c.memberCount, MEMBERS)}
        {c.closed ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">закрытое</span> : null}
      </p>
      <nav aria-label="Страницы сообщества" className="flex gap-6 border-b border-slate-200">
        <Link to={`/communities/${c.slug}`} className={tab(current === "threads")} aria-current={current === "threads" ? "page" : undefined}>
          Обсуждения
        </Link>
        <Link to={`/communities/${c.slug}/members`} className={tab(current === "members")} aria-current={current === "members" ? "page" : undefined}>
          Участники
          {pendingRequests ? <span className="ml-2 rounded-full bg-brand-700 px-2 text-xs text-white">{countRu(pendingRequests, REQUESTS)}</span> : null}
        </Link>
      </nav>
    </header>
  );
}
