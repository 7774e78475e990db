import type { Route } from "./+types/partnerships";
import { services } from "~/services.server";
import { hasRole, viewerOf } from "~/features/accounts/viewer.server";
import { loadCatalogue } from "~/features/partnerships/page.server";
import { partnershipIdsOf } from "~/features/partnerships/queries.server";
import { PartnershipCardList } from "~/features/partnerships/components/card-list";
import { ButtonLink } from "~/components/ui/button";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Партнёрства школ — Мост" }];

export async function loader({ context }: Route.LoaderArgs) {
  const viewer = viewerOf(context);
  const { db } = services(context);
  const catalogue = await loadCatalogue(db, viewer, await partnershipIdsOf(db, viewer));
  return { ...catalogue, signedIn: Boolean(viewer.id), mayPropose: hasRole(viewer, "school_admin") || hasRole(viewer, "coordinator") || hasRole(viewer, "admin") };
}

export default function Partnerships({ loaderData: p }: Route.ComponentProps) {
  return (
    <Container className="max-w-5xl">
      <PageHeader
        title="Партнёрства школ"
        lead="Школа-лидер или стажировочная площадка и школа с низкими результатами работают вместе по соглашению: наставничество, взаимопосещение уроков, общее рабочее пространство."
        actions={p.mayPropose ? <ButtonLink to="/partnerships/new">Предложить партнёрство</ButtonLink> : null}
      />
      <div className="flex flex-col gap-8">
        {p.signedIn ? (
          <section aria-labelledby="mine-heading" className="flex flex-col gap-3">
            <h2 id="mine-heading" className="text-xl font-semibold">Мои партнёрства</h2>
            <PartnershipCardList items={p.mine} label="Мои партнёрства" empty="Вы пока не участвуете в партнёрствах" />
          </section>
        ) : null}
        <section aria-labelledby="all-heading" className="flex flex-col gap-3">
          <h2 id="all-heading" className="text-xl font-semibold">Все партнёрства</h2>
          <PartnershipCardList items={p.all} label="Все партнёрства" empty="Партнёрств пока нет" />
        </section>
      </div>
    </Container>
  );
}
