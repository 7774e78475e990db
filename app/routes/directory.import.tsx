import { data, redirect } from "react-router";
import type { Route } from "./+types/directory.import";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { fieldErrors } from "~/features/accounts/schemas";
import { requireSomeImportableRegion } from "~/features/directory/import/policy.server";
import { defaultSchoolYear, listImportableRegions, listRecentImports } from "~/features/directory/import/queries.server";
import { uploadImport } from "~/features/directory/import/commands.server";
import { ImportUploadForm, SCHOOL_YEARS } from "~/features/directory/import/schemas";
import { IMPORT_UI } from "~/features/directory/import/messages";
import { ColumnsHelp, UploadForm } from "~/features/directory/import/components/upload-form";
import { RecentImports } from "~/features/directory/import/components/recent-imports";
import { Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: `${IMPORT_UI.title} — Мост` }];

type FormState = { errors: Record<string, string>; values: { regionId?: string; schoolYear?: string; clearAbsent?: boolean } };

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const regions = await listImportableRegions(db, viewer);
  requireSomeImportableRegion(viewer, regions);
  const zone = await viewerZoneOf(request, context, clock.now());
  const recent = await listRecentImports(db, regions.map((r) => r.id), zone);
  return { regions, years: SCHOOL_YEARS, defaultYear: defaultSchoolYear(clock.now(), zone), recent };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const raw = await request.formData().catch(() => null);
  if (!raw) return data<FormState>({ errors: { form: IMPORT_UI.formUnreadable }, values: {} }, { status: 400 });
  const values = { regionId: String(raw.get("regionId") ?? ""), schoolYear: String(raw.get("schoolYear") ?? ""), clearAbsent: raw.has("clearAbsent") };
  const form = ImportUploadForm.safeParse(Object.fromEntries(raw));
  if (!form.success) return data<FormState>({ errors: fieldErrors(form.error), values }, { status: 400 });
  const result = await uploadImport(services(context), viewer, form.data);
  if (!result.ok) return data<FormState>({ errors: { [result.field]: result.error }, values }, { status: 400 });
  return redirect(`/directory/import/${result.id}`);
}

export default function DirectoryImport({ loaderData, actionData }: Route.ComponentProps) {
  const { regions, years, defaultYear, recent } = loaderData;
  return (
    <Container className="max-w-4xl">
      <PageHeader title={IMPORT_UI.title} lead={IMPORT_UI.lead} />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="mb-3 text-lg font-semibold">
            {IMPORT_UI.uploadHeading}
          </h2>
          <UploadForm regions={regions} years={years} defaultYear={defaultYear} errors={actionData?.errors ?? {}} values={actionData?.values ?? {}} />
        </Card>
        <Card aria-labelledby="columns-help-heading">
          <h2 id="columns-help-heading" className="mb-3 text-lg font-semibold">
            {IMPORT_UI.columnsHeading}
          </h2>
          <ColumnsHelp />
        </Card>
        <Card aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
            {IMPORT_UI.recentHeading}
          </h2>
          <RecentImports items={recent} showRegion={regions.length > 1} />
        </Card>
      </div>
    </Container>
  );
}
