import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { services } from "~/services.server";
import { requireGuest } from "~/features/accounts/policy.server";
import { LoginForm } from "~/features/accounts/schemas";
import { signIn } from "~/features/accounts/commands.server";
import { requestMeta } from "~/features/accounts/request.server";
import { sessionCookie } from "~/features/accounts/sessions.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Вход — Мост" }];

export function loader({ context }: Route.LoaderArgs) {
  requireGuest(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  requireGuest(context);
  const form = await parseForm(request, LoginForm, ["email"]);
  if (!form.ok) return form.response;
  const result = await signIn(services(context), form.data, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, form.values);
  return redirect(form.data.returnTo, { headers: { "Set-Cookie": sessionCookie(result.token) } });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const [params] = useSearchParams();
  return (
    <AuthPage
      title="Вход"
      error={errors.form}
      notice={params.get("reset") ? "Пароль изменён. Войдите с новым паролем." : undefined}
      footer={
        <p>
          <Link to="/forgot-password">Забыли пароль?</Link> · Нет учётной записи? <Link to="/register">Зарегистрируйтесь</Link>
        </p>
      }
    >
      <Form method="post" className="flex flex-col gap-4">
        <input type="hidden" name="returnTo" value={params.get("returnTo") ?? "/"} />
        <TextField name="email" type="email" label="Электронная почта" autoComplete="username" required defaultValue={actionData?.values.email} error={errors.email} />
        <TextField name="password" type="password" label="Пароль" autoComplete="current-password" required error={errors.password} />
        <div>
          <Button type="submit">Войти</Button>
        </div>
      </Form>
    </AuthPage>
  );
}
