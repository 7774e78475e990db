import type { SectionSummary } from "../report";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../strings";

const KEYS: ReportStatus[] = ["on_time", "late", "overdue", "in_progress", "planned", "cancelled"];

/** Counts by section with the totals row. */
export function SummaryTable({ summary }: { summary: { sections: SectionSummary[]; totals: SectionSummary } }) {
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Сводка по разделам">
      <table className="w-full min-w-[640px] border-collapse text-sm" data-testid="report-summary">
        <thead>
          <tr className="bg-slate-100 text-left">
            <th scope="col" className="border border-slate-300 p-2">
              Раздел
            </th>
            {KEYS.map((k) => (
              <th key={k} scope="col" className="border border-slate-300 p-2">
                {REPORT_STATUS_LABELS[k]}
              </th>
            ))}
            <th scope="col" className="border border-slate-300 p-2">
              Всего
            </th>
          </tr>
        </thead>
        <tbody>
          {[...summary.sections, summary.totals].map((s, n) => (
            <tr key={n} className={s === summary.totals ? "font-semibold" : undefined}>
              <th scope="row" className="border border-slate-300 p-2 text-left font-normal">
                {s.number ? `${s.number} ` : ""}
                {s.title}
              </th>
              {KEYS.map((k) => (
                <td key={k} className="border border-slate-300 p-2">
                  {s.counts[k]}
                </td>
              ))}
              <td className="border border-slate-300 p-2">{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
