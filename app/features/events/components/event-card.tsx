import { Link } from "react-router";
import type { EventCardData } from "../catalogue.server";

/** One event in the catalogue or in "мои мероприятия". */
export function EventCard({ e, note }: { e: EventCardData; note?: string | null }) {
  return (
    <article className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-muted">
        {e.type} · {e.format}
        {e.days ? ` · ${e.days}` : ""}
      </p>
      <h3 className="text-lg font-semibold leading-snug">
        <Link to={`/events/${e.id}`}>{e.title}</Link>
      </h3>
      {e.cancelled ? <p className="text-sm font-semibold text-red-800">Мероприятие отменено</p> : null}
      <p className="text-sm">{e.when}</p>
      <p className="text-sm text-muted">{e.organisation} · {e.audience}</p>
      <p className="line-clamp-3 text-sm">{e.summary}</p>
      {note ? <p className="mt-auto text-sm font-semibold text-brand-800">{note}</p> : e.seats && !e.past && !e.cancelled ? <p className="mt-auto text-sm text-muted">{e.seats}</p> : null}
    </article>
  );
}
