import { Form, redirect } from "react-router";
import type { Route } from "./+types/account.sessions";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { SessionsForm } from "~/features/accounts/schemas";
import { listSessions } from "~/features/accounts/sessions.server";
import { endOwnSessions } from "~/features/accounts/recovery.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { parseForm } from "~/features/accounts/actions.server";
import { Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/utils/datetime";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Сеансы и устройства — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const list = await listSessions(db, viewer.id, now);
  return {
    sessions: list.map((s) => ({ id: s.id, device: s.device, current: s.id === viewer.sessionId, createdAt: formatDateTime(s.createdAt, zone), lastSeenAt: formatDateTime(s.lastSeenAt, zone) })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await parseForm(request, SessionsForm);
  if (!form.ok) return form.response;
  const which = form.data.intent === "end-others" ? { allOthers: true } : { only: form.data.sessionId };
  const ended = await endOwnSessions(services(context), viewer, which);
  return redirect(`/account/sessions?ended=${ended}`);
}

export default function Sessions({ loaderData }: Route.ComponentProps) {
  const others = loaderData.sessions.filter((s) => !s.current).length;
  return (
    <Container className="max-w-2xl">
      <PageHeader
        title="Сеансы и устройства"
        lead={`Вы вошли на ${countRu(loaderData.sessions.length, ["устройстве", "устройствах", "устройствах"]).replace(/^1 /, "одном ")}. Если какой-то сеанс вам незнаком, завершите его и смените пароль.`}
      />
      <ul className="flex flex-col gap-3" aria-label="Сеансы">
        {loaderData.sessions.map((s) => (
          <li key={s.id}>
            <Card as="article" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-semibold">
                  {s.device}
                  {s.current ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">этот сеанс</span> : null}
                </p>
                <p className="text-sm text-muted">Вход: {s.createdAt}</p>
                <p className="text-sm text-muted">Последняя активность: {s.lastSeenAt}</p>
              </div>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button type="submit" variant="secondary" aria-label={`Завершить сеанс: ${s.device}, последняя активность ${s.lastSeenAt}`}>
                    Завершить
                  </Button>
                </Form>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="end-others" />
          <Button type="submit">Завершить все остальные сеансы</Button>
        </Form>
      ) : null}
    </Container>
  );
}
