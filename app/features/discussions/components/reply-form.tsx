import { useState, type FormEvent } from "react";
import { Form, Link, useActionData, useNavigate, useNavigation } from "react-router";
import { Button } from "~/components/ui/button";
import { newClientId } from "../client-id";
import { postPath } from "../paths";
import { RichTextEditor } from "../rich-text/editor";
import { bodyFromForm } from "../schemas";
import { DISCUSSION_TEXT as T } from "../strings";
import { PendingReplies } from "./pending-replies";
import { docText, useOutbox } from "./use-outbox";

/**
 * The reply form. Without JavaScript it posts to the page's action (plain text). With JavaScript
 * it hands the reply to the page's outbox, which sends `post:create` over the socket (the same
 * command) and shows each reply as waiting, sending or failed with a retry; replies written while
 * the connection is down wait in the page (and sessionStorage) and go out, once, when it returns.
 * Until the socket client has loaded the form posts as usual.
 */
export function ReplyForm({ threadId, initialClientId, quote, formError, onTyping, onSent, onLastPage = true, page }: { threadId: string; initialClientId: string; quote: { id: string; authorName: string } | null; formError?: string; onTyping?: () => void; onSent?: () => void; onLastPage?: boolean; page?: number }) {
  const [clientId, setClientId] = useState(initialClientId);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigation = useNavigation();
  const navigate = useNavigate();
  const actionData = useActionData<{ errors?: Record<string, string> }>();
  const [formKey, setFormKey] = useState(0);
  const [postedByForm, setPostedByForm] = useState(false);
  const [lastNavigation, setLastNavigation] = useState(navigation.state);
  const outbox = useOutbox(threadId, (reply, postId) => {
    setNotice("Ответ отправлен.");
    // The quote is done: drop it from the address (and from the page's data). A reply sent from an
    // earlier page of a long thread lands on the last one: go there to see it.
    if (!onLastPage) void navigate(postPath(threadId, postId));
    else if (reply.quoteOf) void navigate(postPath(threadId, postId), { replace: true, preventScrollReset: true });
  });

  // A form post (the fallback) that came back without errors stored the reply: start a fresh one.
  if (navigation.state !== lastNavigation) {
    setLastNavigation(navigation.state);
    if (navigation.state === "idle" && postedByForm) {
      setPostedByForm(false);
      if (!actionData?.errors) fresh();
    }
  }

  function fresh() {
    setClientId(newClientId());
    setFormKey((k) => k + 1);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!outbox.ready()) return void setPostedByForm(true); // the form posts as usual
    event.preventDefault();
    const body = bodyFromForm(Object.fromEntries(new FormData(event.currentTarget)));
    const text = docText(body).trim();
    setNotice(null);
    if (!text) return void setError(T.bodyRequired);
    setError(null);
    outbox.enqueue({ clientId, threadId, body, text, ...(quote ? { quoteOf: quote.id } : {}) });
    onSent?.();
    fresh();
  }

  const shownError = error ?? formError;
  return (
    <Form method="post" id="reply" className="flex flex-col gap-3" aria-labelledby="reply-heading" onSubmit={onSubmit} onInput={onTyping}>
      <h2 id="reply-heading" className="text-lg font-semibold">
        Ваш ответ
      </h2>
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="clientId" value={clientId} />
      {quote ? (
        <p className="text-sm">
          <input type="hidden" name="quoteOf" value={quote.id} />
          Цитата из сообщения: {quote.authorName}.{" "}
          <Link to={`/threads/${threadId}${page ? `?page=${page}` : ""}#reply`} replace>
            Убрать цитату
          </Link>
        </p>
      ) : null}
      <RichTextEditor key={formKey} name="body" label="Текст ответа" placeholder="Напишите ответ; @ — упомянуть коллегу" mentionSource={`/threads/${threadId}/people`} />
      <PendingReplies queue={outbox.queue} onRetry={outbox.retry} onDiscard={outbox.discard} />
      <p role="status" className="text-sm text-green-800">
        {notice}
      </p>
      {shownError ? (
        <p role="alert" className="text-sm text-red-700">
          {shownError}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Ответить
        </Button>
      </div>
    </Form>
  );
}
