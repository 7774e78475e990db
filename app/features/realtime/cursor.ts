/** An event as the server sends it on a stream. */
export interface StreamEvent {
  stream: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * Tracks the last applied sequence number of one stream: applies the next event, drops duplicates,
 * and reports a gap (an event arrived before one it follows) so the caller asks for catch-up.
 */
export class StreamCursor {
  constructor(public last: number) {}

  /** Sorts a batch, drops what was applied, and returns the events to apply in order. */
  take(events: readonly StreamEvent[]): { apply: StreamEvent[]; gap: boolean } {
    const apply: StreamEvent[] = [];
    let gap = false;
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= this.last) continue;
      if (event.seq !== this.last + 1) {
        gap = true;
        break;
      }
      apply.push(event);
      this.last = event.seq;
    }
    return { apply, gap };
  }
}
