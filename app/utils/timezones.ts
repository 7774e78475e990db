/**
 * The product's time-zone table and "МСК±N" zone labels.
 *
 * Russians name time zones relative to Moscow time: "МСК" for Moscow time,
 * "МСК+6" for Chita (UTC+9), "МСК−1" for Kaliningrad (UTC+2). Labels in the
 * UI always add a city: "МСК+6, Чита".
 *
 * Browser-safe: offsets are computed with `Intl.DateTimeFormat`, never with
 * the machine's own zone.
 */

/** A time zone as stored for a person, school or event. */
export type ZoneRef = {
  /** IANA zone name, e.g. "Asia/Irkutsk". */
  timeZone: string;
  /** City shown in the label, e.g. the capital of the person's region ("Улан-Удэ"). */
  city?: string;
};

/** Either a {@link ZoneRef} or a bare IANA zone name. */
export type ZoneInput = ZoneRef | string;

/** One row of {@link REGION_ZONES}. */
export type RegionZone = {
  /** IANA zone name. */
  readonly timeZone: string;
  /** Default city for the label, in Russian. */
  readonly city: string;
};

/** IANA name of Moscow time. */
export const MOSCOW_TIME_ZONE = "Europe/Moscow";

/**
 * The IANA zones in use in Russia, each with its default city label.
 * Ordered west to east (by UTC offset as of 2026), Moscow-time zones after Moscow.
 */
export const REGION_ZONES: readonly RegionZone[] = Object.freeze([
  { timeZone: "Europe/Kaliningrad", city: "Калининград" },
  { timeZone: "Europe/Moscow", city: "Москва" },
  { timeZone: "Europe/Volgograd", city: "Волгоград" },
  { timeZone: "Europe/Kirov", city: "Киров" },
  { timeZone: "Europe/Samara", city: "Самара" },
  { timeZone: "Europe/Astrakhan", city: "Астрахань" },
  { timeZone: "Europe/Saratov", city: "Саратов" },
  { timeZone: "Europe/Ulyanovsk", city: "Ульяновск" },
  { timeZone: "Asia/Yekaterinburg", city: "Екатеринбург" },
  { timeZone: "Asia/Omsk", city: "Омск" },
  { timeZone: "Asia/Krasnoyarsk", city: "Красноярск" },
  { timeZone: "Asia/Novosibirsk", city: "Новосибирск" },
  { timeZone: "Asia/Barnaul", city: "Барнаул" },
  { timeZone: "Asia/Tomsk", city: "Томск" },
  { timeZone: "Asia/Novokuznetsk", city: "Новокузнецк" },
  { timeZone: "Asia/Irkutsk", city: "Иркутск" },
  { timeZone: "Asia/Chita", city: "Чита" },
  { timeZone: "Asia/Yakutsk", city: "Якутск" },
  { timeZone: "Asia/Vladivostok", city: "Владивосток" },
  { timeZone: "Asia/Magadan", city: "Магадан" },
  { timeZone: "Asia/Sakhalin", city: "Южно-Сахалинск" },
  { timeZone: "Asia/Srednekolymsk", city: "Среднеколымск" },
  { timeZone: "Asia/Kamchatka", city: "Петропавловск-Камчатский" },
  { timeZone: "Asia/Anadyr", city: "Анадырь" },
].map((z) => Object.freeze(z)));

const CITY_BY_ZONE: ReadonlyMap<string, string> = new Map(REGION_ZONES.map((z) => [z.timeZone, z.city]));

/** The true minus sign (U+2212) used in "МСК−1". */
const MINUS = "\u2212";

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Cached formatter that prints only the "GMT+09:00" offset of a zone. */
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * Normalises a {@link ZoneInput} to a {@link ZoneRef}.
 *
 * @param zone - A ZoneRef or an IANA zone name.
 * @returns The ZoneRef.
 */
export function toZoneRef(zone: ZoneInput): ZoneRef {
  return typeof zone === "string" ? { timeZone: zone } : zone;
}

/**
 * Tells whether `tz` is a time zone the runtime's `Intl` understands
 * (an IANA name such as "Asia/Chita", "UTC", or an offset such as "+03:00").
 *
 * @param tz - Candidate zone name.
 * @returns `true` if usable as `timeZone` in `Intl.DateTimeFormat`.
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  try {
    offsetFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The default Russian city label for a zone of {@link REGION_ZONES}.
 *
 * @param timeZone - IANA zone name.
 * @returns The city, or `undefined` for zones outside the table.
 */
export function defaultCityOf(timeZone: string): string | undefined {
  return CITY_BY_ZONE.get(timeZone);
}

/**
 * The UTC offset of `timeZone` at the instant `at`, in minutes
 * (Asia/Chita → 540). Computed from `Intl`'s "longOffset" name ("GMT+09:00");
 * historical offsets with seconds ("GMT+02:30:17") give fractional minutes.
 *
 * @param timeZone - IANA zone name.
 * @param at - The instant (default: now).
 * @returns Minutes east of UTC.
 * @throws RangeError for an unknown zone or an invalid date.
 */
export function zoneOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  if (Number.isNaN(at.getTime())) throw new RangeError("Invalid date");
  return dayConstant(steadyOffsetMinutes, timeZone, at.getTime(), (ms) => intlOffsetMinutes(timeZone, new Date(ms))) ?? intlOffsetMinutes(timeZone, at);
}

const steadyOffsetMinutes = new Map<string, number | null>();
const DAY = 86_400_000;
const DAY_CACHE_SIZE = 20_000;

/**
 * A zone's value (its UTC offset) for a whole UTC day, or null when the day holds a change. The
 * value is asked of `valueAt` at both ends of the day and kept per zone and day when the two agree:
 * no zone of the tz database changes its offset and back again within one day. Intl's
 * `formatToParts` is the costly part of every time shown (a thread page formats one per post), and
 * this asks it twice per zone and day instead of on every call. Bounded: cleared when full.
 */
export function dayConstant(cache: Map<string, number | null>, timeZone: string, ms: number, valueAt: (ms: number) => number): number | null {
  const day = Math.floor(ms / DAY);
  const key = `${timeZone}|${day}`;
  let value = cache.get(key);
  if (value === undefined) {
    const first = valueAt(day * DAY);
    value = first === valueAt(day * DAY + DAY - 1000) ? first : null;
    if (cache.size >= DAY_CACHE_SIZE) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function intlOffsetMinutes(timeZone: string, at: Date): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  if (name === undefined) throw new RangeError(`No offset for time zone ${timeZone}`);
  if (name === "GMT" || name === "UTC") return 0;
  const m = /^(?:GMT|UTC)([+\u2212-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(name);
  if (!m) throw new RangeError(`Unexpected offset "${name}" for time zone ${timeZone}`);
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
  return m[1] === "+" ? minutes : -minutes;
}

/**
 * Offset of `timeZone` relative to Moscow time at `at`, in minutes
 * (Asia/Chita → +360, Europe/Kaliningrad → −60). Uses Moscow's real offset at
 * that instant (UTC+3 since 2014).
 *
 * @param timeZone - IANA zone name.
 * @param at - The instant (default: now).
 * @returns Minutes ahead of Moscow.
 */
export function mskDifferenceMinutes(timeZone: string, at: Date = new Date()): number {
  return zoneOffsetMinutes(timeZone, at) - zoneOffsetMinutes(MOSCOW_TIME_ZONE, at);
}

/**
 * Formats a difference to Moscow time: 0 → "МСК", 360 → "МСК+6",
 * −60 → "МСК−1" (U+2212 minus), 150 → "МСК+2:30".
 *
 * @param minutes - Minutes ahead of Moscow.
 * @returns The "МСК±N" label without a city.
 */
export function formatMskOffset(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return "МСК";
  const abs = Math.abs(rounded);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  const amount = rest === 0 ? String(hours) : `${hours}:${String(rest).padStart(2, "0")}`;
  return `МСК${rounded > 0 ? "+" : MINUS}${amount}`;
}

/**
 * The label of a zone as shown everywhere in the product.
 *
 * - Moscow time (same offset as Moscow) → "МСК", whatever the city;
 * - otherwise "МСК±N, City": the given `cityLabel` (e.g. the capital of the
 *   person's region) wins over the zone's default city from {@link REGION_ZONES};
 *   zones outside the table without a city give just "МСК±N".
 *
 * @example zoneLabel("Asia/Chita") // "МСК+6, Чита"
 * @example zoneLabel("Asia/Irkutsk", "Улан-Удэ") // "МСК+5, Улан-Удэ"
 * @example zoneLabel("Europe/Kaliningrad") // "МСК−1, Калининград"
 * @param timeZone - IANA zone name.
 * @param cityLabel - Optional city overriding the default.
 * @param at - The instant whose offsets count (default: now).
 * @returns The label.
 * @throws RangeError for an unknown zone.
 */
export function zoneLabel(timeZone: string, cityLabel?: string, at: Date = new Date()): string {
  const msk = formatMskOffset(mskDifferenceMinutes(timeZone, at));
  if (msk === "МСК") return msk;
  const city = cityLabel?.trim() || defaultCityOf(timeZone);
  return city ? `${msk}, ${city}` : msk;
}

/**
 * {@link zoneLabel} for a {@link ZoneRef} or zone name.
 *
 * @param zone - The zone with an optional city.
 * @param at - The instant whose offsets count (default: now).
 * @returns The label, e.g. "МСК+5, Улан-Удэ".
 */
export function zoneRefLabel(zone: ZoneInput, at: Date = new Date()): string {
  const ref = toZoneRef(zone);
  return zoneLabel(ref.timeZone, ref.city, at);
}

/** An option for a time-zone `<select>`. */
export type ZoneOption = { value: string; label: string; offsetMinutes: number };

/**
 * Options for a zone picker built from {@link REGION_ZONES}, sorted by UTC
 * offset (west to east), labelled "МСК+6, Чита"; Moscow-time zones read
 * "МСК, Волгоград" here so that the entries stay distinguishable.
 *
 * @param at - The instant whose offsets count (default: now).
 * @returns The options.
 */
export function regionZoneOptions(at: Date = new Date()): ZoneOption[] {
  return REGION_ZONES.map((z, index) => ({ z, index, offset: zoneOffsetMinutes(z.timeZone, at) }))
    .sort((a, b) => a.offset - b.offset || a.index - b.index)
    .map(({ z, offset }) => ({
      value: z.timeZone,
      label: `${formatMskOffset(mskDifferenceMinutes(z.timeZone, at))}, ${z.city}`,
      offsetMinutes: offset,
    }));
}
