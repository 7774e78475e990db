import { Form, Link } from "react-router";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import type { Route } from "./+types/events.$id.room";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadRoomPage } from "~/features/events/room.server";
import { roomAction } from "~/features/events/room-actions.server";
import { ROOM_DONE, type RoomDoneKey } from "~/features/events/room-strings";
import { RoomLive } from "~/features/events/components/room-live";
import { RoomQuestions } from "~/features/events/components/room-questions";
import { RoomAttendance } from "~/features/events/components/room-attendance";
import { RoomAfter } from "~/features/events/components/room-after";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Комната: ${loaderData?.page.event.title ?? "мероприятие"} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const page = await loadRoomPage(db, viewer, { id: params.id, zone, now });
  const done = new URL(request.url).searchParams.get("done");
  return { page, done: done && done in ROOM_DONE ? ROOM_DONE[done as RoomDoneKey] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return roomAction(services(context), viewer, request, params.id);
}

export default function EventRoom({ loaderData: { page: d, done }, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const e = d.event;
  return (
    <Container className="max-w-4xl">
      <RoomLive stream={d.stream.key} head={d.stream.head} />
      <p className="mb-2 text-sm">
        <Link to={`/events/${e.id}`}>← К странице мероприятия</Link>
      </p>
      <PageHeader title={e.title} lead={`Комната мероприятия · ${e.when}`} />
      <div className="mb-4 flex flex-col gap-2" aria-live="polite">
        {done ? <Alert tone="success">{done}</Alert> : null}
        {errors.form && values.intent !== "certificate" ? <Alert tone="error">{errors.form}</Alert> : null}
        {e.cancelled ? <Alert tone="error">Мероприятие отменено организатором.</Alert> : null}
      </div>
      {d.joinUrl ? (
        <p className="mb-4">
          <a href={d.joinUrl} rel="noopener noreferrer nofollow" target="_blank" className="inline-flex min-h-11 items-center rounded-md bg-blue-800 px-4 font-semibold text-white" data-testid="join-link">
            Подключиться к трансляции
          </a>
        </p>
      ) : !e.past && !e.cancelled ? (
        <p className="mb-4 text-sm" data-testid="join-later">
          Ссылка на трансляцию появится здесь за 15 минут до начала занятия.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <Card aria-labelledby="chat-title">
            <h2 id="chat-title" className="mb-2 text-lg font-semibold">Чат</h2>
            {d.chat[0] ? (
              <p><Link to={`/threads/${d.chat[0].id}`}>Открыть чат мероприятия</Link></p>
            ) : d.standing.manage && !e.cancelled ? (
              <Form method="post">
                <input type="hidden" name="intent" value="open-chat" />
                <Button type="submit" variant="secondary">Открыть чат для участников</Button>
              </Form>
            ) : (
              <p className="text-sm text-muted">Организатор ещё не открыл чат.</p>
            )}
          </Card>
          <RoomQuestions questions={d.questions} canAsk={d.can.ask} canAnswer={d.can.answer} values={values} errors={errors} />
        </div>
        <div className="flex flex-col gap-6">
          <RoomAttendance d={d} errors={errors} values={values} />
          <RoomAfter d={d} errors={errors} values={values} />
        </div>
      </div>
    </Container>
  );
}
