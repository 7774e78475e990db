import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { getSocket } from "~/features/realtime/socket.client";

/** A reply the page holds until the server has stored it. */
export interface PendingReply {
  clientId: string;
  threadId: string;
  body: unknown;
  quoteOf?: string;
  /** Plain text of the body, to show the person what is waiting. */
  text: string;
  state: "waiting" | "sending" | "failed";
  error?: string;
}

type Ack = { ok: true; postId: string } | { ok: false; error: string };
const ACK_TIMEOUT_MS = 8000;
const storageKey = (threadId: string) => `most:outbox:${threadId}`;

function load(threadId: string): PendingReply[] {
  try {
    const raw = sessionStorage.getItem(storageKey(threadId));
    // A reply that was being sent when the page went away is sent again: its client id makes that safe.
    return raw ? (JSON.parse(raw) as PendingReply[]).map((r) => (r.state === "sending" ? { ...r, state: "waiting" } : r)) : [];
  } catch {
    return [];
  }
}

function save(threadId: string, queue: PendingReply[]) {
  try {
    if (queue.length) sessionStorage.setItem(storageKey(threadId), JSON.stringify(queue));
    else sessionStorage.removeItem(storageKey(threadId));
  } catch {
    // Storage full or disabled: the queue still lives in the page.
  }
}

/** The text of a ProseMirror document, for showing a queued reply. */
export function docText(node: unknown): string {
  if (!node || typeof node !== "object") return "";
  const n = node as { text?: string; content?: unknown[]; type?: string };
  if (typeof n.text === "string") return n.text;
  const parts = (n.content ?? []).map(docText);
  return parts.join(n.type === "doc" ? "\n" : "");
}

/**
 * The page's outbox of replies: each keeps its client id until the server acks it, survives a
 * reload in sessionStorage, waits while the socket is down and is sent, in order, as soon as it is
 * back. The server stores a client id once, so a resend after a lost ack never duplicates a post.
 */
export function useOutbox(threadId: string, onSent: (reply: PendingReply, postId: string) => void) {
  const [queue, setQueueState] = useState<PendingReply[]>([]);
  const queueRef = useRef<PendingReply[]>([]);
  const socket = useRef<Socket | null>(null);
  const flushing = useRef(false);
  const sentHandler = useRef(onSent);
  useEffect(() => {
    sentHandler.current = onSent;
  });

  const setQueue = useCallback(
    (update: (q: PendingReply[]) => PendingReply[]) => {
      queueRef.current = update(queueRef.current);
      save(threadId, queueRef.current);
      setQueueState(queueRef.current);
    },
    [threadId],
  );
  const patch = useCallback((clientId: string, change: Partial<PendingReply>) => setQueue((q) => q.map((r) => (r.clientId === clientId ? { ...r, ...change } : r))), [setQueue]);

  const flush = useCallback(async () => {
    const live = socket.current;
    if (flushing.current || !live) return;
    flushing.current = true;
    try {
      for (;;) {
        const next = queueRef.current.find((r) => r.state === "waiting");
        if (!next || !live.connected) break;
        patch(next.clientId, { state: "sending", error: undefined });
        const message = { clientId: next.clientId, threadId: next.threadId, body: next.body, ...(next.quoteOf ? { quoteOf: next.quoteOf } : {}) };
        const ack = (await live.timeout(ACK_TIMEOUT_MS).emitWithAck("post:create", message).catch(() => null)) as Ack | null;
        if (ack?.ok) {
          setQueue((q) => q.filter((r) => r.clientId !== next.clientId));
          sentHandler.current(next, ack.postId);
        } else if (ack) {
          patch(next.clientId, { state: "failed", error: ack.error });
        } else if (live.connected) {
          patch(next.clientId, { state: "failed", error: "Сервер не ответил." });
        } else {
          // The connection went while sending: it goes again, with the same id, on reconnect.
          patch(next.clientId, { state: "waiting" });
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [patch, setQueue]);

  useEffect(() => {
    queueRef.current = load(threadId);
    setQueueState(queueRef.current);
    let active = true;
    let cleanup = () => {};
    void getSocket().then((s) => {
      if (!active) return;
      socket.current = s;
      const onConnect = () => void flush();
      s.on("connect", onConnect);
      if (s.connected) onConnect();
      cleanup = () => void s.off("connect", onConnect);
    });
    return () => {
      active = false;
      cleanup();
    };
  }, [threadId, flush]);

  return {
    queue,
    /** Whether the socket client is loaded (until then the form posts as usual). */
    ready: () => socket.current !== null,
    enqueue(reply: Omit<PendingReply, "state">) {
      setQueue((q) => [...q, { ...reply, state: "waiting" }]);
      void flush();
    },
    retry(clientId: string) {
      patch(clientId, { state: "waiting", error: undefined });
      void flush();
    },
    discard(clientId: string) {
      setQueue((q) => q.filter((r) => r.clientId !== clientId));
    },
  };
}
