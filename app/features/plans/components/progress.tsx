/**
 * The plan's progress as pictures drawn on the server: a stacked bar per section (done on time,
 * late, overdue, in progress, planned) and a timeline of the activities over the school year with
 * today's line. Both are SVG with a text alternative; the numbers are also in the table beside them.
 */
import type { PlanItemCard } from "../page.server";
import type { SectionSummary } from "../report";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../strings";
import { schoolYearYears } from "../terms";

const ORDER: ReportStatus[] = ["on_time", "late", "overdue", "in_progress", "planned"];
const FILL: Record<ReportStatus, string> = { on_time: "#15803d", late: "#b45309", overdue: "#b91c1c", in_progress: "#0369a1", planned: "#94a3b8", cancelled: "#e2e8f0" };

export function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Обозначения">
      {ORDER.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={FILL[s]} />
          </svg>
          {REPORT_STATUS_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

/** One stacked bar per section; widths are shares of the section's activities. */
export function SectionChart({ sections }: { sections: SectionSummary[] }) {
  const rowH = 28;
  const height = sections.length * rowH + 4;
  const label = sections.map((s) => `${s.number} ${s.title}: ${ORDER.map((k) => `${REPORT_STATUS_LABELS[k]} ${s.counts[k]}`).join(", ")}`).join("; ");
  return (
    <svg viewBox={`0 0 400 ${height}`} className="h-auto w-full" role="img" aria-label={`Выполнение по разделам. ${label}`}>
      {sections.map((s, i) => {
        let x = 40;
        return (
          <g key={`${s.number}-${i}`}>
            <text x="0" y={i * rowH + 18} fontSize="12" fill="#334155">
              {s.number || "—"}
            </text>
            {ORDER.map((k) => {
              const w = s.total ? (s.counts[k] / s.total) * 360 : 0;
              const rect = w > 0 ? <rect key={k} x={x} y={i * rowH + 4} width={w} height={20} fill={FILL[k]} /> : null;
              x += w;
              return rect;
            })}
          </g>
        );
      })}
    </svg>
  );
}

const dayIndex = (day: string, start: Date) => Math.round((Date.parse(`${day}T00:00:00Z`) - start.getTime()) / 86_400_000);

/** Activities with a term as bars over the school year (September to August), today as a line. */
export function Timeline({ items, schoolYear, today }: { items: PlanItemCard[]; schoolYear: string; today: string }) {
  const [first] = schoolYearYears(schoolYear);
  const start = new Date(Date.UTC(first, 8, 1));
  const days = 365;
  const dated = items.filter((i) => i.kind === "activity" && (i.termStart || i.termEnd));
  if (!dated.length) return <p className="text-sm text-muted">У мероприятий плана нет сроков с датами — шкалу времени не построить.</p>;
  const rowH = 16;
  const width = 600;
  const scale = (d: number) => 60 + (Math.min(Math.max(d, 0), days) / days) * (width - 70);
  const months = ["сен", "окт", "ноя", "дек", "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг"];
  const height = dated.length * rowH + 30;
  const t = dayIndex(today, start);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`Шкала времени: ${dated.length} мероприятий с датами на ${schoolYear} учебный год; просрочено ${dated.filter((i) => i.overdue).length}, выполнено ${dated.filter((i) => i.status === "done").length}.`}>
      {months.map((m, i) => (
        <text key={m} x={scale(i * 30.4) + 2} y="12" fontSize="10" fill="#475569">
          {m}
        </text>
      ))}
      {dated.map((item, i) => {
        const a = dayIndex(item.termStart ?? item.termEnd!, start);
        const b = dayIndex(item.termEnd ?? item.termStart!, start) + 1;
        const y = 20 + i * rowH;
        return (
          <g key={item.id}>
            <text x="0" y={y + 11} fontSize="10" fill="#334155">
              {item.number}
            </text>
            <rect x={scale(a)} y={y + 2} width={Math.max(scale(b) - scale(a), 3)} height={rowH - 5} rx="2" fill={FILL[item.reportStatus]} />
          </g>
        );
      })}
      {t >= 0 && t <= days ? <line x1={scale(t)} x2={scale(t)} y1="14" y2={height} stroke="#0f172a" strokeDasharray="3 2" /> : null}
    </svg>
  );
}
