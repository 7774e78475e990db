import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/communities.$slug";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { loadCommunityPage } from "~/features/communities/page.server";
import { communityPageAction } from "~/features/communities/actions.server";
import { COMMUNITY_DONE, type DoneKey } from "~/features/communities/strings";
import { SLUG_PATTERN } from "~/features/communities/slug";
import { CommunityHeader } from "~/features/communities/components/community-header";
import { MembershipPanel } from "~/features/communities/components/membership-panel";
import { ThreadList } from "~/features/communities/components/thread-list";
import { CommunityLive } from "~/features/communities/components/community-live";
import { ThreadsLive } from "~/features/discussions/components/threads-live";
import { NewThreadForm } from "~/features/discussions/components/new-thread-form";
import { newClientId } from "~/features/discussions/client-id";
import { Alert, Card, Container } from "~/components/ui/layout";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.community.name ?? "Сообщество"} — Мост` }];

const Params = z.object({ slug: z.string().max(80).regex(SLUG_PATTERN) });
const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).catch(1), done: z.string().optional().catch(undefined) });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Сообщество не найдено", { status: 404 });
  const { db, clock } = services(context);
  const query = PageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = clock.now();
  const page = await loadCommunityPage(db, viewerOf(context), { slug: parsed.data.slug, page: query.page, zone: await viewerZoneOf(request, context, now), now });
  const done = query.done && query.done in COMMUNITY_DONE ? COMMUNITY_DONE[query.done as DoneKey] : null;
  return { ...page, done, clientId: newClientId() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data("Сообщество не найдено", { status: 404 });
  return communityPageAction(services(context), viewer, request, parsed.data.slug);
}

export default function CommunityPage({ loaderData: p, actionData }: Route.ComponentProps) {
  const threadErrors = actionData?.values.intent === "thread" ? { title: actionData.errors.title, form: actionData.errors.thread ?? actionData.errors.form ?? actionData.errors.clientId } : undefined;
  const otherError = actionData && actionData.values.intent !== "thread" ? (actionData.errors.form ?? Object.values(actionData.errors)[0]) : undefined;
  return (
    <Container className="max-w-5xl">
      <CommunityHeader c={p.community} current="threads" pendingRequests={p.pendingRequests} />
      {p.live ? <CommunityLive stream={p.live.stream} head={p.live.head} /> : null}
      {p.threads && p.me.signedIn ? <ThreadsLive threads={p.threads.items} /> : null}
      <div className="flex flex-col gap-6">
        {p.done ? <Alert tone="success">{p.done}</Alert> : null}
        {otherError ? <Alert tone="error">{otherError}</Alert> : null}
        <MembershipPanel community={p.community} me={p.me} can={p.can} />
        {p.threads ? (
          <section aria-labelledby="threads-heading" className="flex flex-col gap-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="threads-heading" className="text-xl font-semibold">Обсуждения</h2>
              {p.can.moderate ? <Link to="/moderation">Очередь модерации</Link> : null}
            </div>
            <ThreadList threads={p.threads} />
            {p.can.post ? (
              <Card aria-labelledby="new-thread-heading">
                <h2 id="new-thread-heading" className="mb-3 text-lg font-semibold">Новое обсуждение</h2>
                <NewThreadForm
                  action={`/communities/${p.community.slug}`}
                  hidden={{ intent: "thread" }}
                  clientId={actionData?.values.intent === "thread" && actionData.values.clientId ? actionData.values.clientId : p.clientId}
                  errors={threadErrors}
                  values={{ title: actionData?.values.intent === "thread" ? actionData.values.title : undefined }}
                />
              </Card>
            ) : p.me.signedIn ? (
              <p className="text-sm text-muted">Начать тему или ответить могут участники сообщества.</p>
            ) : (
              <p className="text-sm">
                <Link to={`/login?returnTo=${encodeURIComponent(`/communities/${p.community.slug}`)}`}>Войдите</Link>, чтобы вступить в сообщество и участвовать в обсуждениях.
              </p>
            )}
          </section>
        ) : (
          <Card aria-labelledby="closed-heading">
            <h2 id="closed-heading" className="mb-2 text-lg font-semibold">Обсуждения видны только участникам</h2>
            <p>Это закрытое сообщество. Подайте заявку — модераторы рассмотрят её и сообщат решение в уведомлениях.</p>
          </Card>
        )}
      </div>
    </Container>
  );
}
