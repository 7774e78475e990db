import type { Route } from "./+types/events.new";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { saveEventAction } from "~/features/events/actions.server";
import { loadFormOptions } from "~/features/events/page.server";
import { requireEventOrganiser } from "~/features/events/policy.server";
import { viewerFacts } from "~/features/events/queries.server";
import { EventForm } from "~/features/events/components/event-form";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Новое мероприятие — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const facts = await viewerFacts(db, viewer);
  requireEventOrganiser(viewer, facts);
  return loadFormOptions(db, viewer, facts, clock.now());
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  return saveEventAction(services(context), viewer, request);
}

export default function NewEvent({ loaderData: o, actionData }: Route.ComponentProps) {
  const values = actionData?.values ?? {};
  const split = (v?: string) => (v ? v.split(",").filter(Boolean) : []);
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Новое мероприятие" lead="Вебинар, семинар, конференция или мастер-класс. Участники зарегистрируются на странице мероприятия; когда места закончатся, запись продолжится в лист ожидания." />
      <EventForm organisations={o.organisations} choices={o.choices} values={values} errors={actionData?.errors ?? {}} communityIds={split(values.communityIds)} practiceIds={split(values.practiceIds)} submit="Создать мероприятие" />
    </Container>
  );
}
