import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { RichTextEditor, RichTextView } from "../rich-text/editor";
import { DISCUSSION_TEXT as T, REACTION_KINDS, REACTION_LABELS } from "../strings";
import type { ThreadPostView, ThreadView } from "../thread-view.server";
import { postPath } from "../paths";
import { PersonLine } from "./person-line";

const small = "min-h-11 rounded-md px-2 text-sm font-medium text-brand-700 underline hover:bg-brand-50";

/** A short reason form behind a disclosure (report, hide, restore): works without JavaScript. */
function ReasonForm({ intent, postId, summary, label, submit }: { intent: string; postId: string; summary: string; label: string; submit: string }) {
  const id = `${intent}-${postId}`;
  return (
    <details className="text-sm">
      <summary className={`${small} inline-flex cursor-pointer items-center`}>{summary}</summary>
      <Form method="post" className="mt-2 flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="postId" value={postId} />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <textarea id={id} name="reason" required minLength={3} maxLength={500} rows={2} className="rounded-md border border-slate-400 p-2" />
        <div>
          <Button type="submit" variant="secondary">
            {submit}
          </Button>
        </div>
      </Form>
    </details>
  );
}

/** One post of a thread: author, time, text (or its placeholder), quote, reactions and the viewer's tools. */
export function PostItem({ post, view }: { post: ThreadPostView; view: ThreadView }) {
  const { access, thread } = view;
  const visible = post.state === "visible";
  const editing = view.editing === post.id && post.editableBody;
  return (
    <article id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`} className={`scroll-mt-4 rounded-lg border p-4 ${post.isSolution ? "border-green-600 bg-green-50" : "border-slate-200 bg-white"}`} data-post-state={post.state}>
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <PersonLine person={post.author} id={`post-${post.id}-by`} />
        <p className="text-sm text-muted">
          <a href={`#post-${post.id}`} className="text-muted">
            <time dateTime={post.createdIso}>{post.createdAt}</time>
          </a>
          {post.editedAt ? <span title={`Изменено ${post.editedAt}`}> · изменено</span> : null}
        </p>
      </header>
      {post.isSolution ? <p className="mb-2 text-sm font-semibold text-green-800">✓ Решение</p> : null}
      {post.quote ? (
        <blockquote className="mb-2 border-l-4 border-slate-300 pl-3 text-sm text-muted">
          <a href={post.quote.onPage ? `#post-${post.quote.postId}` : postPath(thread.id, post.quote.postId)}>{post.quote.authorName}</a> писал(а): {post.quote.excerpt ?? "сообщение недоступно"}
        </blockquote>
      ) : null}
      {post.state === "deleted" ? <p className="italic text-muted">{T.deletedPlaceholder}</p> : null}
      {post.state === "hidden" ? (
        <p className="italic text-muted">
          {T.hiddenPlaceholder}
          {post.hiddenReason ? `: ${post.hiddenReason}` : ""}
        </p>
      ) : null}
      {editing ? (
        <Form method="post" className="flex flex-col gap-2">
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="postId" value={post.id} />
          <RichTextEditor name="body" label="Текст сообщения" placeholder="Текст сообщения" initialDoc={post.editableBody ?? undefined} />
          <div className="flex gap-2">
            <Button type="submit">Сохранить</Button>
            <Link to={postPath(thread.id, post.id)} className={small}>
              Отмена
            </Link>
          </div>
        </Form>
      ) : post.html !== null ? (
        <div className={post.state === "hidden" ? "opacity-60" : undefined}>
          <RichTextView html={post.html} />
        </div>
      ) : null}
      {visible ? (
        <div className="mt-3 flex flex-wrap items-center gap-1" aria-label="Реакции">
          {access.post ? (
            REACTION_KINDS.map((kind) => {
              const r = post.reactions.find((x) => x.kind === kind);
              return (
                <Form method="post" key={kind}>
                  <input type="hidden" name="intent" value="react" />
                  <input type="hidden" name="postId" value={post.id} />
                  <input type="hidden" name="kind" value={kind} />
                  <button
                    type="submit"
                    aria-pressed={r?.mine ?? false}
                    aria-label={`${REACTION_LABELS[kind].name}${r ? `: ${r.count}` : ""}`}
                    className={`min-h-11 min-w-11 rounded-full border px-2 text-sm ${r?.mine ? "border-brand-700 bg-brand-50" : "border-slate-300"} ${r ? "" : "opacity-70"}`}
                  >
                    {REACTION_LABELS[kind].emoji}
                    {r ? ` ${r.count}` : ""}
                  </button>
                </Form>
              );
            })
          ) : (
            post.reactions.map((r) => (
              <span key={r.kind} className="rounded-full border border-slate-300 px-2 py-1 text-sm" aria-label={`${REACTION_LABELS[r.kind].name}: ${r.count}`}>
                {REACTION_LABELS[r.kind].emoji} {r.count}
              </span>
            ))
          )}
        </div>
      ) : null}
      {visible || (post.state === "hidden" && access.moderate) ? (
        <div className="mt-2 flex flex-wrap items-start gap-1">
          {visible && access.post && !thread.locked ? (
            <Link to={`/threads/${thread.id}?page=${view.paging.page}&quote=${post.id}#reply`} className={small}>
              Цитировать
            </Link>
          ) : null}
          {post.mine && visible && !editing ? (
            <Link to={`/threads/${thread.id}?edit=${post.id}#post-${post.id}`} className={small}>
              Изменить
            </Link>
          ) : null}
          {post.mine && visible ? (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="postId" value={post.id} />
              <button type="submit" className={small}>
                Удалить
              </button>
            </Form>
          ) : null}
          {view.canSolve && visible && post.seq > 1 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="solution" />
              <input type="hidden" name="postId" value={post.isSolution ? "" : post.id} />
              <button type="submit" className={small}>
                {post.isSolution ? "Снять отметку решения" : "Отметить как решение"}
              </button>
            </Form>
          ) : null}
          {view.signedIn && visible && !post.mine ? <ReasonForm intent="report" postId={post.id} summary="Пожаловаться" label="Что не так с сообщением?" submit="Отправить жалобу" /> : null}
          {access.moderate && visible ? <ReasonForm intent="hide" postId={post.id} summary="Скрыть" label="Причина скрытия (её увидит автор)" submit="Скрыть сообщение" /> : null}
          {access.moderate && post.state === "hidden" ? <ReasonForm intent="restore" postId={post.id} summary="Вернуть" label="Почему сообщение возвращается" submit="Вернуть сообщение" /> : null}
        </div>
      ) : null}
    </article>
  );
}
