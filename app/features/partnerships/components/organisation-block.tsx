import { Link } from "react-router";
import { Card } from "~/components/ui/layout";
import { PartnershipCardList } from "./card-list";
import type { PartnershipCardView } from "../page.server";

export interface OrganisationPartnershipsData {
  items: PartnershipCardView[];
  strengths: string[];
  canEditStrengths: boolean;
  canPropose: boolean;
}

/** On a school's page: its declared strengths and its partnerships. */
export function OrganisationPartnerships({ orgId, data }: { orgId: string; data: OrganisationPartnershipsData | null }) {
  if (!data) return null;
  return (
    <>
      <Card aria-labelledby="strengths-heading">
        <h2 id="strengths-heading" className="mb-2 text-lg font-semibold">Сильные стороны</h2>
        {data.strengths.length ? (
          <ul className="flex flex-wrap gap-2" aria-label="Сильные стороны школы">
            {data.strengths.map((s) => (<li key={s} className="rounded bg-brand-50 px-2 py-1 text-sm text-brand-800">{s}</li>))}
          </ul>
        ) : (
          <p>Школа пока не указала сильные стороны.</p>
        )}
        {data.canEditStrengths ? <p className="mt-3"><Link to={`/organisations/${orgId}/strengths`}>Изменить сильные стороны</Link></p> : null}
      </Card>
      <section aria-labelledby="org-partnerships-heading" className="flex flex-col gap-3">
        <h2 id="org-partnerships-heading" className="text-lg font-semibold">Партнёрства</h2>
        <PartnershipCardList items={data.items} label="Партнёрства школы" empty="Партнёрств пока нет" />
        {data.canPropose ? <p><Link to={`/partnerships/new?school=${orgId}`}>Подобрать школу-лидера и предложить партнёрство</Link></p> : null}
      </section>
    </>
  );
}
