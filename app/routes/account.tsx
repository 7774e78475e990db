import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/account";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { ChangeEmailForm, ChangePasswordForm } from "~/features/accounts/schemas";
import { passwordProblem } from "~/features/accounts/password-policy.server";
import { changePassword, requestEmailChange } from "~/features/accounts/recovery.server";
import { requestMeta } from "~/features/accounts/request.server";
import { failureResponse, fieldError, parseForm } from "~/features/accounts/actions.server";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Учётная запись — Мост" }];

const NOTICES: Record<string, string> = {
  welcome: "Адрес подтверждён, вы вошли. Добро пожаловать на «Мост»!",
  passwordReset: "Новый пароль сохранён. Остальные сеансы завершены.",
  passwordChanged: "Пароль изменён. Остальные сеансы завершены.",
  emailRequested: "Мы отправили ссылку на новый адрес. Адрес сменится, когда вы откроете её.",
  emailChanged: "Адрес электронной почты изменён.",
};

export function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  return { name: viewer.name ?? "", email: viewer.email ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const intent = (await request.clone().formData()).get("intent");
  const s = services(context);
  if (intent === "email") {
    const form = await parseForm(request, ChangeEmailForm, ["intent", "email"]);
    if (!form.ok) return form.response;
    const result = await requestEmailChange(s, viewer, form.data, requestMeta(request, context));
    return result.ok ? redirect("/account?emailRequested=1") : failureResponse(result, form.values);
  }
  const form = await parseForm(request, ChangePasswordForm, ["intent"]);
  if (!form.ok) return form.response;
  const problem = passwordProblem(form.data.password);
  if (problem) return fieldError("password", problem, form.values);
  const result = await changePassword(s, viewer, form.data, requestMeta(request, context));
  return result.ok ? redirect("/account?passwordChanged=1") : failureResponse(result, form.values);
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const notice = Object.keys(NOTICES).find((k) => params.has(k));
  const errorsFor = (intent: string) => (actionData?.values.intent === intent ? actionData.errors : {});
  const pw = errorsFor("password");
  const em = errorsFor("email");
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Учётная запись" lead={`${loaderData.name}, ${loaderData.email}`} actions={
          <>
            <ButtonLink to="/account/profile">Мой профиль</ButtonLink>
            <ButtonLink to="/account/sessions" variant="secondary">Сеансы и устройства</ButtonLink>
            <ButtonLink to="/account/notifications" variant="secondary">Уведомления</ButtonLink>
            <ButtonLink to="/account/data" variant="secondary">Мои данные</ButtonLink>
          </>
        } />
      <div className="flex flex-col gap-6">
        {notice ? <Alert tone="success">{NOTICES[notice]}</Alert> : null}
        <Card aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-3 text-lg font-semibold">
            Сменить пароль
          </h2>
          {pw.form ? <Alert tone="error">{pw.form}</Alert> : null}
          <Form method="post" className="mt-2 flex flex-col gap-4">
            <input type="hidden" name="intent" value="password" />
            <TextField id="pw-current" name="currentPassword" type="password" label="Текущий пароль" autoComplete="current-password" required error={pw.currentPassword} />
            <TextField id="pw-new" name="password" type="password" label="Новый пароль" autoComplete="new-password" required hint="Не меньше 8 символов. Другие сеансы будут завершены." error={pw.password} />
            <TextField id="pw-repeat" name="passwordRepeat" type="password" label="Новый пароль ещё раз" autoComplete="new-password" required error={pw.passwordRepeat} />
            <div>
              <Button type="submit">Сменить пароль</Button>
            </div>
          </Form>
        </Card>
        <Card aria-labelledby="email-heading">
          <h2 id="email-heading" className="mb-3 text-lg font-semibold">
            Сменить адрес электронной почты
          </h2>
          {em.form ? <Alert tone="error">{em.form}</Alert> : null}
          <Form method="post" className="mt-2 flex flex-col gap-4">
            <input type="hidden" name="intent" value="email" />
            <TextField id="em-new" name="email" type="email" label="Новый адрес" autoComplete="email" required defaultValue={em.email ? actionData?.values.email : undefined} error={em.email} />
            <TextField id="em-current" name="currentPassword" type="password" label="Текущий пароль" autoComplete="current-password" required error={em.currentPassword} />
            <div>
              <Button type="submit">Отправить ссылку на новый адрес</Button>
            </div>
          </Form>
        </Card>
        <p className="text-sm text-muted">
          <Link to="/legal/personal-data">Согласие на обработку персональных данных</Link>
        </p>
      </div>
    </Container>
  );
}
