import type { Executor } from "../../../db/client.ts";
import { readEventsAfter, streamHead, type StoredEvent } from "../../../server/events/store.ts";

/**
 * What a page renders before it goes live: the stream's events so far and the sequence number to
 * follow from, read head first so nothing committed in between is missed (it comes by catch-up).
 */
export async function getStreamSnapshot(ex: Executor, stream: string, limit = 1000): Promise<{ head: number; events: StoredEvent[] }> {
  const head = await streamHead(ex, stream);
  const events = (await readEventsAfter(ex, stream, 0, limit)).filter((e) => e.seq <= head);
  return { head, events };
}
