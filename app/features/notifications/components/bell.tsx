import { useState } from "react";
import { Link } from "react-router";
import { useStream } from "~/features/realtime/use-stream";
import { countRu } from "~/utils/plural";
import { NOTIFICATION_TEXT as T, UNREAD_FORMS } from "../strings";

/**
 * The bell in the header: a link to the notifications page with the unread count, kept live by
 * the person's own stream (`notification.created` and `notifications.read` carry the new count).
 */
export function NotificationBell({ userId, unread, head }: { userId: string; unread: number; head: number }) {
  const [count, setCount] = useState(unread);
  const [start] = useState(head);
  const [fromServer, setFromServer] = useState(unread);
  if (unread !== fromServer) {
    // A fresh page load (navigation, revalidation) brings the server's count.
    setFromServer(unread);
    setCount(unread);
  }
  useStream(`user:${userId}`, start, (event) => {
    if (typeof event.payload.unread === "number") setCount(event.payload.unread);
  });
  const label = T.bell(count, countRu(count, UNREAD_FORMS));
  return (
    <Link to="/notifications" aria-label={label} title={label} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-slate-100" data-unread={count}>
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span aria-hidden="true" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
