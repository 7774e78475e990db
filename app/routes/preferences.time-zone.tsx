import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/preferences.time-zone";
import { services } from "~/services.server";
import { ReturnTo, TimeZoneChoice } from "~/features/accounts/schemas";
import { viewerZoneOf, rememberViewerZone } from "~/features/accounts/viewer-zone.server";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { MOSCOW_TIME_ZONE, regionZoneOptions } from "~/utils/timezones";

export const meta: Route.MetaFunction = () => [{ title: "Часовой пояс — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const now = services(context).clock.now();
  return { zone: await viewerZoneOf(request, context, now), options: regionZoneOptions(now) };
}

export async function action({ request }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = TimeZoneChoice.safeParse(form);
  if (!parsed.success && form.source === "browser") {
    // A browser outside the Russian zones: remember that we asked, and show Moscow time.
    const returnTo = ReturnTo.parse(form.returnTo);
    return redirect(returnTo, { headers: { "Set-Cookie": await rememberViewerZone(MOSCOW_TIME_ZONE, "browser") } });
  }
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? "Проверьте форму." }, { status: 400 });
  }
  const { timeZone, source, returnTo } = parsed.data;
  return redirect(returnTo, { headers: { "Set-Cookie": await rememberViewerZone(timeZone, source) } });
}

export default function TimeZonePage({ loaderData, actionData }: Route.ComponentProps) {
  const { zone, options } = loaderData;
  const [params] = useSearchParams();
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Часовой пояс" lead="В этом поясе сайт показывает время мероприятий, сообщений и сроков." />
      <Card>
        <Form method="post" className="flex flex-col gap-4">
          <input type="hidden" name="source" value="chosen" />
          <input type="hidden" name="returnTo" value={params.get("returnTo") ?? "/"} />
          <label htmlFor="timeZone" className="font-semibold">
            Показывать время по поясу
          </label>
          <select
            id="timeZone"
            name="timeZone"
            defaultValue={zone.timeZone}
            aria-describedby={actionData?.error ? "timeZone-error" : undefined}
            aria-invalid={actionData?.error ? true : undefined}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3"
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {actionData?.error ? (
            <div id="timeZone-error">
              <Alert tone="error">{actionData.error}</Alert>
            </div>
          ) : null}
          <div>
            <Button type="submit">Сохранить</Button>
          </div>
        </Form>
      </Card>
    </Container>
  );
}
