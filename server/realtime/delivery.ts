/**
 * What this node has delivered to its stream rooms, so that after the LISTEN connection was lost
 * (the database went away) the node can send what committed in the gap without sending anything
 * twice. A stream's record starts at the head its first reader caught up to (everything up to it
 * reached that reader through catch-up) and then holds the recent sequence numbers emitted live.
 */
const RECENT = 1000;
/** How far behind the highest delivered event a resync looks for events whose notification was lost. */
const LOOKBACK = 200;

interface StreamRecord {
  /** Everything up to here reached the room's readers through catch-up. */
  floor: number;
  recent: Set<number>;
  head: number;
}

export interface DeliveryLog {
  /** A reader joins: `roomWasEmpty` starts the record afresh at the head it caught up to. */
  subscribed(stream: string, head: number, roomWasEmpty: boolean): void;
  /** Whether the event is new to the room (and records it); false for a repeat. */
  first(stream: string, seq: number): boolean;
  /** Where a resync of the stream starts reading, or undefined when no reader is known. */
  resyncAfter(stream: string): number | undefined;
  forget(stream: string): void;
}

/** A fresh log (one per hub). */
export function createDeliveryLog(): DeliveryLog {
  const streams = new Map<string, StreamRecord>();
  return {
    subscribed(stream, head, roomWasEmpty) {
      const s = streams.get(stream);
      if (!s || roomWasEmpty) streams.set(stream, { floor: head, recent: new Set(), head });
      else s.head = Math.max(s.head, head);
    },
    first(stream, seq) {
      const s = streams.get(stream);
      if (!s) return true;
      if (seq <= s.floor || s.recent.has(seq)) return false;
      s.recent.add(seq);
      if (s.recent.size > RECENT) s.recent.delete(s.recent.values().next().value!);
      s.head = Math.max(s.head, seq);
      return true;
    },
    resyncAfter(stream) {
      const s = streams.get(stream);
      return s ? Math.max(s.floor, s.head - LOOKBACK) : undefined;
    },
    forget(stream) {
      streams.delete(stream);
    },
  };
}
