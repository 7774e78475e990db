import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/confirm-email";
import { services } from "~/services.server";
import { confirmWithLink } from "~/features/accounts/commands.server";
import { requestMeta } from "~/features/accounts/request.server";
import { sessionCookie } from "~/features/accounts/sessions.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { AuthPage } from "~/features/accounts/components/auth-page";
import { Button } from "~/components/ui/button";

export const meta: Route.MetaFunction = () => [{ title: "Подтверждение адреса — Мост" }];

const Token = z.object({ token: z.string().regex(/^[a-z2-7]{32}$/) });

/** The page a mail link opens. Confirming takes a button press, so link scanners cannot use the link up. */
export function loader({ request }: Route.LoaderArgs) {
  const parsed = Token.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return { token: parsed.success ? parsed.data.token : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, Token);
  if (!form.ok) return form.response;
  const result = await confirmWithLink(services(context), form.data.token, requestMeta(request, context));
  if (!result.ok) return failureResponse(result, {});
  if (result.kind === "confirmed") return redirect("/account?welcome=1", { headers: { "Set-Cookie": sessionCookie(result.token!) } });
  return redirect("/account?emailChanged=1");
}

export default function ConfirmEmail({ loaderData, actionData }: Route.ComponentProps) {
  const error = actionData?.errors.form ?? actionData?.errors.token ?? (loaderData.token ? undefined : "Ссылка неполная или повреждена. Откройте её из письма ещё раз.");
  return (
    <AuthPage title="Подтверждение адреса" error={error}>
      {loaderData.token ? (
        <Form method="post" className="flex flex-col gap-4">
          <input type="hidden" name="token" value={loaderData.token} />
          <p>Нажмите кнопку, чтобы подтвердить адрес электронной почты.</p>
          <div>
            <Button type="submit">Подтвердить адрес</Button>
          </div>
        </Form>
      ) : (
        <p>
          Чтобы получить новое письмо, попробуйте <a href="/login">войти</a>: если адрес не подтверждён, мы пришлём письмо ещё раз.
        </p>
      )}
    </AuthPage>
  );
}
