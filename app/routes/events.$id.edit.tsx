import type { Route } from "./+types/events.$id.edit";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { saveEventAction } from "~/features/events/actions.server";
import { loadEventForEdit, loadFormOptions } from "~/features/events/page.server";
import { viewerFacts } from "~/features/events/queries.server";
import { EventForm } from "~/features/events/components/event-form";
import type { RichDoc } from "~/features/discussions/rich-text/document";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Изменить: ${loaderData?.event.title ?? "мероприятие"} — Мост` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const facts = await viewerFacts(db, viewer);
  const event = await loadEventForEdit(db, viewer, facts, params.id);
  return { event, ...(await loadFormOptions(db, viewer, facts, clock.now())) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return saveEventAction(services(context), viewer, request, params.id);
}

export default function EditEvent({ loaderData: d, actionData }: Route.ComponentProps) {
  const returned = actionData?.values;
  const split = (v?: string) => (v ? v.split(",").filter(Boolean) : []);
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Изменить мероприятие" lead="Если изменится время, участники получат уведомление, а напоминания придут к новому времени." />
      <EventForm
        organisations={d.organisations}
        choices={d.choices}
        values={returned ?? d.event.values}
        errors={actionData?.errors ?? {}}
        communityIds={returned ? split(returned.communityIds) : d.event.communityIds}
        practiceIds={returned ? split(returned.practiceIds) : d.event.practiceIds}
        programme={d.event.programme as unknown as RichDoc}
        submit="Сохранить изменения"
      />
    </Container>
  );
}
