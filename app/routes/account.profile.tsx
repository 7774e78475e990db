import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/account.profile";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { fieldErrors } from "~/features/accounts/schemas";
import { getProfileForEdit, organisationChoices } from "~/features/profiles/queries.server";
import { saveProfile } from "~/features/profiles/commands.server";
import { BIO_MAX, ProfileForm, profileFormObject } from "~/features/profiles/schemas";
import { PUBLIC_FIELD_LABELS, PUBLIC_FIELDS, PUBLIC_PROFILE_CONSENT } from "~/features/profiles/fields";
import { PhotoForm } from "~/features/profiles/components/photo-form";
import { GRADES, POSITIONS, SUBJECTS, TOPICS } from "~/features/vocabulary";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button, ButtonLink } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { regionZoneOptions, zoneLabel, defaultCityOf } from "~/utils/timezones";

export const meta: Route.MetaFunction = () => [{ title: "Мой профиль — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const s = services(context);
  const [profile, organisations] = await Promise.all([getProfileForEdit(s.db, viewer.id), organisationChoices(s.db)]);
  if (!profile) throw redirect("/login");
  const now = s.clock.now();
  return {
    profile,
    organisations,
    zones: regionZoneOptions(now).map((z) => ({ value: z.value, label: z.label })),
    defaultZoneLabel: zoneLabel(profile.defaultTimeZone, defaultCityOf(profile.defaultTimeZone), now),
  };
}

type Values = Record<string, unknown>;

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const raw = profileFormObject(await request.formData());
  const parsed = ProfileForm.safeParse(raw);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values: raw as Values }, { status: 400 });
  const result = await saveProfile(services(context), viewer, parsed.data);
  if (!result.ok) return data({ errors: { [result.field ?? "form"]: result.error }, values: raw as Values }, { status: result.status });
  return redirect("/account/profile?saved=1");
}

export default function ProfilePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const v = (actionData?.values ?? d.profile) as Values;
  const str = (k: string) => (v[k] === null || v[k] === undefined ? "" : String(v[k]));
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as unknown[]).map(String) : []);
  const topics = TOPICS.map((t) => ({ value: t.code, label: t.label }));
  const errorCount = Object.keys(errors).length;
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title="Мой профиль"
        lead="Профессиональная карточка: по ней коллеги находят вас в каталоге педагогов, а школы — наставников."
        actions={d.profile.publicFields.length ? <ButtonLink to="/people/me" variant="secondary">Как меня видят другие</ButtonLink> : null}
      />
      <div className="flex flex-col gap-6">
        {params.has("saved") && !actionData ? <Alert tone="success">Профиль сохранён.</Alert> : null}
        {params.has("photo") && !actionData ? <Alert tone="success">Фотография обновлена.</Alert> : null}
        {errorCount ? <Alert tone="error">{errors.form ?? "Проверьте поля, отмеченные ниже."}</Alert> : null}
        <PhotoForm photoUrl={d.profile.photoUrl} />
        <Form method="post" className="flex flex-col gap-6" noValidate>
          <Card aria-labelledby="card-heading">
            <h2 id="card-heading" className="mb-4 text-lg font-semibold">Профессиональная карточка</h2>
            <div className="flex flex-col gap-5">
              <TextField name="name" label="Имя и фамилия" defaultValue={str("name")} error={errors.name} autoComplete="name" required />
              <SelectField name="position" label="Должность" value={str("position")} empty="Не указана" options={POSITIONS.map((p) => ({ value: p, label: p }))} error={errors.position} />
              <SelectField
                name="organisationId"
                label="Организация"
                value={str("organisationId")}
                empty="Не указана"
                groups={d.organisations.map((g) => ({ label: g.region, options: g.options.map((o) => ({ value: o.id, label: o.name })) }))}
                error={errors.organisationId}
                hint={<>Из справочника организаций. Чтобы администратор школы подтвердил, что вы там работаете, подайте заявку на <Link to="/organisations">странице школы</Link>.</>}
              />
              <CheckboxGroup name="subjects" legend="Предметы" options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} selected={list("subjects")} error={errors.subjects} />
              <CheckboxGroup name="grades" legend="Классы" options={GRADES.map((g) => ({ value: String(g), label: String(g) }))} selected={list("grades")} error={errors.grades} columns={6} />
              <TextField name="experienceYears" label="Педагогический стаж, лет" inputMode="numeric" defaultValue={str("experienceYears")} error={errors.experienceYears} className="max-w-48" />
              <CheckboxGroup name="canHelp" legend="Могу помочь с" hint="Темы, в которых у вас есть опыт и вы готовы делиться им." options={topics} selected={list("canHelp")} error={errors.canHelp} />
              <CheckboxGroup name="needsHelp" legend="Нужна помощь с" hint="Профессиональные дефициты: по ним подбираются наставники, семинары и практики." options={topics} selected={list("needsHelp")} error={errors.needsHelp} />
              <SelectField name="timeZone" label="Часовой пояс" value={str("timeZone")} empty={`По региону организации (${d.defaultZoneLabel})`} options={d.zones} error={errors.timeZone} hint="В нём показываются время вебинаров, сообщений и сроков." />
              <TextAreaField name="bio" label="О себе" value={str("bio")} maxLength={BIO_MAX} error={errors.bio} hint={`Коротко о своём опыте, до ${BIO_MAX} символов. Оформление не поддерживается: текст показывается как есть.`} />
            </div>
          </Card>
          <Card aria-labelledby="public-heading">
            <h2 id="public-heading" className="mb-2 text-lg font-semibold">{PUBLIC_PROFILE_CONSENT.title}</h2>
            <p className="mb-4 text-sm">{PUBLIC_PROFILE_CONSENT.text}</p>
            <CheckboxGroup
              name="publicFields"
              legend="Показывать всем"
              hint="Без отметок профиль видите только вы. Чтобы попасть в каталог педагогов, откройте хотя бы имя."
              options={PUBLIC_FIELDS.map((f) => ({ value: f, label: PUBLIC_FIELD_LABELS[f] }))}
              selected={list("publicFields")}
              error={errors.publicFields}
            />
          </Card>
          <div>
            <Button type="submit">Сохранить профиль</Button>
          </div>
        </Form>
        <p className="text-sm">
          <Link to="/account/data">Мои данные: выгрузка и удаление учётной записи</Link>
        </p>
      </div>
    </Container>
  );
}
