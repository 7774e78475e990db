import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/account.data";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { parseForm } from "~/features/accounts/actions.server";
import { sessionCookie } from "~/features/accounts/sessions.server";
import { deleteAccount } from "~/features/profiles/commands.server";
import { DeleteAccountForm } from "~/features/profiles/schemas";
import { DELETED_PERSON_NAME } from "~/features/profiles/fields";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { CheckboxField, TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Мои данные — Мост" }];

export function loader({ request, context }: Route.LoaderArgs) {
  requireUser(request, context);
  return null;
}

/** Deletes the account after the password is typed again; the session cookie goes with it. */
export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await parseForm(request, DeleteAccountForm);
  if (!form.ok) return form.response;
  const result = await deleteAccount(services(context), viewer, form.data.password);
  if (!result.ok) return data({ errors: { [result.field ?? "form"]: result.error }, values: {} }, { status: result.status });
  return redirect("/account/deleted", { headers: { "Set-Cookie": sessionCookie(null) } });
}

export default function AccountData({ actionData }: Route.ComponentProps) {
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Мои данные" lead="Всё, что платформа хранит о вас, можно скачать. Учётную запись можно удалить в любой момент." />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="export-heading">
          <h2 id="export-heading" className="mb-2 text-lg font-semibold">Выгрузка данных</h2>
          <p className="mb-4">Учётная запись, профиль, фотография, согласия с датами, места работы, роли, сеансы и история входов.</p>
          <div className="flex flex-wrap gap-3">
            <ButtonLink to="/account/data/export?format=html" reloadDocument variant="secondary">Скачать понятный отчёт (HTML)</ButtonLink>
            <ButtonLink to="/account/data/export?format=json" reloadDocument variant="secondary">Скачать полные данные (JSON)</ButtonLink>
          </div>
        </Card>
        <Card aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-2 text-lg font-semibold">Удаление учётной записи</h2>
          <ul className="mb-4 list-disc pl-6">
            <li>Имя, адрес почты, пароль, профиль, фотография, места работы и роли удаляются сразу.</li>
            <li>Ваши сообщения и материалы останутся, но подписаны будут «{DELETED_PERSON_NAME}».</li>
            <li>Все сеансы завершатся, войти снова будет нельзя. Записи о данных и отозванных согласиях сохраняются, как требует закон.</li>
          </ul>
          {errors.form ? <div className="mb-3"><Alert tone="error">{errors.form}</Alert></div> : null}
          <Form method="post" className="flex flex-col gap-4">
            <TextField name="password" type="password" label="Пароль" autoComplete="current-password" error={errors.password} required />
            <CheckboxField name="confirm" label="Я понимаю, что восстановить учётную запись будет нельзя" error={errors.confirm} />
            <div><Button type="submit" className="bg-red-700 hover:bg-red-800">Удалить учётную запись</Button></div>
          </Form>
        </Card>
      </div>
    </Container>
  );
}
