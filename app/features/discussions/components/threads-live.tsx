import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { useStream } from "~/features/realtime/use-stream";

/** Events of a thread after which a list of threads is out of date (replies, unread counts). */
const RELOAD_ON = new Set(["post.created", "post.deleted", "post.hidden", "post.restored"]);

function FollowThread({ id, head, onChange }: { id: string; head: number; onChange: () => void }) {
  // Followed from the head it was first rendered with; reloads bring new heads, not new subscriptions.
  const [start] = useState(head);
  useStream(`thread:${id}`, start, (event) => {
    if (RELOAD_ON.has(event.type)) onChange();
  });
  return null;
}

/**
 * Keeps a list of threads (reply counts, unread badges) current: follows each listed thread's
 * stream, which its read policy already allows, and reloads the page's data once per burst.
 */
export function ThreadsLive({ threads }: { threads: { id: string; head: number }[] }) {
  const { revalidate } = useRevalidator();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const onChange = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void revalidate();
    }, 300);
  };
  return threads.map((t) => <FollowThread key={t.id} id={t.id} head={t.head} onChange={onChange} />);
}
