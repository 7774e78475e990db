import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { getSocket } from "./socket.client";

/** Someone in a presence list or typing (the shape the server sends). */
export interface PresencePerson {
  id: string;
  name: string;
}
export interface Presence {
  count: number;
  people: PresencePerson[];
}

const EVENTS = { presence: "presence:update", typing: "typing", typingUpdate: "typing:update" } as const;
/** A typing signal counts for this long unless renewed; the sender renews it every TYPING_RENEW_MS. */
const TYPING_SHOWN_MS = 5000;
const TYPING_RENEW_MS = 2000;

/**
 * Who has the stream open and who is typing in it, as the server announces them to the stream's
 * room (the page must also follow the stream with useStream, which joins the room). Returns
 * `typed()` to call on each keystroke (throttled) and `stopped()` after sending.
 */
export function usePresence(stream: string): { presence: Presence | null; typing: PresencePerson[]; typed: () => void; stopped: () => void } {
  const [presence, setPresence] = useState<Presence | null>(null);
  const [typing, setTyping] = useState<(PresencePerson & { until: number })[]>([]);
  const socket = useRef<Socket | null>(null);
  const lastSent = useRef(0);

  useEffect(() => {
    let active = true;
    let cleanup = () => {};
    void getSocket().then((s) => {
      if (!active) return;
      socket.current = s;
      const onPresence = (update: Presence & { stream: string }) => {
        if (update.stream === stream) setPresence({ count: update.count, people: update.people });
      };
      const onTyping = (update: { stream: string; person: PresencePerson; active: boolean }) => {
        if (update.stream !== stream) return;
        setTyping((list) => [...list.filter((p) => p.id !== update.person.id), ...(update.active ? [{ ...update.person, until: Date.now() + TYPING_SHOWN_MS }] : [])]);
      };
      const onDisconnect = () => {
        setPresence(null);
        setTyping([]);
      };
      s.on(EVENTS.presence, onPresence);
      s.on(EVENTS.typingUpdate, onTyping);
      s.on("disconnect", onDisconnect);
      cleanup = () => {
        s.off(EVENTS.presence, onPresence);
        s.off(EVENTS.typingUpdate, onTyping);
        s.off("disconnect", onDisconnect);
      };
    });
    return () => {
      active = false;
      cleanup();
    };
  }, [stream]);

  // Signals that are not renewed expire (the typist closed the tab or went quiet).
  useEffect(() => {
    if (typing.length === 0) return;
    const next = Math.min(...typing.map((p) => p.until)) - Date.now();
    const timer = setTimeout(() => setTyping((list) => list.filter((p) => p.until > Date.now())), Math.max(0, next) + 50);
    return () => clearTimeout(timer);
  }, [typing]);

  const typed = useCallback(() => {
    const s = socket.current;
    if (!s?.connected || Date.now() - lastSent.current < TYPING_RENEW_MS) return;
    lastSent.current = Date.now();
    s.emit(EVENTS.typing, { stream, active: true });
  }, [stream]);
  const stopped = useCallback(() => {
    const s = socket.current;
    if (!lastSent.current || !s?.connected) return;
    lastSent.current = 0;
    s.emit(EVENTS.typing, { stream, active: false });
  }, [stream]);

  return { presence, typing, typed, stopped };
}
