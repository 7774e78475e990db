import { countRu } from "../../utils/plural.ts";

/** User-visible strings of accounts and sessions. */
export const ACCOUNT_TEXT = {
  emailInvalid: "Введите адрес электронной почты, например ivanova@school.ru.",
  nameRequired: "Укажите имя и фамилию — так вас увидят коллеги.",
  nameTooLong: "Имя слишком длинное: не больше 120 символов.",
  consentRequired: "Без согласия на обработку персональных данных зарегистрироваться нельзя.",
  passwordTooShort: "Пароль слишком короткий: нужно не меньше 8 символов.",
  passwordTooLong: "Пароль слишком длинный: не больше 256 символов.",
  passwordCommon: "Этот пароль слишком распространён, его легко подобрать. Придумайте другой — например, фразу из нескольких слов.",
  passwordsDiffer: "Пароли не совпадают.",
  passwordRequired: "Введите пароль.",
  wrongCredentials: "Неверный адрес или пароль.",
  emailNotConfirmed: "Адрес ещё не подтверждён. Мы отправили письмо с кодом ещё раз — проверьте почту.",
  codeInvalid: "Код не подходит. Проверьте его в письме или запросите новый.",
  codeFormat: "Код — это 6 цифр из письма.",
  linkInvalid: "Ссылка недействительна: её уже использовали или срок её действия истёк. Запросите новую.",
  currentPasswordWrong: "Текущий пароль введён неверно.",
  sameEmail: "Это ваш текущий адрес.",
  emailTaken: "Этот адрес уже используется другой учётной записью.",
} as const;

/** «Слишком много попыток. Попробуйте через 5 минут.» for a lockout that ends in `seconds`. */
export function retryAfterText(seconds: number): string {
  if (seconds <= 60) return "Слишком много попыток. Попробуйте через минуту.";
  return `Слишком много попыток. Попробуйте через ${countRu(Math.ceil(seconds / 60), ["минуту", "минуты", "минут"])}.`;
}
