import type { Route } from "./+types/library.new";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { loadNewPracticePage } from "~/features/library/author-page.server";
import { newPracticeAction } from "~/features/library/actions.server";
import { PracticeForm, valuesAfterError } from "~/features/library/components/practice-form";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Новая практика — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  return loadNewPracticePage(services(context).db, viewer);
}

export async function action({ request, context }: Route.ActionArgs) {
  return newPracticeAction(services(context), requireUser(request, context), request);
}

export default function NewPractice({ loaderData: d, actionData }: Route.ComponentProps) {
  const empty = { kind: "practice", title: "", summary: "", subjects: [], gradeBands: [], themes: [], organisationId: d.organisations[0]?.id ?? null, coauthors: [] };
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Новая практика" lead="Сохраните черновик, приложите материалы и отправьте практику на экспертизу. Пока эксперт её не примет, практику видите только вы и соавторы." />
      <PracticeForm values={valuesAfterError(actionData?.values, empty)} errors={actionData?.errors} organisations={d.organisations} coauthorOptions={d.coauthorOptions} submitLabel="Сохранить черновик" />
    </Container>
  );
}
