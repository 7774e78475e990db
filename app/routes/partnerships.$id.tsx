import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/partnerships.$id";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadPartnershipPage } from "~/features/partnerships/page.server";
import { partnershipPageAction } from "~/features/partnerships/actions.server";
import { PARTNERSHIP_DONE, type PartnershipDoneKey } from "~/features/partnerships/strings";
import { AgreementCard, HistoryCard, LifecycleActions } from "~/features/partnerships/components/overview";
import { MembersCard, PairsCard } from "~/features/partnerships/components/people";
import { VisitsCard } from "~/features/partnerships/components/visits";
import { WorkspaceCard } from "~/features/partnerships/components/workspace";
import { StatusBadge } from "~/features/partnerships/components/status-badge";
import { Alert, Container, PageHeader } from "~/components/ui/layout";
import { localDateKey } from "~/utils/datetime";
import { PlansBlock } from "~/features/plans/components/plans-block";
import { loadPlansBlock } from "~/features/plans/owner-block.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData ? `${loaderData.leader.name} — ${loaderData.partner.name}` : "Партнёрство"} — Мост` }];

const Params = z.object({ id: z.string().uuid() });
const Query = z.object({ page: z.coerce.number().int().min(1).max(1000).catch(1), done: z.string().optional().catch(undefined), file: z.string().optional().catch(undefined) });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Партнёрство не найдено", { status: 404 });
  const { db, clock } = services(context);
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = clock.now();
  const zone = await viewerZoneOf(request, context, now);
  const page = await loadPartnershipPage(db, viewerOf(context), { id: parsed.data.id, zone, page: query.page });
  const done = query.done && query.done in PARTNERSHIP_DONE ? PARTNERSHIP_DONE[query.done as PartnershipDoneKey] : null;
  const plans = await loadPlansBlock(db, viewerOf(context), "partnership", parsed.data.id);
  return { ...page, plans, done, today: localDateKey(now, zone.timeZone), clientId: globalThis.crypto.randomUUID(), visitClientId: globalThis.crypto.randomUUID() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Партнёрство не найдено", { status: 404 });
  return partnershipPageAction(services(context), viewer, request, parsed.data.id);
}

export default function PartnershipPage({ loaderData: p, actionData }: Route.ComponentProps) {
  const errors = actionData?.errors ?? {};
  const intent = actionData?.values.intent;
  const threadError = intent === "thread" ? (errors.thread ?? errors.title ?? errors.form) : undefined;
  return (
    <Container className="max-w-5xl">
      <PageHeader title={`${p.leader.name} — ${p.partner.name}`} lead={<>Партнёрство школ · <StatusBadge status={p.status} label={p.statusLabel} /></>} />
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {errors.form && intent !== "thread" ? <Alert tone="error">{errors.form}</Alert> : null}
        {actionData && !errors.form && intent !== "thread" ? <Alert tone="error">{Object.values(errors)[0]}</Alert> : null}
        <LifecycleActions p={p} errors={errors} />
        <AgreementCard p={p} errors={intent === "agreement" ? errors : {}} />
        {p.insider ? (
          <>
            <PlansBlock data={p.plans} />
            <MembersCard p={p} />
            <PairsCard p={p} errors={intent === "pair" || intent === "meeting" ? errors : {}} today={p.today} />
            <VisitsCard p={p} errors={intent === "visit" ? errors : {}} today={p.today} clientId={p.visitClientId} />
            <WorkspaceCard p={p} clientId={p.clientId} threadError={threadError} />
          </>
        ) : null}
        <HistoryCard p={p} />
        <p className="text-sm text-muted">Время указано в поясе: {p.zoneLabel}.</p>
      </div>
    </Container>
  );
}
