/** URL names of communities: Russian names transliterated to Latin (browser-safe, pure). */

const TRANSLIT: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** The longest slug kept (the rest of a long name is cut at a word boundary). */
export const SLUG_MAX = 60;

/**
 * A lower-case Latin slug of a name: «Учителя математики Забайкалья» → "uchitelya-matematiki-zabaykalya".
 * Never empty: a name with no letters or digits gives "soobshchestvo".
 */
export function slugify(name: string): string {
  const latin = [...name.toLocaleLowerCase("ru")].map((ch) => TRANSLIT[ch] ?? ch).join("");
  const words = latin
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, SLUG_MAX) || "soobshchestvo";
}

/** Slugs that would shadow a page of the catalogue. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "edit", "members", "requests"]);

/** A well-formed slug (what the route accepts before touching the database). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
