import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/plans.$id.public";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { loadPlanPage } from "~/features/plans/page.server";
import { PLAN_ERRORS } from "~/features/plans/strings";
import { ItemList } from "~/features/plans/components/item-list";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.plan.title ?? "План"} — ${loaderData?.owner.name ?? ""}` }];

const Params = z.object({ id: z.string().uuid() });

/** A school's published plan, for a link from its official site: anyone may read it, nothing to edit. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(PLAN_ERRORS.notFound, { status: 404 });
  const { db, clock } = services(context);
  const page = await loadPlanPage(db, viewerOf(context), parsed.data.id, clock.now());
  if (!page.plan.published) throw data(PLAN_ERRORS.notFound, { status: 404 });
  return { plan: page.plan, owner: page.owner, items: page.items, totals: page.summary.totals };
}

export default function PublicPlan({ loaderData: p }: Route.ComponentProps) {
  const t = p.totals.counts;
  return (
    <Container className="max-w-4xl">
      <PageHeader title={p.plan.title} lead={`${p.owner.name} · ${p.plan.schoolYear} учебный год · мероприятий: ${p.totals.total}, выполнено: ${t.on_time + t.late}, просрочено: ${t.overdue}`} />
      <ItemList items={p.items} />
    </Container>
  );
}
