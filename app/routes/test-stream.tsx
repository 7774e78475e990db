import { useState } from "react";
import { data } from "react-router";
import type { Route } from "./+types/test-stream";
import { services } from "~/services.server";
import { getStreamSnapshot } from "~/features/realtime/queries.server";
import { useStream } from "~/features/realtime/use-stream";
import type { StreamEvent } from "~/features/realtime/cursor";
import { Container, PageHeader } from "~/components/ui/layout";

/** A page subscribed to a test stream, for the backbone's browser tests. 404 outside test mode. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { config, db } = services(context);
  if (!config.MOST_TEST_MODE || !/^[A-Za-z0-9_-]{1,60}$/.test(params.name)) throw data("Страница не найдена", { status: 404 });
  const stream = `test:${params.name}`;
  return { stream, ...(await getStreamSnapshot(db, stream)) };
}

export default function TestStream({ loaderData }: Route.ComponentProps) {
  const [events, setEvents] = useState<StreamEvent[]>(loaderData.events);
  useStream(loaderData.stream, loaderData.head, (event) => setEvents((list) => [...list, event]));
  return (
    <Container>
      <PageHeader title={`Поток ${loaderData.stream}`} />
      <ol aria-label="События">
        {events.map((e) => (
          <li key={e.seq} data-seq={e.seq}>
            {e.seq}: {String(e.payload.text ?? e.type)}
          </li>
        ))}
      </ol>
    </Container>
  );
}
