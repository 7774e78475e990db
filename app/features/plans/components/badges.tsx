import type { ReportStatus } from "../strings";

const TONES: Record<ReportStatus, string> = {
  on_time: "bg-green-100 text-green-900",
  late: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-900",
  in_progress: "bg-sky-100 text-sky-900",
  planned: "bg-slate-100 text-slate-800",
  cancelled: "bg-slate-100 text-slate-700 line-through",
};

/** An activity's state as a badge (the words carry the meaning, colour only helps). */
export function ReportBadge({ status, label }: { status: ReportStatus; label: string }) {
  return (
    <span data-testid="activity-state" className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONES[status]}`}>
      {label.charAt(0).toLocaleUpperCase("ru") + label.slice(1)}
    </span>
  );
}
