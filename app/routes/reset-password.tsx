import { Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/reset-password";
import { services } from "~/services.server";
import { ResetPasswordForm } from "~/features/accounts/schemas";
import { passwordProblem } from "~/features/accounts/password-policy.server";
import { isResetTokenValid, resetPassword } from "~/features/accounts/recovery.server";
import { requestMeta } from "~/features/accounts/request.server";
import { sessionCookie } from "~/features/accounts/sessions.server";
import { failureResponse, fieldError, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";
import { ACCOUNT_TEXT } from "~/features/accounts/strings";

export const meta: Route.MetaFunction = () => [{ title: "Новый пароль — Мост" }];

const Token = z.object({ token: z.string().regex(/^[a-z2-7]{32}$/) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const parsed = Token.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const token = parsed.success && (await isResetTokenValid(services(context), parsed.data.token)) ? parsed.data.token : null;
  return { token };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, ResetPasswordForm);
  if (!form.ok) return form.response;
  const problem = passwordProblem(form.data.password);
  if (problem) return fieldError("password", problem, {});
  const result = await resetPassword(services(context), form.data, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, {});
  return redirect("/account?passwordReset=1", { headers: { "Set-Cookie": sessionCookie(result.token) } });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  if (!loaderData.token) {
    return (
      <AuthPage title="Новый пароль" error={ACCOUNT_TEXT.linkInvalid}>
        <Link to="/forgot-password">Запросить новую ссылку</Link>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Новый пароль" lead="После смены пароля все другие сеансы будут завершены." error={errors.form ?? errors.token}>
      <Form method="post" className="flex flex-col gap-4">
        <input type="hidden" name="token" value={loaderData.token} />
        <TextField name="password" type="password" label="Новый пароль" autoComplete="new-password" required hint="Не меньше 8 символов." error={errors.password} />
        <TextField name="passwordRepeat" type="password" label="Новый пароль ещё раз" autoComplete="new-password" required error={errors.passwordRepeat} />
        <div>
          <Button type="submit">Сохранить пароль</Button>
        </div>
      </Form>
    </AuthPage>
  );
}
