import { Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/register";
import { services } from "~/services.server";
import { requireGuest } from "~/features/accounts/policy.server";
import { RegisterForm } from "~/features/accounts/schemas";
import { passwordProblem } from "~/features/accounts/password-policy.server";
import { register } from "~/features/accounts/commands.server";
import { requestMeta } from "~/features/accounts/request.server";
import { failureResponse, fieldError, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { PERSONAL_DATA_CONSENT } from "~/features/accounts/consent";
import { Button } from "~/components/ui/button";
import { CheckboxField, TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Регистрация — Мост" }];

export function loader({ context }: Route.LoaderArgs) {
  requireGuest(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  requireGuest(context);
  const form = await parseForm(request, RegisterForm, ["name", "email"]);
  if (!form.ok) return form.response;
  const problem = passwordProblem(form.data.password);
  if (problem) return fieldError("password", problem, form.values);
  const result = await register(services(context), form.data, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, form.values);
  return redirect(`/register/confirm?email=${encodeURIComponent(result.email)}`);
}

export default function Register({ actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <AuthPage
      title="Регистрация"
      lead="Для учителей, руководителей школ, тьюторов и специалистов ИРО, МОУО и ЦНППМ."
      error={errors.form}
      footer={
        <p>
          Уже зарегистрированы? <Link to="/login">Войдите</Link>
        </p>
      }
    >
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <TextField name="name" label="Имя и фамилия" autoComplete="name" required defaultValue={values.name} error={errors.name} />
        <TextField name="email" type="email" label="Электронная почта" autoComplete="email" required defaultValue={values.email} error={errors.email} />
        <TextField name="password" type="password" label="Пароль" autoComplete="new-password" required hint="Не меньше 8 символов, любые буквы. Удобно взять фразу из нескольких слов." error={errors.password} />
        <TextField name="passwordRepeat" type="password" label="Пароль ещё раз" autoComplete="new-password" required error={errors.passwordRepeat} />
        <CheckboxField
          name="consent"
          error={errors.consent}
          label={
            <>
              Я даю <Link to="/legal/personal-data">согласие на обработку персональных данных</Link> (редакция от 1 ноября 2026 г.)
            </>
          }
        />
        <p className="text-sm text-muted">
          {PERSONAL_DATA_CONSENT.title} хранится отдельно, с датой и временем. Сведения профиля станут видны другим, только если вы сами откроете их в настройках.
        </p>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? "Отправляем…" : "Зарегистрироваться"}
          </Button>
        </div>
      </Form>
    </AuthPage>
  );
}
