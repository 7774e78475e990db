/**
 * Progress events of an import being applied, written so that the page sees them while the work
 * goes on.
 *
 * An event becomes visible (to readers and to LISTEN) only when its transaction commits, and
 * `applyImport` writes the whole list in one transaction. So:
 * - the phases before writing (read, validate, plan) run outside any transaction, and each phase's
 *   event is committed at once in a short transaction of its own, on both engines;
 * - during the write, on PostgreSQL each batch's event is committed in a short transaction on
 *   another pooled connection: live, and harmless, since the import's transaction never touches
 *   the stream's row before its very end (otherwise the two would wait for each other);
 * - on PGlite there is one connection and the import's transaction holds it: a second transaction
 *   would wait for the first to end, which waits for the callback — a deadlock. Every other request
 *   waits on that connection too, so no page could read a batch's event anyway. The write phase is
 *   announced once, as not live, and the page shows an indeterminate bar until the final event;
 * - the final event is written in the import's own transaction with the status, so «done» is seen
 *   exactly when the schools are.
 */
import type { Db, Engine } from "../../../../db/client.ts";
import { appendEvent } from "../../../../server/events/store.ts";
import type { BusinessClock } from "../../../../server/clock.ts";
import { IMPORT_EVENTS, importStreamKey, type ImportProgressPayload } from "./progress.ts";

export interface ProgressReporter {
  /** Whether batches of the write phase are reported as they are written. */
  readonly live: boolean;
  /** Commits a phase's event now. Never call it inside a transaction (see the module comment). */
  phase(payload: ImportProgressPayload): Promise<void>;
  /** `applyImport`'s `onProgress`: commits a batch's event where the engine allows it. */
  batch(done: number, total: number): Promise<void>;
}

/**
 * The progress reporter of one import.
 *
 * @param services - The root database client, its engine and the business clock.
 * @param importId - The import being applied; events go to `import:<id>`.
 */
export function createProgressReporter(services: { db: Db; engine: Engine; clock: Pick<BusinessClock, "now"> }, importId: string): ProgressReporter {
  const stream = importStreamKey(importId);
  const live = services.engine === "postgres";
  const emit = (payload: ImportProgressPayload) =>
    services.db.transaction(async (tx) => {
      await appendEvent(tx, { stream, type: IMPORT_EVENTS.progress, payload: { ...payload }, at: services.clock.now() });
    });
  return {
    live,
    phase: emit,
    async batch(done, total) {
      if (live) await emit({ phase: "write", done, total, live });
    },
  };
}
