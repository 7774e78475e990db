import { Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/register.confirm";
import { services } from "~/services.server";
import { requireGuest } from "~/features/accounts/policy.server";
import { ConfirmCodeForm, Email } from "~/features/accounts/schemas";
import { confirmWithCode } from "~/features/accounts/commands.server";
import { requestMeta } from "~/features/accounts/request.server";
import { sessionCookie } from "~/features/accounts/sessions.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Подтверждение адреса — Мост" }];

export function loader({ request, context }: Route.LoaderArgs) {
  requireGuest(context);
  const email = z.object({ email: Email }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return { email: email.success ? email.data.email : "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, ConfirmCodeForm, ["email"]);
  if (!form.ok) return form.response;
  const result = await confirmWithCode(services(context), form.data, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, form.values);
  return redirect("/account?welcome=1", { headers: { "Set-Cookie": sessionCookie(result.token) } });
}

export default function ConfirmRegistration({ loaderData, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const email = actionData?.values.email || loaderData.email;
  return (
    <AuthPage
      title="Проверьте почту"
      lead={email ? `Мы отправили письмо на ${email}. В нём код из 6 цифр и ссылка — подойдёт что-то одно.` : "Мы отправили письмо с кодом из 6 цифр и ссылкой."}
      error={errors.form}
      footer={<p>Письма нет? Проверьте папку «Спам». Если адрес введён с ошибкой, <Link to="/register">зарегистрируйтесь заново</Link>.</p>}
    >
      <Form method="post" className="flex flex-col gap-4">
        {email ? <input type="hidden" name="email" value={email} /> : <TextField name="email" type="email" label="Электронная почта" autoComplete="email" required error={errors.email} />}
        <TextField name="code" label="Код из письма" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required error={errors.code ?? errors.email} />
        <div>
          <Button type="submit">Подтвердить</Button>
        </div>
      </Form>
    </AuthPage>
  );
}
