import { formatNumberRu } from "~/utils/plural";
import type { Cell, DataTable } from "../tables";

const show = (c: Cell) => (c === null ? "—" : typeof c === "number" ? formatNumberRu(c) : c);

/** Links to the CSV and XLSX of one table, for the page's scope and period. */
export function ExportLinks({ query, table, label }: { query: string; table: string; label: string }) {
  const href = (format: string) => `/dashboard/export?${query}&table=${table}&format=${format}`;
  return (
    <p className="flex flex-wrap gap-3 text-sm">
      <a href={href("csv")} download>
        Скачать CSV<span className="sr-only">: {label}</span>
      </a>
      <a href={href("xlsx")} download>
        Скачать XLSX<span className="sr-only">: {label}</span>
      </a>
    </p>
  );
}

/** A table of the dashboard as HTML (scrolls sideways on narrow screens). */
export function DataTableView({ table, caption, testId }: { table: DataTable; caption?: string; testId?: string }) {
  if (!table.rows.length) return <p className="text-sm text-muted">За этот период данных нет.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption ?? table.title}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption className="sr-only">{caption ?? table.title}</caption>
        <thead>
          <tr className="bg-slate-100 text-left">
            {table.head.map((h) => (
              <th key={h} scope="col" className="border border-slate-300 p-2 align-top">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="border border-slate-300 p-2 text-left font-normal">
                    {show(c)}
                  </th>
                ) : (
                  <td key={j} className={`border border-slate-300 p-2 ${typeof c === "number" ? "text-right tabular-nums" : ""}`}>
                    {show(c)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
