import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/account.notifications";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { parseForm } from "~/features/accounts/actions.server";
import { NotificationSettingsForm } from "~/features/notifications/schemas";
import { saveNotificationSettings } from "~/features/notifications/settings.server";
import { loadSettingsPage } from "~/features/notifications/settings-page.server";
import { SETTINGS_TEXT as T } from "~/features/notifications/strings";
import { Button } from "~/components/ui/button";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Настройки уведомлений — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  return loadSettingsPage(services(context), viewer.id);
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await parseForm(request, NotificationSettingsForm);
  if (!form.ok) return form.response;
  await saveNotificationSettings(services(context), viewer.id, form.data);
  return redirect("/account/notifications?saved=1");
}

export default function NotificationSettings({ loaderData: d, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  return (
    <Container className="max-w-3xl">
      <PageHeader title={T.title} lead={T.lead} />
      {params.has("saved") ? <Alert tone="success">{T.saved}</Alert> : null}
      {Object.keys(errors).length ? <Alert tone="error">{Object.values(errors)[0]}</Alert> : null}
      <p className="mb-2">{d.digestAt}</p>
      {d.waiting ? <p className="mb-2">{d.waiting}</p> : null}
      <p className="mb-4 text-sm text-muted">{T.security}</p>
      <Form method="post" className="flex flex-col gap-6">
        {d.groups.map((g) => (
          <Card key={g.group} aria-labelledby={`group-${g.group}`}>
            <h2 id={`group-${g.group}`} className="mb-3 text-lg font-semibold">
              {g.title}
            </h2>
            <div className="flex flex-col gap-4">
              {g.kinds.map((k) => (
                <fieldset key={k.kind} className="flex flex-col gap-1">
                  <legend className="font-medium">{k.label}</legend>
                  <div className="flex flex-wrap gap-x-5 gap-y-1">
                    {k.options.map((o) => (
                      <label key={o.value} className="flex min-h-11 items-center gap-2">
                        <input type="radio" name={k.kind} value={o.value} defaultChecked={k.channel === o.value} className="h-5 w-5" />
                        {o.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
            </div>
          </Card>
        ))}
        <div>
          <Button type="submit">{T.save}</Button>
        </div>
      </Form>
      <p className="mt-6 text-sm">
        <Link to="/notifications">Уведомления</Link> · <Link to="/account">Учётная запись</Link>
      </p>
    </Container>
  );
}
