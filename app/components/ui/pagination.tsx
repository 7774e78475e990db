import { Link } from "react-router";

/**
 * Previous / "Страница N из M" / next links that keep the page's other query parameters (plain
 * links: work without JavaScript). Renders nothing when everything fits on one page.
 */
export function Pagination({ page, pages, search, label = "Страницы" }: { page: number; pages: number; search: string; label?: string }) {
  if (pages <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(n));
    return `?${params}`;
  };
  return (
    <nav aria-label={label} className="mt-6 flex items-center gap-4">
      {page > 1 ? <Link to={to(page - 1)}>← Назад</Link> : null}
      <span>
        Страница {page} из {pages}
      </span>
      {page < pages ? <Link to={to(page + 1)}>Дальше →</Link> : null}
    </nav>
  );
}
