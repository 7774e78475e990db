import { useRevalidator } from "react-router";
import { useStream } from "~/features/realtime/use-stream";

/** Events of a community's stream after which its page reloads its data (threads, members). */
const RELOAD_ON = new Set(["thread.started", "member.joined", "member.left", "member.accepted", "member.removed", "member.role"]);

/**
 * Keeps an open community page current: a thread started or a member joining elsewhere shows up
 * without a reload. Without JavaScript the page simply stays as rendered.
 */
export function CommunityLive({ stream, head }: { stream: string; head: number }) {
  const revalidator = useRevalidator();
  useStream(stream, head, (event) => {
    if (RELOAD_ON.has(event.type) && revalidator.state === "idle") void revalidator.revalidate();
  });
  return null;
}
