import { Link } from "react-router";
import { MONTHS_GENITIVE } from "~/utils/datetime";
import { MONTHS_NOMINATIVE, WEEKDAY_HEADERS } from "../month-names";
import type { MonthDay } from "../catalogue.server";

/**
 * The month as a calendar grid (a table: screen readers announce weekday and date) on wide
 * screens; on phones the same cells stack as a list of days that have events.
 */
export function MonthCalendar({ year, month, weeks, prevHref, nextHref }: { year: number; month: number; weeks: MonthDay[][]; prevHref: string; nextHref: string }) {
  const title = `${MONTHS_NOMINATIVE[month - 1]} ${year}`;
  return (
    <section aria-labelledby="month-title">
      <div className="mb-3 flex items-center justify-between gap-2">
        <Link to={prevHref} className="min-h-11 content-center px-2">← Предыдущий месяц</Link>
        <h2 id="month-title" className="text-xl font-semibold">{title}</h2>
        <Link to={nextHref} className="min-h-11 content-center px-2">Следующий месяц →</Link>
      </div>
      <table className="hidden w-full table-fixed border-collapse md:table">
        <caption className="sr-only">Календарь мероприятий: {title}</caption>
        <thead>
          <tr>
            {WEEKDAY_HEADERS.map((d) => (
              <th key={d} scope="col" className="border-b border-slate-300 p-1 text-left text-sm font-semibold">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.key}>
              {week.map((d) => (
                <td key={d.key} className={`h-28 border border-slate-200 p-1 align-top ${d.inMonth ? "bg-white" : "bg-slate-50 text-muted"} ${d.today ? "outline outline-2 outline-brand-700" : ""}`}>
                  <div className="text-sm font-semibold">{d.day}</div>
                  <ul className="flex flex-col gap-1">
                    {d.items.map((it, i) => (
                      <li key={`${it.eventId}-${i}`} className="text-xs leading-tight">
                        <Link to={`/events/${it.eventId}`} className={it.cancelled ? "line-through" : ""}>
                          {it.time} {it.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-col gap-3 md:hidden">
        {weeks.flat().filter((d) => d.inMonth && d.items.length).map((d) => (
          <li key={d.key}>
            <p className="font-semibold">{d.day} {MONTHS_GENITIVE[month - 1]}</p>
            <ul className="ml-4 list-disc">
              {d.items.map((it, i) => (
                <li key={`${it.eventId}-${i}`}>
                  <Link to={`/events/${it.eventId}`}>{it.time} {it.title}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

