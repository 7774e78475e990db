import { Form, redirect } from "react-router";
import type { Route } from "./+types/communities.new";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { failureResponse, parseForm } from "~/features/accounts/actions.server";
import { requireCommunityCreator } from "~/features/communities/policy.server";
import { createCommunity } from "~/features/communities/commands.server";
import { creationOptions } from "~/features/communities/page.server";
import { CreateCommunityForm } from "~/features/communities/schemas";
import { KIND_LABELS } from "~/features/communities/strings";
import { RadioGroup, SelectBox, TextAreaBox } from "~/features/communities/components/fields";
import { SUBJECTS, TOPICS } from "~/features/vocabulary";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Новое сообщество — Мост" }];

const KEEP = ["name", "description", "kind", "subjectCode", "topicCode", "scope", "regionId", "municipalityId", "visibility"];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  requireCommunityCreator(viewer);
  return creationOptions(services(context).db, viewer);
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  requireCommunityCreator(viewer);
  const form = await parseForm(request, CreateCommunityForm, KEEP);
  if (!form.ok) return form.response;
  const result = await createCommunity(services(context), viewer, form.data);
  if (!result.ok) return failureResponse({ ok: false, error: result.error, field: result.field, status: 400 }, form.values);
  return redirect(`/communities/${result.slug}?done=created`);
}

export default function NewCommunity({ loaderData: o, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const scopes = [
    ...(o.municipalityGroups.length ? [{ value: "municipal", label: "Муниципальное (РМО)", hint: "Методическое объединение педагогов одного района или городского округа." }] : []),
    ...(o.regions.length ? [{ value: "regional", label: "Региональное", hint: "Для педагогов всего региона." }] : []),
    ...(o.interregional ? [{ value: "interregional", label: "Межрегиональное", hint: "Для педагогов нескольких регионов программы." }] : []),
  ];
  return (
    <Container className="max-w-3xl">
      <PageHeader title="Новое сообщество" lead="Создатель становится руководителем сообщества: он назначает модераторов, а в закрытом сообществе модераторы принимают заявки на вступление." />
      {errors.form ? <div className="mb-4"><Alert tone="error">{errors.form}</Alert></div> : null}
      <Card>
        <Form method="post" className="flex flex-col gap-5" noValidate>
          <TextField name="name" label="Название" defaultValue={values.name} error={errors.name} hint="Например: «Учителя математики Забайкальского края»." maxLength={120} required />
          <TextAreaBox name="description" label="Описание" defaultValue={values.description} error={errors.description} hint="Для кого сообщество и чем в нём занимаются. Описание видно всем, даже когда сообщество закрытое." maxLength={2000} required />
          <RadioGroup
            name="kind"
            legend="Вид сообщества"
            defaultValue={values.kind || "subject"}
            error={errors.kind}
            options={[
              { value: "subject", label: KIND_LABELS.subject, hint: "Учителя одного предмета или ступени (выберите предмет ниже)." },
              { value: "thematic", label: KIND_LABELS.thematic, hint: "Педагоги, работающие над одной темой (выберите тему ниже)." },
              { value: "role", label: KIND_LABELS.role, hint: "Люди одной должности: клуб директоров, заместителей, методистов." },
            ]}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectBox name="subjectCode" label="Предмет (для предметного)" empty="—" defaultValue={values.subjectCode} error={errors.subjectCode} options={SUBJECTS.map((s) => ({ value: s.code, label: s.label }))} />
            <SelectBox name="topicCode" label="Тема (для тематического)" empty="—" defaultValue={values.topicCode} error={errors.topicCode} options={TOPICS.map((t) => ({ value: t.code, label: t.label }))} />
          </div>
          <RadioGroup name="scope" legend="Масштаб" defaultValue={values.scope || scopes[0]?.value} error={errors.scope} options={scopes} />
          <div className="grid gap-4 sm:grid-cols-2">
            {o.regions.length ? <SelectBox name="regionId" label="Регион (для регионального)" empty="—" defaultValue={values.regionId} error={errors.regionId} options={o.regions} /> : null}
            {o.municipalityGroups.length ? <SelectBox name="municipalityId" label="Муниципалитет (для РМО)" empty="—" defaultValue={values.municipalityId} error={errors.municipalityId} groups={o.municipalityGroups} /> : null}
          </div>
          <RadioGroup
            name="visibility"
            legend="Доступ"
            defaultValue={values.visibility || "open"}
            error={errors.visibility}
            options={[
              { value: "open", label: "Открытое", hint: "Темы читают все; вступить может любой зарегистрированный педагог." },
              { value: "closed", label: "Закрытое", hint: "Темы видят только участники; вступление — по заявке, которую рассматривают модераторы." },
            ]}
          />
          <div>
            <Button type="submit">Создать сообщество</Button>
          </div>
        </Form>
      </Card>
    </Container>
  );
}
