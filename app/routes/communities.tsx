import { Form } from "react-router";
import { Pagination } from "~/components/ui/pagination";
import type { Route } from "./+types/communities";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { listAreas } from "~/features/directory/organisations.server";
import { mayCreateCommunities } from "~/features/communities/policy.server";
import { loadCatalogue } from "~/features/communities/page.server";
import { CatalogueQuery } from "~/features/communities/schemas";
import { COMMUNITIES, KIND_LABELS, SCOPE_LABELS } from "~/features/communities/strings";
import { CommunityCard } from "~/features/communities/components/community-card";
import { CommunityLive } from "~/features/communities/components/community-live";
import { ThreadsLive } from "~/features/discussions/components/threads-live";
import { SelectBox } from "~/features/communities/components/fields";
import { TextField } from "~/components/ui/form";
import { SUBJECTS, TOPICS } from "~/features/vocabulary";
import { Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Сообщества — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const viewer = viewerOf(context);
  const url = new URL(request.url);
  const query = CatalogueQuery.parse(Object.fromEntries(url.searchParams));
  const now = clock.now();
  const [areas, catalogue] = await Promise.all([listAreas(db), loadCatalogue(db, viewer, query, await viewerZoneOf(request, context, now), now)]);
  return { query, regions: areas.regions, ...catalogue, signedIn: Boolean(viewer.id), canCreate: mayCreateCommunities(viewer), search: url.search };
}

export default function Communities({ loaderData: d }: Route.ComponentProps) {
  return (
    <Container>
      {/* Unread counts of the viewer's communities follow new threads and replies without a reload. */}
      {d.live ? d.live.communities.map((c) => <CommunityLive key={c.stream} stream={c.stream} head={c.head} />) : null}
      {d.live ? <ThreadsLive threads={d.live.threads} /> : null}
      <PageHeader
        title="Сетевые сообщества"
        lead="Предметные и тематические сообщества педагогов, методические объединения муниципалитетов (РМО), межрегиональные сети и клуб директоров. Вступайте, задавайте вопросы, делитесь опытом."
        actions={d.canCreate ? <ButtonLink to="/communities/new">Создать сообщество</ButtonLink> : null}
      />
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Фильтры сообществ">
        <SelectBox name="kind" label="Вид" empty="Все виды" defaultValue={d.query.kind} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectBox name="subject" label="Предмет" empty="Любой" defaultValue={d.query.subject} options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} />
        <SelectBox name="topic" label="Тема" empty="Любая" defaultValue={d.query.topic} options={TOPICS.map((t) => ({ value: t.code, label: t.label }))} />
        <SelectBox name="scope" label="Масштаб" empty="Любой" defaultValue={d.query.scope} options={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectBox name="region" label="Регион (и межрегиональные)" empty="Все регионы" defaultValue={d.query.region} options={d.regions.map((r) => ({ value: r.id, label: r.name }))} />
        <TextField name="q" type="search" label="Название или описание" defaultValue={d.query.q ?? ""} />
        <SelectBox
          name="sort"
          label="Порядок"
          defaultValue={d.query.sort}
          options={[
            { value: "name", label: "По названию" },
            { value: "activity", label: "Сначала активные" },
            { value: "members", label: "Сначала крупные" },
          ]}
        />
        {d.signedIn ? (
          <label className="flex min-h-11 items-center gap-3 self-end text-sm font-medium">
            <input type="checkbox" name="mine" value="1" defaultChecked={d.query.mine} className="size-5" />
            Только мои сообщества
          </label>
        ) : null}
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit">Показать</Button>
        </div>
      </Form>
      <p className="mb-3 text-sm text-muted" aria-live="polite">
        Найдено: {countRu(d.total, COMMUNITIES)}
      </p>
      {d.cards.length === 0 ? (
        <EmptyState title="Ничего не найдено">
          {d.query.mine ? "Вы пока не состоите ни в одном сообществе. Снимите отметку «Только мои», чтобы увидеть все." : "Измените фильтры или поищите по части названия."}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
          {d.cards.map((c) => (
            <li key={c.slug}>
              <CommunityCard c={c} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={d.query.page} pages={d.pages} search={d.search} />
    </Container>
  );
}
