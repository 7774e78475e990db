import { Form } from "react-router";
import { Pagination } from "~/components/ui/pagination";
import type { Route } from "./+types/library";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadLibraryPage } from "~/features/library/page.server";
import { LibraryQuery } from "~/features/library/schemas";
import { LIBRARY_PAGE_SIZE } from "~/features/library/queries.server";
import { KIND_LABELS, PRACTICES } from "~/features/library/strings";
import { PracticeGrid } from "~/features/library/components/practice-card";
import { SelectField, TextField } from "~/components/ui/form";
import { GRADE_BANDS, SUBJECTS, TOPICS } from "~/features/vocabulary";
import { Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Библиотека практик — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const url = new URL(request.url);
  const filter = LibraryQuery.parse(Object.fromEntries(url.searchParams));
  const page = await loadLibraryPage(db, viewerOf(context), filter, await viewerZoneOf(request, context, clock.now()));
  return { ...page, pages: Math.max(1, Math.ceil(page.total / LIBRARY_PAGE_SIZE)), search: url.search };
}

export default function Library({ loaderData: d }: Route.ComponentProps) {
  return (
    <Container>
      <PageHeader
        title="Библиотека практик"
        lead="Лучшие практики, методические рекомендации, конспекты уроков и кейсы школ, прошедшие экспертизу: формирующее оценивание, работа с обучающимися с рисками неуспешности, школьный климат, работа с родителями."
        actions={
          d.signedIn ? (
            <>
              <ButtonLink to="/library/new">Предложить практику</ButtonLink>
              <ButtonLink to="/library/mine" variant="secondary">Мои практики и закладки</ButtonLink>
              {d.reviewer ? <ButtonLink to="/library/review" variant="secondary">Экспертиза</ButtonLink> : null}
            </>
          ) : null
        }
      />
      <Form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Фильтры библиотеки">
        <SelectField name="subject" label="Предмет" empty="Любой" value={d.filter.subject ?? ""} options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} />
        <SelectField name="band" label="Классы" empty="Любые" value={d.filter.band ?? ""} options={GRADE_BANDS.map((b) => ({ value: b.code, label: b.label }))} />
        <SelectField name="theme" label="Тема" empty="Любая" value={d.filter.theme ?? ""} options={TOPICS.map((t) => ({ value: t.code, label: t.label }))} />
        <SelectField name="kind" label="Вид материала" empty="Любой" value={d.filter.kind ?? ""} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectField name="region" label="Регион" empty="Все регионы" value={d.filter.region ?? ""} options={d.regions.map((r) => ({ value: r.id, label: r.name }))} />
        <TextField name="q" type="search" label="Слова из названия или описания" defaultValue={d.filter.q ?? ""} />
        <SelectField
          name="sort"
          label="Порядок"
          value={d.filter.sort}
          options={[
            { value: "new", label: "Сначала новые" },
            { value: "useful", label: "Сначала полезные" },
            { value: "title", label: "По названию" },
          ]}
        />
        <div className="self-end">
          <Button type="submit">Показать</Button>
        </div>
      </Form>
      <p className="mb-3 text-sm text-muted" aria-live="polite">
        Найдено: {countRu(d.total, PRACTICES)}
      </p>
      {d.items.length === 0 ? <EmptyState title="Ничего не найдено">Измените фильтры: например, выберите другую тему или уберите регион.</EmptyState> : <PracticeGrid items={d.items} label="Практики" />}
      <Pagination page={d.filter.page} pages={d.pages} search={d.search} />
    </Container>
  );
}
