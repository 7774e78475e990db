/**
 * One indicator by month as a server-rendered SVG bar chart (role="img" with <title> and <desc>
 * naming every value), with the same numbers in a table under <details>, so the chart reads
 * without JavaScript, without sight and without the picture.
 */
import { useId } from "react";
import { formatNumberRu } from "~/utils/plural";
import { monthText } from "../periods";
import type { DataTable } from "../tables";
import { DataTableView } from "./data-table";

const SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

export interface ChartPoint {
  month: string;
  value: number | null;
}

export function TrendChart({ title, unit, target, points }: { title: string; unit: string; target: number | null; points: ChartPoint[] }) {
  const id = useId();
  const width = 560;
  const height = 180;
  const left = 40;
  const bottom = 24;
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(unit === "%" ? 100 : 1, target ?? 0, ...values);
  const step = points.length ? (width - left) / points.length : 0;
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - 12);
  const fmt = (v: number | null) => (v === null ? "нет данных" : `${formatNumberRu(v)}${unit ? ` ${unit}` : ""}`);
  const desc = points.map((p) => `${monthText(p.month)}: ${fmt(p.value)}`).join("; ") + (target !== null ? `. Цель: ${fmt(target)}.` : ".");
  const table: DataTable = { key: "trend", title, sheet: "По месяцам", head: ["Месяц", unit ? `${title}, ${unit}` : title], rows: points.map((p) => [monthText(p.month), p.value]) };
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      {points.length ? (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{`${title} по месяцам`}</title>
          <desc id={`${id}-d`}>{desc}</desc>
          <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} stroke="#64748b" />
          <text x={left - 6} y={y(max) + 4} fontSize="11" textAnchor="end" fill="#334155">
            {formatNumberRu(Math.round(max * 10) / 10)}
          </text>
          <text x={left - 6} y={height - bottom} fontSize="11" textAnchor="end" fill="#334155">
            0
          </text>
          {points.map((p, i) => {
            const v = p.value ?? 0;
            return (
              <g key={p.month}>
                <rect x={left + i * step + step * 0.15} y={y(v)} width={step * 0.7} height={height - bottom - y(v)} fill="#1d4ed8" />
                <text x={left + i * step + step / 2} y={height - 8} fontSize="11" textAnchor="middle" fill="#334155">
                  {SHORT[Number(p.month.slice(5, 7)) - 1]}
                </text>
                {points.length <= 12 ? (
                  <text x={left + i * step + step / 2} y={y(v) - 3} fontSize="10" textAnchor="middle" fill="#0f172a">
                    {p.value === null ? "—" : formatNumberRu(p.value)}
                  </text>
                ) : null}
              </g>
            );
          })}
          {target !== null ? <line x1={left} x2={width} y1={y(target)} y2={y(target)} stroke="#b45309" strokeDasharray="6 4" strokeWidth="2" /> : null}
        </svg>
      ) : (
        <p className="text-sm text-muted">В периоде ещё нет завершившихся месяцев.</p>
      )}
      <details>
        <summary className="cursor-pointer text-sm">Таблица: {title.toLowerCase()} по месяцам</summary>
        <DataTableView table={table} caption={`${title} по месяцам`} />
      </details>
    </figure>
  );
}
