import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useNavigation, useRevalidator } from "react-router";
import { useStream } from "~/features/realtime/use-stream";

/**
 * Keeps the thread page current: every event of `thread:<id>` (new posts, edits, deletions,
 * hiding, reactions, pin/lock) reloads the page's data, so what each viewer sees is decided by
 * the server's policy, never by the event's payload. Bursts are folded into one reload.
 *
 * An address that names no page opens the page where the reader left off, which moves as they read;
 * so, given `pinnedHref`, the first reload replaces the address with it (the page on screen) instead of
 * reloading it, and the reader is never carried to another page under their eyes. The rest of the
 * address stays (a notice such as «Сообщение скрыто.» must not vanish with the first live event).
 */
export function useThreadLive(threadId: string, head: number, pinnedHref?: string): void {
  const [start] = useState(head);
  const { revalidate } = useRevalidator();
  const navigate = useNavigate();
  const location = useLocation();
  const pinned = useRef({ href: pinnedHref ?? "", needed: false });
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    // `?page=`, `?post=` and `?edit=` already name a page that does not move.
    const floating = !["page", "post", "edit"].some((name) => query.has(name));
    pinned.current = { href: pinnedHref ?? "", needed: Boolean(pinnedHref) && floating };
  });
  // While a navigation runs (a form the reader sent, and its redirect), the reload waits for it: a
  // navigation started now would cancel that one, and the reader's own action would seem to vanish.
  const navigation = useNavigation();
  const navigating = useRef(false);
  useEffect(() => {
    navigating.current = navigation.state !== "idle";
  }, [navigation.state]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useStream(`thread:${threadId}`, start, () => {
    if (timer.current) return;
    const reload = () => {
      if (navigating.current) {
        timer.current = setTimeout(reload, 150);
        return;
      }
      timer.current = null;
      if (pinned.current.needed) void navigate(keepingQuery(pinned.current.href, window.location.search), { replace: true, preventScrollReset: true });
      else void revalidate();
    };
    timer.current = setTimeout(reload, 150);
  });
}

/** `href` with the parameters of `search` it does not set itself. */
export function keepingQuery(href: string, search: string): string {
  const [path, query = ""] = href.split("?", 2) as [string, string?];
  const merged = new URLSearchParams(search);
  for (const [name, value] of new URLSearchParams(query)) merged.set(name, value);
  const text = merged.toString();
  return text ? `${path}?${text}` : path;
}
