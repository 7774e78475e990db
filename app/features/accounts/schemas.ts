import { z } from "zod";
import { REGION_ZONES } from "~/utils/timezones";
import { ACCOUNT_TEXT } from "./strings";

const ZONES = new Set(REGION_ZONES.map((z) => z.timeZone));

/** A same-site path to go back to; anything else falls back to the home page. */
export const ReturnTo = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/"));

/** The guest's (or a person's) choice of the zone in which times are shown. */
export const TimeZoneChoice = z.object({
  timeZone: z.string({ error: "Выберите часовой пояс." }).refine((tz) => ZONES.has(tz), {
    message: "Выберите часовой пояс из списка.",
  }),
  source: z.enum(["browser", "chosen"]).default("chosen"),
  returnTo: ReturnTo,
});
export type TimeZoneChoice = z.infer<typeof TimeZoneChoice>;

/** An e-mail address as typed: trimmed and lower-cased. */
export const Email = z
  .string({ error: ACCOUNT_TEXT.emailInvalid })
  .trim()
  .toLowerCase()
  .max(254, ACCOUNT_TEXT.emailInvalid)
  .pipe(z.email({ error: ACCOUNT_TEXT.emailInvalid }));

/** A new password: 8–256 characters of any script, never trimmed or truncated. */
export const NewPassword = z
  .string({ error: ACCOUNT_TEXT.passwordRequired })
  .refine((p) => [...p].length >= 8, ACCOUNT_TEXT.passwordTooShort)
  .refine((p) => [...p].length <= 256, ACCOUNT_TEXT.passwordTooLong);

const Password = z.string({ error: ACCOUNT_TEXT.passwordRequired }).min(1, ACCOUNT_TEXT.passwordRequired).max(1024, ACCOUNT_TEXT.passwordTooLong);

export const RegisterForm = z
  .object({
    name: z.string({ error: ACCOUNT_TEXT.nameRequired }).trim().min(2, ACCOUNT_TEXT.nameRequired).max(120, ACCOUNT_TEXT.nameTooLong),
    email: Email,
    password: NewPassword,
    passwordRepeat: z.string().optional(),
    consent: z.literal("yes", { error: ACCOUNT_TEXT.consentRequired }),
  })
  .refine((f) => f.passwordRepeat === undefined || f.passwordRepeat === f.password, { message: ACCOUNT_TEXT.passwordsDiffer, path: ["passwordRepeat"] });

export const LoginForm = z.object({ email: Email, password: Password, returnTo: ReturnTo });

export const ConfirmCodeForm = z.object({ email: Email, code: z.string().trim().regex(/^\d{6}$/, ACCOUNT_TEXT.codeFormat) });

export const ForgotPasswordForm = z.object({ email: Email });

export const ResetPasswordForm = z
  .object({ token: z.string().regex(/^[a-z2-7]{32}$/), password: NewPassword, passwordRepeat: z.string() })
  .refine((f) => f.passwordRepeat === f.password, { message: ACCOUNT_TEXT.passwordsDiffer, path: ["passwordRepeat"] });

export const ChangePasswordForm = z
  .object({ intent: z.literal("password"), currentPassword: Password, password: NewPassword, passwordRepeat: z.string() })
  .refine((f) => f.passwordRepeat === f.password, { message: ACCOUNT_TEXT.passwordsDiffer, path: ["passwordRepeat"] });

export const ChangeEmailForm = z.object({ intent: z.literal("email"), currentPassword: Password, email: Email });

export const SessionsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("end-others") }),
]);

/** Field → first message, for showing errors next to the fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
