/**
 * Russian-aware text helpers: ё folding, sort keys and collation.
 *
 * Browser-safe: relies only on `String.prototype` methods and `Intl.Collator`.
 */

/**
 * Replaces "ё" with "е" and "Ё" with "Е" (both the precomposed letters and
 * "е"/"Е" followed by a combining diaeresis).
 *
 * @example foldYo("Ёлкин ёжик") // "Елкин ежик"
 * @param s - Any string.
 * @returns The string without ё.
 */
export function foldYo(s: string): string {
  return s
    .replace(/([еЕ])\u0308/g, "$1")
    .replace(/ё/g, "е")
    .replace(/Ё/g, "Е");
}

/** Latin letters that Unicode decomposition does not reduce to a–z. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ł: "l",
  ı: "i",
  þ: "th",
};

/** Offset that maps ASCII `a`–`z` onto fullwidth `ａ`–`ｚ` (U+FF41…U+FF5A). */
const FULLWIDTH_SHIFT = 0xff41 - 0x61;

/**
 * Encodes a run of digits so that plain string comparison orders numbers by
 * value ("2" < "10"): leading zeros are dropped and the run is prefixed by a
 * character encoding its length ("1" + "2", "2" + "10").
 */
function encodeDigits(run: string): string {
  const digits = run.replace(/^0+(?=\d)/, "");
  // Length markers stay below "A" (0x41) for numbers of up to 16 digits,
  // i.e. digits always sort before any letter.
  return String.fromCharCode(0x30 + Math.min(digits.length, 0x3f)) + digits;
}

/**
 * Normalises a string into a key whose plain code-unit order (JavaScript `<`,
 * which for this output equals code-point and UTF-8 byte order) sorts Russian
 * names the way a Russian reader expects:
 *
 * - surrounding whitespace is trimmed, inner whitespace collapsed to one space;
 * - lower case via `toLocaleLowerCase("ru")`, "ё" folded to "е" (Е = Ё);
 * - digit runs are length-prefixed, so numbers sort by value and before letters;
 * - punctuation and symbols get a "!" class prefix (after space, before digits);
 * - Cyrillic letters keep their code points (а…я is alphabetical once ё is folded);
 * - Latin letters (diacritics stripped) are mapped onto the fullwidth block
 *   U+FF41…U+FF5A, so Latin names come AFTER Cyrillic ones.
 *
 * Order: whitespace < punctuation < numbers < Cyrillic < Latin. This matches
 * {@link compareRu} for names written in Cyrillic and/or Latin; other scripts
 * keep their code points (between digits and Latin). The key is opaque and
 * meant for sorting/indexing only (e.g. a database column), never for display.
 *
 * @example russianSortKey("  Ёлкин   Пётр ") // "елкин петр"
 * @param s - A name or title.
 * @returns The sort key.
 */
export function russianSortKey(s: string): string {
  const base = foldYo(s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("ru"));
  let key = "";
  for (const match of base.matchAll(/\d+|[^\d]/gu)) {
    const part = match[0];
    if (/^\d/.test(part)) {
      key += encodeDigits(part);
    } else if (/\p{Script=Latin}/u.test(part)) {
      const plain = LATIN_SPECIAL[part] ?? part.normalize("NFD").replace(/\p{M}/gu, "");
      for (const ch of plain) {
        const code = ch.charCodeAt(0);
        key += code >= 0x61 && code <= 0x7a ? String.fromCharCode(code + FULLWIDTH_SHIFT) : ch;
      }
    } else if (/[\p{P}\p{S}]/u.test(part)) {
      // Punctuation and symbols: "!" class marker keeps them after the space
      // and before digits and letters, like the collator does.
      key += "!" + part;
    } else {
      key += part;
    }
  }
  return key;
}

let collator: Intl.Collator | undefined;

/** Lazily created, cached Russian collator. */
function ruCollator(): Intl.Collator {
  collator ??= new Intl.Collator("ru", { sensitivity: "base", numeric: true });
  return collator;
}

/**
 * Compares two strings in Russian alphabetical order using a cached
 * `Intl.Collator("ru", { sensitivity: "base", numeric: true })`:
 * case-insensitive, Е = Ё, numbers by value, Cyrillic before Latin.
 * Suitable as an `Array.prototype.sort` comparator.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns Negative, zero or positive.
 */
export function compareRu(a: string, b: string): number {
  return ruCollator().compare(a, b);
}

/**
 * Returns a new array sorted in Russian alphabetical order ({@link compareRu}).
 * The sort is stable: items that compare equal keep their original order.
 *
 * @example sortRu(["Жуков", "Smith", "Абрамов"]) // ["Абрамов", "Жуков", "Smith"]
 * @example sortRu(users, (u) => u.fullName)
 * @param items - The items; the input array is not modified.
 * @param key - Extracts the string to sort by (default: `String(item)`).
 * @returns A sorted copy.
 */
export function sortRu<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const decorated = items.map((item, index) => ({ item, index, text: key(item) }));
  decorated.sort((a, b) => compareRu(a.text, b.text) || a.index - b.index);
  return decorated.map((d) => d.item);
}
