import { Form, Link } from "react-router";
import type { Route } from "./+types/forgot-password";
import { services } from "~/services.server";
import { ForgotPasswordForm } from "~/features/accounts/schemas";
import { requestPasswordReset } from "~/features/accounts/recovery.server";
import { requestMeta } from "~/features/accounts/request.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Восстановление пароля — Мост" }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, ForgotPasswordForm, ["email"]);
  if (!form.ok) return form.response;
  const result = await requestPasswordReset(services(context), form.data.email, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, form.values);
  return { sent: form.data.email, errors: {} as Record<string, string>, values: form.values };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  return (
    <AuthPage
      title="Восстановление пароля"
      lead="Мы пришлём ссылку, по которой можно задать новый пароль."
      error={errors.form}
      notice={sent ? `Если адрес ${sent} зарегистрирован, письмо со ссылкой уже в пути. Ссылка действует 1 час.` : undefined}
      footer={<Link to="/login">Вернуться ко входу</Link>}
    >
      <Form method="post" className="flex flex-col gap-4">
        <TextField name="email" type="email" label="Электронная почта" autoComplete="email" required defaultValue={actionData?.values.email} error={errors.email} />
        <div>
          <Button type="submit">Отправить ссылку</Button>
        </div>
      </Form>
    </AuthPage>
  );
}
