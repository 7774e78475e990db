import { Link } from "react-router";
import { EmptyState } from "~/components/ui/layout";
import { cx } from "~/components/ui/cx";
import { IMPORT_UI } from "../messages";
import type { ImportStatus, RecentImportView } from "../view";

const STATUS_TONE: Record<ImportStatus, string> = {
  previewed: "bg-brand-50 text-brand-800",
  applying: "bg-amber-50 text-amber-900",
  done: "bg-green-50 text-green-900",
  failed: "bg-red-50 text-red-900",
  rejected: "bg-red-50 text-red-900",
};

/** The latest uploads of the viewer's regions, newest first. */
export function RecentImports({ items, showRegion }: { items: RecentImportView[]; showRegion: boolean }) {
  if (!items.length) return <EmptyState title={IMPORT_UI.recentEmpty}>{IMPORT_UI.recentEmptyHint}</EmptyState>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200">
      {items.map((i) => (
        <li key={i.id} className="flex flex-col gap-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/directory/import/${i.id}`} className="font-semibold break-all">
              {i.fileName}
            </Link>
            <span className={cx("rounded px-2 py-0.5 text-xs font-medium", STATUS_TONE[i.status])}>{i.statusLabel}</span>
          </p>
          <p className="text-sm text-muted">
            {i.createdAt}
            {showRegion ? ` · ${i.regionName}` : ""} · {i.schoolYear} учебный год
          </p>
          {i.counts ? <p className="text-sm">{i.counts}</p> : null}
        </li>
      ))}
    </ul>
  );
}
