import { Link } from "react-router";
import type { PersonView } from "~/features/profiles/people.server";

/** A person next to their content: photo, name (a link when their profile is visible), position and school. */
export function PersonLine({ person, id }: { person: PersonView; id?: string }) {
  const detail = [person.position, person.organisation?.name].filter(Boolean).join(", ");
  return (
    <p id={id} className="flex items-center gap-2">
      {person.photoUrl ? <img src={person.photoUrl} alt="" width={32} height={32} className="h-8 w-8 rounded-full object-cover" /> : <span aria-hidden="true" className="inline-block h-8 w-8 rounded-full bg-slate-200" />}
      <span>
        {person.href ? (
          <Link to={person.href} className="font-semibold">
            {person.name}
          </Link>
        ) : (
          <span className={`font-semibold ${person.deleted ? "italic text-muted" : ""}`}>{person.name}</span>
        )}
        {detail ? <span className="block text-sm text-muted">{detail}</span> : null}
      </span>
    </p>
  );
}
