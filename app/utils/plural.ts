/**
 * Russian plural forms and counted phrases ("5 участников").
 *
 * Browser-safe: relies only on `Intl.PluralRules` and `Intl.NumberFormat`.
 */

/**
 * The three Russian noun forms, in dictionary order:
 * `one` (1, 21, 101 участник), `few` (2–4, 22 участника),
 * `many` (0, 5–20, 25, 111 участников).
 */
export type PluralForms = readonly [one: string, few: string, many: string];

let pluralRules: Intl.PluralRules | undefined;
let numberFormat: Intl.NumberFormat | undefined;

/** Lazily created, cached `Intl.PluralRules("ru")`. */
function rules(): Intl.PluralRules {
  pluralRules ??= new Intl.PluralRules("ru");
  return pluralRules;
}

/** Lazily created, cached `Intl.NumberFormat("ru-RU")`. */
function numbers(): Intl.NumberFormat {
  numberFormat ??= new Intl.NumberFormat("ru-RU");
  return numberFormat;
}

/**
 * Picks the Russian plural form for `n`.
 *
 * Uses the CLDR rules of `Intl.PluralRules("ru")`. Fractional numbers fall
 * into the CLDR category "other", which in Russian takes the genitive
 * singular, i.e. the `few` form ("1,5 часа", "0,5 литра"). Negative numbers
 * use the form of their absolute value; non-finite numbers use `many`.
 *
 * @example pluralRu(5, ["участник", "участника", "участников"]) // "участников"
 * @param n - The number being counted.
 * @param forms - `[one, few, many]`, e.g. `["участник", "участника", "участников"]`.
 * @returns The matching form.
 */
export function pluralRu(n: number, forms: PluralForms): string {
  const [one, few, many] = forms;
  if (!Number.isFinite(n)) return many;
  switch (rules().select(n)) {
    case "one":
      return one;
    case "few":
      return few;
    case "many":
      return many;
    default:
      // "other": fractional numbers ("1,5 часа") take the genitive singular.
      return few;
  }
}

/**
 * Formats a number in Russian style (`Intl.NumberFormat("ru-RU")`: non-breaking
 * space as the thousands separator, comma as the decimal separator, at most
 * three fraction digits).
 *
 * @example formatNumberRu(12345.5) // "12 345,5" (with U+00A0 as separator)
 * @param n - The number to format.
 * @returns The formatted number.
 */
export function formatNumberRu(n: number): string {
  return numbers().format(n);
}

/**
 * Formats a count together with the correctly inflected noun.
 *
 * The number is formatted by `Intl.NumberFormat("ru-RU")` and separated from
 * the noun by an ordinary space.
 *
 * @example countRu(5, ["участник", "участника", "участников"]) // "5 участников"
 * @example countRu(1.5, ["час", "часа", "часов"]) // "1,5 часа"
 * @param n - The number being counted.
 * @param forms - `[one, few, many]` noun forms.
 * @returns E.g. "21 участник", "12 345 участников".
 */
export function countRu(n: number, forms: PluralForms): string {
  return `${formatNumberRu(n)} ${pluralRu(n, forms)}`;
}
