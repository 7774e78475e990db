/**
 * Finding a file's municipality in the directory. Official lists write the same district many
 * ways («Шилкинский район», «МР «Шилкинский район»», «Шилкинский»; «г. Чита», «ГО «Город Чита»»),
 * so names are compared by a key without the words that only say what kind of municipality it is,
 * and a name that matches nothing gets the closest names as suggestions.
 *
 * Browser-safe.
 */
import { foldYo } from "../../../utils/text.ts";

/** Words that name the kind of municipality, not the municipality. */
const KIND_WORDS = new Set([
  "район", "района", "муниципальный", "муниципального", "муниципальное", "образование", "образования", "округ", "округа",
  "городской", "городского", "г", "город", "города", "го", "мр", "мо", "мрн", "пгт", "рп", "поселение", "сельское",
]);

/**
 * The comparison key of a municipality name: lower case, ё→е, no punctuation and no kind words.
 *
 * @example municipalityKey("МР «Шилкинский район»") // "шилкинский"
 */
export function municipalityKey(name: string): string {
  return foldYo(name.normalize("NFC").toLocaleLowerCase("ru"))
    // Abbreviations with inner punctuation, before punctuation becomes spaces: «р-н», «г.о.», «м.р.».
    .replace(/(^|[\s«"(])(р-н|р\.\s?н\.?|г\.\s?о\.?|м\.\s?р\.?|м\.\s?о\.?)(?=$|[\s»")])/gu, "$1 район ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !KIND_WORDS.has(w))
    .join(" ");
}

/** Edit distance (insertions, deletions, substitutions), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface MunicipalityRef {
  id: string;
  name: string;
}

export type MunicipalityLookup =
  | { kind: "found"; municipality: MunicipalityRef }
  | { kind: "ambiguous"; candidates: MunicipalityRef[] }
  | { kind: "unknown"; similar: MunicipalityRef[] };

/**
 * Builds a lookup over one region's municipalities. Results are cached per written value, since a
 * list of 5 000 schools names the same dozens of districts again and again.
 */
export function municipalityMatcher(list: readonly MunicipalityRef[]): (value: string) => MunicipalityLookup {
  const byExact = new Map(list.map((m) => [foldYo(m.name.toLocaleLowerCase("ru")).replace(/\s+/g, " ").trim(), m]));
  const byKey = new Map<string, MunicipalityRef[]>();
  for (const m of list) {
    const key = municipalityKey(m.name);
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  const cache = new Map<string, MunicipalityLookup>();

  function lookup(value: string): MunicipalityLookup {
    const exact = byExact.get(foldYo(value.toLocaleLowerCase("ru")).replace(/\s+/g, " ").trim());
    if (exact) return { kind: "found", municipality: exact };
    const key = municipalityKey(value);
    const candidates = byKey.get(key) ?? [];
    if (candidates.length === 1) return { kind: "found", municipality: candidates[0]! };
    if (candidates.length > 1) return { kind: "ambiguous", candidates };
    // A typo: suggest names whose key is a few edits away (about one edit per four letters) or
    // that contain the written key as a whole word («Петровск» → «город Петровск-Забайкальский»).
    const scored = list
      .map((m) => {
        const other = municipalityKey(m.name);
        const contains = key.length >= 4 && (other.split(" ").includes(key) || other.startsWith(key));
        return { m, distance: contains ? 0 : levenshtein(key, other), limit: Math.max(2, Math.floor(other.length / 4)) };
      })
      .filter((s) => key.length > 0 && s.distance <= s.limit)
      .sort((a, b) => a.distance - b.distance || a.m.name.localeCompare(b.m.name, "ru"));
    return { kind: "unknown", similar: scored.slice(0, 3).map((s) => s.m) };
  }

  return (value) => {
    let hit = cache.get(value);
    if (!hit) {
      hit = lookup(value);
      cache.set(value, hit);
    }
    return hit;
  };
}
