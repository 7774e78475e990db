import { useRevalidator } from "react-router";
import { useStream } from "~/features/realtime/use-stream";

/**
 * Keeps an open room current: a question asked or upvoted, an answer, attendance or materials
 * elsewhere reload the page's data. Without JavaScript the page stays as rendered.
 */
export function RoomLive({ stream, head }: { stream: string; head: number }) {
  const revalidator = useRevalidator();
  useStream(stream, head, () => {
    void revalidator.revalidate();
  });
  return null;
}
