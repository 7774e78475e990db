const TONES: Record<string, string> = {
  proposed: "bg-amber-100 text-amber-900",
  accepted: "bg-sky-100 text-sky-900",
  active: "bg-green-100 text-green-900",
  completed: "bg-slate-100 text-slate-800",
  declined: "bg-red-100 text-red-900",
  ended: "bg-red-100 text-red-900",
};

/** The partnership's status as a badge (the words carry the meaning, colour only helps). */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? ""}`}>{label}</span>;
}
