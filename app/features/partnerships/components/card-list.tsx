import { Link } from "react-router";
import { EmptyState } from "~/components/ui/layout";
import type { PartnershipCardView } from "../page.server";
import { StatusBadge } from "./status-badge";

/** Partnerships as a list: the two schools, the status, the agreement and the period. */
export function PartnershipCardList({ items, label, empty }: { items: PartnershipCardView[]; label: string; empty: string }) {
  if (items.length === 0) return <EmptyState title={empty} />;
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((p) => (
        <li key={p.id} className="flex flex-col gap-1 p-4">
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/partnerships/${p.id}`} className="font-semibold">{p.leader.name} — {p.partner.name}</Link>
            <StatusBadge status={p.status} label={p.statusLabel} />
          </p>
          <p className="text-sm text-muted">
            {[p.agreement ? `Соглашение ${p.agreement}` : null, p.period].filter(Boolean).join(" · ") || "Соглашение ещё не оформлено"}
          </p>
        </li>
      ))}
    </ul>
  );
}
