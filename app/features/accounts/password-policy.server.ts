import { dictionary } from "@zxcvbn-ts/language-common";
import { ACCOUNT_TEXT } from "./strings.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Passwords Russian speakers choose often that the international list misses. */
const RUSSIAN_COMMON = [
  "пароль", "пароль1", "пароль12", "пароль123", "парольпароль", "йцукен", "йцукенгш", "йцукенгшщз", "йцукенгшщзхъ",
  "фывапролд", "ячсмитьбю", "привет123", "приветик", "любовь123", "солнышко", "котёнок", "зайчик123", "наташа123",
  "москва123", "россия123", "учитель", "учитель1", "учитель123", "школа123", "школа2026", "директор", "12345678йцукен",
  "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx", "qwertyйцукен", "q1w2e3r4", "aa123456", "ghbdtn123", "gfhjkm123",
];

const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюё";
const toLatin = new Map([...JCUKEN].map((c, i) => [c, QWERTY[i]!]));
const toCyrillic = new Map([...QWERTY].map((c, i) => [c, JCUKEN[i]!]));
const swapLayout = (s: string, map: Map<string, string>) => [...s].map((c) => map.get(c) ?? c).join("");

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...RUSSIAN_COMMON].map((p) => p.toLowerCase()));
  return common;
}

/**
 * Whether a password is on the common lists, also when typed in the other keyboard layout
 * («gfhjkm» is «пароль» on a Latin layout).
 */
export function isCommonPassword(password: string): boolean {
  const p = password.normalize("NFC").toLowerCase();
  const list = commonPasswords();
  return list.has(p) || list.has(swapLayout(p, toLatin)) || list.has(swapLayout(p, toCyrillic)) || /^(.)\1+$/u.test(p) || /^(0123456789|1234567890|9876543210)/.test(p);
}

/** The Russian reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return ACCOUNT_TEXT.passwordTooShort;
  if (length > PASSWORD_MAX) return ACCOUNT_TEXT.passwordTooLong;
  if (isCommonPassword(password)) return ACCOUNT_TEXT.passwordCommon;
  return null;
}
