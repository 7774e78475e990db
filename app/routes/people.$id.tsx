import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/people.$id";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { getProfileView } from "~/features/profiles/queries.server";
import { PUBLIC_FIELD_LABELS, HIDDEN_PERSON_NAME } from "~/features/profiles/fields";
import { Avatar } from "~/features/profiles/components/avatar";
import { gradesLabel, subjectLabel, topicLabel } from "~/features/vocabulary";
import { Alert, Card, Container } from "~/components/ui/layout";
import { ButtonLink } from "~/components/ui/button";
import { countRu } from "~/utils/plural";
import { practiceLinksOfAuthor } from "~/features/library/links.server";
import { PracticeLinks } from "~/features/library/components/practice-links";

const Params = z.object({ id: z.union([z.literal("me"), z.string().uuid()]) });

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.profile.name ?? "Профиль"} — Мост` }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  const viewer = viewerOf(context);
  if (parsed.success && parsed.data.id === "me") throw redirect(viewer.id ? `/people/${viewer.id}` : "/login?returnTo=%2Fpeople%2Fme");
  const profile = parsed.success ? await getProfileView(services(context).db, viewer, parsed.data.id) : null;
  if (!profile) throw data("Профиль не найден или скрыт", { status: 404 });
  return { profile, own: viewer.id === profile.id, practices: profile.name ? await practiceLinksOfAuthor(services(context).db, profile.id) : [] };
}

function Chips({ items }: { items: string[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((i) => (
        <li key={i} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">{i}</li>
      ))}
    </ul>
  );
}

export default function PersonPage({ loaderData: { profile: p, own, practices } }: Route.ComponentProps) {
  const name = p.name ?? HIDDEN_PERSON_NAME;
  const hiddenFromPublic = own ? (Object.keys(PUBLIC_FIELD_LABELS) as (keyof typeof PUBLIC_FIELD_LABELS)[]).filter((f) => !p.publicFields.includes(f)) : [];
  return (
    <Container className="max-w-3xl">
      {own ? (
        <div className="mb-4">
          <Alert tone="info">
            Это ваш профиль. Все видят только: {p.publicFields.length ? p.publicFields.map((f) => PUBLIC_FIELD_LABELS[f]).join(", ") : "ничего"}.
            {hiddenFromPublic.length ? ` Скрыто от других: ${hiddenFromPublic.map((f) => PUBLIC_FIELD_LABELS[f]).join(", ")}.` : ""}{" "}
            <Link to="/account/profile">Изменить</Link>
          </Alert>
        </div>
      ) : null}
      <Card as="article" aria-labelledby="person-name">
        <div className="flex flex-wrap items-start gap-4">
          {p.photoUrl !== undefined ? <Avatar name={name} photoUrl={p.photoUrl ?? null} size={96} /> : null}
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <h1 id="person-name" className="text-2xl font-bold">{name}</h1>
            {p.position ? <p data-field="position">{p.position}</p> : null}
            {p.organisation ? (
              <p data-field="organisation">
                <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.name}</Link>
                {p.organisation.place ? <span className="text-muted">, {p.organisation.place}</span> : null}
                {p.organisation.confirmed ? <span className="ml-2 text-sm text-green-800">✓ подтверждено школой</span> : null}
              </p>
            ) : null}
            {p.experienceYears !== undefined && p.experienceYears !== null ? <p data-field="experience">Стаж: {countRu(p.experienceYears, ["год", "года", "лет"])}</p> : null}
          </div>
        </div>
        <dl className="mt-6 grid gap-4">
          {p.subjects?.length ? (<div data-field="subjects"><dt className="font-semibold">Предметы</dt><dd><Chips items={p.subjects.map(subjectLabel)} /></dd></div>) : null}
          {p.grades?.length ? (<div data-field="grades"><dt className="font-semibold">Классы</dt><dd>{gradesLabel(p.grades)}</dd></div>) : null}
          {p.canHelp?.length ? (<div data-field="canHelp"><dt className="font-semibold">Могу помочь с</dt><dd><Chips items={p.canHelp.map(topicLabel)} /></dd></div>) : null}
          {p.needsHelp?.length ? (<div data-field="needsHelp"><dt className="font-semibold">Нужна помощь с</dt><dd><Chips items={p.needsHelp.map(topicLabel)} /></dd></div>) : null}
          {p.bio ? (<div data-field="bio"><dt className="font-semibold">О себе</dt><dd className="whitespace-pre-line">{p.bio}</dd></div>) : null}
        </dl>
      </Card>
      {own ? <div className="mt-4"><ButtonLink to="/account/profile" variant="secondary">Редактировать профиль</ButtonLink></div> : null}
      <PracticeLinks items={practices} />
    </Container>
  );
}
