import { useState } from "react";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/threads.$id";
import { services } from "~/services.server";
import { viewerOf } from "~/features/accounts/viewer.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { siteOrigin } from "~/features/accounts/request.server";
import { loadThreadView, type ThreadView } from "~/features/discussions/thread-view.server";
import { runThreadAction } from "~/features/discussions/thread-actions.server";
import { requireThreadReader } from "~/features/discussions/policy.server";
import { DISCUSSION_TEXT as T } from "~/features/discussions/strings";
import { PostItem } from "~/features/discussions/components/post-item";
import { PersonLine } from "~/features/discussions/components/person-line";
import { ReplyForm } from "~/features/discussions/components/reply-form";
import { useThreadLive } from "~/features/discussions/components/use-thread-live";
import { ThreadPresence } from "~/features/discussions/components/thread-presence";
import { usePresence } from "~/features/realtime/use-presence";
import { Alert, Container } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.thread.title ?? "Обсуждение"} — Мост` }];

const Params = z.object({ id: z.uuid() });
const DONE: Record<string, string> = { reported: "Жалоба отправлена модераторам.", hidden: "Сообщение скрыто.", restored: "Сообщение возвращено." };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(T.threadNotFound, { status: 404 });
  const { db, clock } = services(context);
  const url = new URL(request.url);
  const now = clock.now();
  const view = await loadThreadView(db, viewerOf(context), parsed.data.id, await viewerZoneOf(request, context, now), url.searchParams, now);
  if (!view) throw data(T.threadNotFound, { status: 404 });
  return { ...view, search: pagingSearch(url.searchParams), done: DONE[url.searchParams.get("done") ?? ""] ?? null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireUser(request, context);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw data(T.threadNotFound, { status: 404 });
  const s = services(context);
  await requireThreadReader(s.db, actor, parsed.data.id);
  return runThreadAction(s, actor, parsed.data.id, request, siteOrigin(request, context));
}

const REPLIES = ["ответ", "ответа", "ответов"] as const;

/** The page links keep nothing of a one-off address (a post to scroll to, a quote, a notice). */
function pagingSearch(search: URLSearchParams): string {
  const kept = new URLSearchParams(search);
  for (const name of ["post", "quote", "edit", "done", "page"]) kept.delete(name);
  return kept.toString();
}

function ThreadPage({ view, formError }: { view: ThreadView & { done: string | null; search: string }; formError?: string }) {
  const onLastPage = view.paging.page === view.paging.pages;
  // Live reloads stay on the page being read: the address is pinned to it on the first one.
  useThreadLive(view.thread.id, view.head, `/threads/${view.thread.id}?page=${view.paging.page}`);
  const live = usePresence(`thread:${view.thread.id}`);
  // Where the reader left off when the page opened; live reloads move the position, not the marker.
  const [unreadFrom] = useState(view.unreadFrom);
  const { thread, access, place } = view;
  const replies = view.paging.replies;
  return (
    <Container className="max-w-3xl">
      <nav aria-label="Навигационная цепочка" className="mb-2 text-sm">
        {place ? <Link to={place.href}>{place.title}</Link> : <span>Обсуждения</span>} <span aria-hidden="true">›</span> <span className="text-muted">обсуждение</span>
      </nav>
      <header className="mb-4 flex flex-col gap-2">
        <h1 className="text-2xl font-bold leading-tight">{thread.title}</h1>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
          <PersonLine person={view.author} />
          <span>{thread.createdAt}</span>
          <span>{countRu(replies, REPLIES)}</span>
          {thread.pinned ? <span className="font-medium text-brand-800">закреплено</span> : null}
          {thread.locked ? <span className="font-medium text-amber-800">закрыто для ответов</span> : null}
        </div>
        <ThreadPresence presence={live.presence} typing={live.typing} />
        {access.moderate ? (
          <div className="flex flex-wrap gap-2" aria-label="Модерация обсуждения">
            <Form method="post">
              <input type="hidden" name="intent" value="pin" />
              <input type="hidden" name="value" value={thread.pinned ? "off" : "on"} />
              <button type="submit" className="min-h-11 rounded-md border border-slate-300 px-3 text-sm">
                {thread.pinned ? "Открепить" : "Закрепить"}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="lock" />
              <input type="hidden" name="value" value={thread.locked ? "off" : "on"} />
              <button type="submit" className="min-h-11 rounded-md border border-slate-300 px-3 text-sm">
                {thread.locked ? "Открыть для ответов" : "Закрыть для ответов"}
              </button>
            </Form>
          </div>
        ) : null}
      </header>
      <div className="flex flex-col gap-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {view.done ? <Alert tone="success">{view.done}</Alert> : null}
        <ol className="flex flex-col gap-3" aria-label="Сообщения">
          {view.posts.map((post) => (
            <li key={post.id}>
              {post.seq === unreadFrom ? (
                <p id="new-replies" className="mb-2 flex items-center gap-2 text-sm font-semibold text-brand-800">
                  <span aria-hidden="true" className="h-px flex-1 bg-brand-600" />
                  Новые ответы
                  <span aria-hidden="true" className="h-px flex-1 bg-brand-600" />
                </p>
              ) : null}
              <PostItem post={post} view={view} />
            </li>
          ))}
        </ol>
        <Pagination page={view.paging.page} pages={view.paging.pages} search={view.search} label="Страницы обсуждения" />
        {access.post && (!thread.locked || access.moderate) ? (
          <ReplyForm threadId={thread.id} onLastPage={onLastPage} page={view.paging.page} initialClientId={view.clientId} quote={view.quote} onTyping={live.typed} onSent={live.stopped} />
        ) : thread.locked ? (
          <Alert>{T.locked}</Alert>
        ) : !view.signedIn ? (
          <p>
            <Link to={`/login?returnTo=${encodeURIComponent(`/threads/${thread.id}`)}`}>Войдите</Link>, чтобы ответить.
          </p>
        ) : (
          <Alert>{T.noPostAccess}</Alert>
        )}
      </div>
    </Container>
  );
}

export default function Thread({ loaderData, actionData }: Route.ComponentProps) {
  return <ThreadPage key={loaderData.thread.id} view={loaderData} formError={actionData?.errors.form ?? actionData?.errors.body} />;
}
