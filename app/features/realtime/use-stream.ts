import { useEffect, useRef } from "react";
import { StreamCursor, type StreamEvent } from "./cursor";
import { getSocket } from "./socket.client";

const EVENTS = { subscribe: "stream:subscribe", unsubscribe: "stream:unsubscribe", catchup: "stream:catchup", event: "stream:event" } as const;

type CatchupReply = { ok: true; events: StreamEvent[]; head: number } | { ok: false; error: string };

/**
 * Follows a stream: subscribes from the sequence number the page was rendered with, applies each
 * event once and in order, and after every reconnect (or a gap) asks the server for everything
 * after the last applied event. `onEvent` may change between renders.
 */
export function useStream(stream: string, renderedAt: number, onEvent: (event: StreamEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    let active = true;
    const cursor = new StreamCursor(renderedAt);
    let cleanup = () => {};

    void getSocket().then((socket) => {
      if (!active) return;
      const apply = (events: StreamEvent[]) => {
        const { apply, gap } = cursor.take(events);
        for (const event of apply) handler.current(event);
        if (gap) void request(EVENTS.catchup);
      };
      const request = async (name: string) => {
        const reply = (await socket.timeout(10_000).emitWithAck(name, { stream, after: cursor.last }).catch(() => null)) as CatchupReply | null;
        if (!active || !reply?.ok) return;
        apply(reply.events);
        // More than one batch behind: keep reading.
        if (reply.head > cursor.last) void request(EVENTS.catchup);
      };
      const onLiveEvent = (event: StreamEvent) => {
        if (event.stream === stream) apply([event]);
      };
      const onConnect = () => void request(EVENTS.subscribe);
      socket.on(EVENTS.event, onLiveEvent);
      socket.on("connect", onConnect);
      if (socket.connected) onConnect();
      cleanup = () => {
        socket.off(EVENTS.event, onLiveEvent);
        socket.off("connect", onConnect);
        if (socket.connected) socket.emit(EVENTS.unsubscribe, { stream });
      };
    });
    return () => {
      active = false;
      cleanup();
    };
  }, [stream, renderedAt]);
}
