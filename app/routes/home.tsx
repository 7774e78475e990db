import type { Route } from "./+types/home";
import { services } from "~/services.server";
import { listRegionOverviews } from "~/features/directory/queries.server";
import { Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { StatList } from "~/components/ui/stat";
import { countRu } from "~/utils/plural";
import { formatDateWithWeekday, formatTime, schoolYearOf } from "~/utils/datetime";
import { zoneLabel } from "~/utils/timezones";
import { HOME } from "~/features/directory/strings";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";

export const meta: Route.MetaFunction = () => [
  { title: "Мост — сеть школ, наставников и лучших практик" },
  { name: "description", content: HOME.description },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const now = clock.now();
  const viewer = await viewerZoneOf(request, context, now);
  const schoolYear = schoolYearOf(now, viewer);
  const regions = await listRegionOverviews(db, schoolYear);
  return {
    schoolYear,
    today: `${formatDateWithWeekday(now, viewer)}, ${formatTime(now, viewer)} (${viewer.label})`,
    regions: regions.map((r) => ({
      ...r,
      zone: zoneLabel(r.timeZone, r.capital, now),
      localTime: formatTime(now, { timeZone: r.timeZone, city: r.capital }),
    })),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { regions, schoolYear, today } = loaderData;
  const total = (key: "schools" | "lowResults" | "adverseConditions" | "leading" | "trainingSites" | "teachers") =>
    regions.reduce((sum, r) => sum + r[key], 0);
  return (
    <Container>
      <PageHeader title={HOME.title} lead={HOME.lead} />
      <section aria-labelledby="programme-heading" className="mb-8">
        <h2 id="programme-heading" className="mb-3 text-lg font-semibold">
          Программа в {schoolYear} учебном году
        </h2>
        <StatList
          items={[
            { label: "Школ в программе", value: total("schools") },
            { label: "ШНОР", value: total("lowResults"), hint: "низкие результаты обучения" },
            { label: "ШНСУ", value: total("adverseConditions"), hint: "неблагоприятные социальные условия" },
            { label: "Школ-лидеров и площадок", value: total("leading") + total("trainingSites") },
            { label: "Педагогов", value: total("teachers").toLocaleString("ru-RU") },
          ]}
        />
      </section>
      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="mb-1 text-lg font-semibold">
          Регионы
        </h2>
        <p className="mb-4 text-sm text-muted">У вас сейчас {today}. Местное время регионов — по их часовым поясам.</p>
        {regions.length === 0 ? (
          <EmptyState title="Регионов пока нет">Загрузите справочник организаций: npm run db:seed.</EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {regions.map((r) => (
              <li key={r.id}>
                <Card as="article" aria-labelledby={`region-${r.id}`}>
                  <h3 id={`region-${r.id}`} className="text-base font-semibold">
                    {r.name}
                  </h3>
                  <p className="mt-1 text-sm text-muted">
                    Сейчас там {r.localTime} ({r.zone})
                  </p>
                  <p className="mt-3 text-sm">
                    {countRu(r.municipalities, ["муниципалитет", "муниципалитета", "муниципалитетов"])},{" "}
                    {countRu(r.schools, ["школа", "школы", "школ"])} в программе, из них{" "}
                    {countRu(r.lowResults, ["школа", "школы", "школ"])} ШНОР и{" "}
                    {countRu(r.leading + r.trainingSites, ["школа-лидер или площадка", "школы-лидера или площадки", "школ-лидеров и площадок"])};{" "}
                    {countRu(r.teachers, ["педагог", "педагога", "педагогов"])}.
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Container>
  );
}
