import type { PendingReply } from "./use-outbox";

const STATE: Record<PendingReply["state"], string> = {
  waiting: "ждёт соединения",
  sending: "отправляется…",
  failed: "не отправлено",
};

/** Replies written on this page that the server has not stored yet, each with its state. */
export function PendingReplies({ queue, onRetry, onDiscard }: { queue: PendingReply[]; onRetry: (clientId: string) => void; onDiscard: (clientId: string) => void }) {
  if (queue.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <h3 id="pending-heading" className="text-sm font-semibold">
        Неотправленные ответы
      </h3>
      <ul className="mt-2 flex flex-col gap-2" aria-label="Неотправленные ответы">
        {queue.map((reply) => (
          <li key={reply.clientId} data-state={reply.state} className="flex flex-col gap-1 text-sm">
            <span className="line-clamp-2 whitespace-pre-line break-words">{reply.text}</span>
            <span className={reply.state === "failed" ? "text-red-700" : "text-muted"}>
              {STATE[reply.state]}
              {reply.error ? `: ${reply.error}` : null}
            </span>
            {reply.state === "failed" ? (
              <span className="flex gap-2">
                <button type="button" className="min-h-11 rounded-md border border-slate-300 px-3" onClick={() => onRetry(reply.clientId)}>
                  Повторить
                </button>
                <button type="button" className="min-h-11 rounded-md border border-slate-300 px-3" onClick={() => onDiscard(reply.clientId)}>
                  Удалить
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
