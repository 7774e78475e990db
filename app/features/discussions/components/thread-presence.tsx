import type { Presence, PresencePerson } from "~/features/realtime/use-presence";
import { countRu } from "~/utils/plural";

const PEOPLE = ["человек", "человека", "человек"] as const;

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
}

/** «Прохорова печатает…», «Прохорова и Батуева печатают…», «3 человека печатают…». */
export function typingLine(people: PresencePerson[]): string {
  if (people.length === 0) return "";
  if (people.length === 1) return `${people[0]!.name} печатает…`;
  if (people.length === 2) return `${people[0]!.name} и ${people[1]!.name} печатают…`;
  return `${countRu(people.length, PEOPLE)} печатают…`;
}

/** Who is reading the thread now (initials as avatars, names for screen readers) and who is typing. */
export function ThreadPresence({ presence, typing }: { presence: Presence | null; typing: PresencePerson[] }) {
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
      {presence && presence.count > 0 ? (
        <div className="flex items-center gap-2" data-presence={presence.count}>
          <span>Сейчас читают: {countRu(presence.count, PEOPLE)}</span>
          <ul className="flex -space-x-1" aria-label="Сейчас читают">
            {presence.people.map((p) => (
              <li key={p.id} title={p.name} className="inline-flex h-7 w-7 items-center justify-center rounded-full border border-white bg-brand-100 text-xs font-semibold text-brand-800">
                <span aria-hidden="true">{initials(p.name)}</span>
                <span className="sr-only">{p.name}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p aria-live="polite" className="italic">
        {typingLine(typing)}
      </p>
    </div>
  );
}
