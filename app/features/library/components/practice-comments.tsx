import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { PersonLine } from "~/features/discussions/components/person-line";
import { ReplyForm } from "~/features/discussions/components/reply-form";
import { useThreadLive } from "~/features/discussions/components/use-thread-live";
import { RichTextEditor, RichTextView } from "~/features/discussions/rich-text/editor";
import { DISCUSSION_TEXT } from "~/features/discussions/strings";
import { countRu } from "~/utils/plural";
import type { PracticePageView } from "../page.server";
import { COMMENTS } from "../strings";

type Comments = NonNullable<PracticePageView["comments"]>;

function LiveComments({ comments }: { comments: Comments }) {
  useThreadLive(comments.threadId, comments.head);
  return null;
}

/**
 * Comments under a practice: the posts of its comment thread, live (new posts reload the page's
 * data), and the comment form. The first comment starts the thread; the rest reply in it (over the
 * socket when it is up, as a form post otherwise). Reactions, quotes and reports are on the thread page.
 */
export function PracticeComments({ practiceId, comments, canComment, signedIn, newClientId, error }: { practiceId: string; comments: Comments | null; canComment: boolean; signedIn: boolean; newClientId: string; error?: string }) {
  const posts = comments?.posts ?? [];
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4" id="comments">
      <h2 id="comments-heading" className="text-xl font-semibold">
        Комментарии {posts.length ? <span className="text-base font-normal text-muted">({countRu(posts.length, COMMENTS)})</span> : null}
      </h2>
      {comments ? <LiveComments comments={comments} /> : null}
      {posts.length ? (
        <ol className="flex flex-col gap-3" aria-label="Комментарии к практике">
          {posts.map((p) => (
            <li key={p.id} id={`comment-${p.id}`}>
              <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`comment-${p.id}-by`}>
                <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                  <PersonLine person={p.author} id={`comment-${p.id}-by`} />
                  <time dateTime={p.createdIso} className="text-sm text-muted">
                    {p.createdAt}
                  </time>
                </header>
                {p.html ? <RichTextView html={p.html} /> : <p className="italic text-muted">{DISCUSSION_TEXT.hiddenPlaceholder}</p>}
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-muted">Комментариев пока нет.</p>
      )}
      {comments ? (
        <p className="text-sm">
          {comments.morePages ? "Здесь показаны первые комментарии. " : null}
          <Link to={`/threads/${comments.threadId}`}>Открыть обсуждение полностью</Link>: {comments.morePages ? "все комментарии, " : ""}цитаты, реакции, жалобы модераторам.
        </p>
      ) : null}
      {canComment ? (
        comments ? (
          <ReplyForm threadId={comments.threadId} initialClientId={comments.clientId} quote={null} formError={error} />
        ) : (
          <Form method="post" className="flex flex-col gap-3" aria-labelledby="comment-form-heading">
            <h3 id="comment-form-heading" className="text-lg font-semibold">
              Ваш комментарий
            </h3>
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="clientId" value={newClientId} />
            <RichTextEditor name="body" label="Текст комментария" placeholder="Поделитесь опытом или задайте вопрос авторам" />
            {error ? (
              <p role="alert" className="text-sm text-red-800">
                {error}
              </p>
            ) : null}
            <div>
              <Button type="submit">Отправить</Button>
            </div>
          </Form>
        )
      ) : !signedIn ? (
        <p>
          <Link to={`/login?returnTo=${encodeURIComponent(`/library/${practiceId}`)}`}>Войдите</Link>, чтобы оставить комментарий.
        </p>
      ) : null}
    </section>
  );
}
