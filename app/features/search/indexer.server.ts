/**
 * Keeps the index in step with committed writes. Every write bumps `streams.seq` of its stream in
 * its own transaction, so "streams whose seq is past our cursor" is exactly the set of changed
 * things, late commits included (a stream's seq rises only when its transaction commits). Cursors
 * live in `search_cursors`, so a restart resumes where the last run stopped.
 */
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../../../db/client.ts";
import { organisations, practiceAttachments, practices, searchAttachmentTexts, searchCursors, searchFailures, threads } from "../../../db/schema/index.ts";
import { defineJob, registerJobs } from "../../../server/jobs/queues.ts";
import { EVENTS_CHANNEL } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Logger } from "../../../server/log.ts";
import { SOURCES, threadIdsOfOwner } from "./documents.server.ts";
import { extractText } from "./extract.server.ts";
import { clearFailures, dueFailures, recordFailure, type FailureTarget } from "./failures.server.ts";
import type { SearchDocument, SearchKind, SearchProvider } from "./provider.ts";
import { SEARCH_KINDS } from "./provider.ts";
import { searchProvider } from "./engine.server.ts";
import { cutText, INDEX_TEXT_LIMITS } from "./text.ts";

/** Stream kinds whose events change what the search finds. */
export const INDEXED_STREAM_KINDS = ["thread", "community", "user", "practice", "partnership", "event"] as const;
/** The organisations table has no stream: its cursor is the last `updated_at` seen (epoch microseconds). */
const ORGANISATIONS_CURSOR = "table:organisations";
const BATCH = 200;
const ORGANISATION_BATCH = 1000;
/** An organisation's `updated_at` as whole microseconds since the epoch (exact, unlike a JS Date). */
const MICROS = sql`(extract(epoch from o.updated_at) * 1000000)::int8`;

/** Reads attachment bytes by storage key (the library's file storage). */
export type FileReader = (storageKey: string) => Promise<Uint8Array | null>;

export interface IndexerDeps {
  db: Executor;
  provider: SearchProvider;
  files?: FileReader;
  now: Date;
  /** Where a document that cannot be indexed is reported (it is also recorded in search_failures). */
  log?: Pick<Logger, "warn">;
}

type Ref = { kind: SearchKind; id: string };

/** A document's texts cut to what the index keeps (see INDEX_TEXT_LIMITS). */
function bounded(d: SearchDocument): SearchDocument {
  return {
    ...d,
    title: cutText(d.title, INDEX_TEXT_LIMITS.title),
    summary: cutText(d.summary, INDEX_TEXT_LIMITS.summary),
    body: cutText(d.body, INDEX_TEXT_LIMITS.body),
    attachmentsText: cutText(d.attachmentsText, INDEX_TEXT_LIMITS.attachmentsText),
  };
}

/** Re-indexes documents of one kind: loads them from their source, indexes what may be found and removes the rest. */
export async function reindex(deps: IndexerDeps, kind: SearchKind, ids: readonly string[]): Promise<number> {
  const source = SOURCES[kind];
  if (!source || ids.length === 0) return 0;
  const unique = [...new Set(ids)];
  if (kind === "practice" && deps.files) await extractMissingTexts(deps, unique);
  const docs = (await source.load(deps.db, unique)).map(bounded);
  await deps.provider.index(docs);
  const found = new Set(docs.map((d) => d.refId));
  const gone = unique.filter((id) => !found.has(id));
  await deps.provider.remove(gone.map((refId) => ({ kind, refId })));
  return unique.length;
}

/** Extracts the text of practice attachments that have none yet (PDF, DOC/DOCX, ODT). */
export async function extractMissingTexts(deps: IndexerDeps, practiceIds: readonly string[]): Promise<void> {
  if (!deps.files || practiceIds.length === 0) return;
  const missing = await deps.db
    .select({ id: practiceAttachments.id, practiceId: practiceAttachments.practiceId, key: practiceAttachments.storageKey, extension: practiceAttachments.extension })
    .from(practiceAttachments)
    .leftJoin(searchAttachmentTexts, eq(searchAttachmentTexts.attachmentId, practiceAttachments.id))
    .where(and(inArray(practiceAttachments.practiceId, [...practiceIds]), isNull(searchAttachmentTexts.attachmentId)));
  for (const a of missing) {
    const bytes = await deps.files(a.key).catch(() => null);
    const result = bytes ? await extractText(a.extension, bytes) : ({ status: "failed", text: "" } as const);
    await deps.db
      .insert(searchAttachmentTexts)
      .values({ attachmentId: a.id, ownerKind: "practice", ownerId: a.practiceId, status: result.status, text: result.text, extractedAt: deps.now })
      .onConflictDoNothing();
  }
}

/** What a changed stream means for the index. */
async function refsOfStream(ex: Executor, key: string): Promise<Array<{ kind: SearchKind; id: string }>> {
  const [kind, id] = key.split(/:(.*)/s, 2) as [string, string];
  if (!/^[0-9a-f-]{36}$/i.test(id ?? "")) return [];
  switch (kind) {
    case "thread":
      return [{ kind: "thread", id }];
    case "user":
      return [{ kind: "person", id }];
    case "event":
      return [{ kind: "event", id }];
    case "organisation":
      return [{ kind: "organisation", id }];
    case "community":
    case "partnership":
      return (await threadIdsOfOwner(ex, kind, id)).map((t) => ({ kind: "thread" as const, id: t }));
    case "practice":
      return [{ kind: "practice", id }, ...(await threadIdsOfOwner(ex, "practice", id)).map((t) => ({ kind: "thread" as const, id: t }))];
    default:
      return [];
  }
}

/**
 * Re-indexes refs kind by kind without letting one document stop the others: a kind whose batch
 * throws is done again one document at a time, and a document that still throws is logged and
 * recorded in search_failures for a later retry. Indexed documents lose any failure record.
 * Returns how many documents failed.
 */
export async function reindexIsolated(deps: IndexerDeps, refs: readonly Ref[]): Promise<number> {
  const byKind = new Map<SearchKind, string[]>();
  for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.id]);
  let failed = 0;
  for (const [kind, ids] of byKind) {
    const unique = [...new Set(ids)];
    try {
      await reindex(deps, kind, unique);
      await clearFailures(deps.db, unique.map((id) => `${kind}:${id}` as const));
      continue;
    } catch {
      // One of them (or the engine) failed: find out which, one at a time.
    }
    for (const id of unique) {
      try {
        await reindex(deps, kind, [id]);
        await clearFailures(deps.db, [`${kind}:${id}`]);
      } catch (err) {
        failed++;
        deps.log?.warn({ err, kind, refId: id }, "search: a document could not be indexed; recorded for a retry");
        await recordFailure(deps.db, `${kind}:${id}`, err, deps.now);
      }
    }
  }
  return failed;
}

/**
 * The documents of changed streams. A stream whose documents cannot be listed is recorded as a
 * failure (and retried later); one listed again loses its record.
 */
async function refsOfStreams(deps: IndexerDeps, keys: readonly string[]): Promise<Ref[]> {
  const refs: Ref[] = [];
  const listed: FailureTarget[] = [];
  for (const key of keys) {
    try {
      refs.push(...(await refsOfStream(deps.db, key)));
      listed.push(`stream:${key}`);
    } catch (err) {
      deps.log?.warn({ err, stream: key }, "search: the documents of a stream could not be listed; recorded for a retry");
      await recordFailure(deps.db, `stream:${key}`, err, deps.now);
    }
  }
  await clearFailures(deps.db, listed);
  return refs;
}

/**
 * One pass of the sync: re-indexes what every changed stream maps to, then stores the seq it saw
 * (never lowering a cursor), retries recorded failures that are due, and follows organisations by
 * their `updated_at`. A document that fails is recorded and the cursors move on. Returns the
 * streams handled.
 */
export async function syncSearch(deps: IndexerDeps): Promise<number> {
  let handled = 0;
  const kinds = sql.join(INDEXED_STREAM_KINDS.map((k) => sql`${k}`), sql`, `);
  for (;;) {
    const changed = await queryRows<{ key: string; seq: number }>(
      deps.db,
      sql`select s.key, s.seq::int8 as seq from streams s left join search_cursors c on c.stream_key = s.key
        where split_part(s.key, ':', 1) in (${kinds}) and s.seq > coalesce(c.seq, 0) order by s.key limit ${BATCH}`,
    );
    if (changed.length === 0) break;
    await reindexIsolated(deps, await refsOfStreams(deps, changed.map((c) => c.key)));
    await storeCursors(deps.db, changed.map((c) => ({ key: c.key, seq: Number(c.seq) })));
    handled += changed.length;
    if (changed.length < BATCH) break;
  }
  await retryFailures(deps);
  await syncOrganisations(deps);
  return handled;
}

/** Retries the recorded failures whose time has come (a success deletes the record, a failure pushes it back). */
async function retryFailures(deps: IndexerDeps): Promise<void> {
  const due = await dueFailures(deps.db, deps.now, BATCH);
  if (due.length === 0) return;
  const streams = due.filter((t) => t.startsWith("stream:")).map((t) => t.slice("stream:".length));
  const docs: Ref[] = [];
  for (const target of due) {
    const [kind, id] = target.split(/:(.*)/s, 2) as [string, string];
    if ((SEARCH_KINDS as readonly string[]).includes(kind)) docs.push({ kind: kind as SearchKind, id });
  }
  await reindexIsolated(deps, [...docs, ...(await refsOfStreams(deps, streams))]);
}

async function storeCursors(ex: Executor, rows: ReadonlyArray<{ key: string; seq: number }>) {
  if (rows.length === 0) return;
  await ex
    .insert(searchCursors)
    .values(rows.map((r) => ({ streamKey: r.key, seq: r.seq })))
    .onConflictDoUpdate({ target: searchCursors.streamKey, set: { seq: sql`greatest(${searchCursors.seq}, excluded.seq)` } });
}

async function storeCursor(ex: Executor, key: string, seq: number) {
  await storeCursors(ex, [{ key, seq }]);
}

/**
 * The highest organisations cursor that cannot pass a write still to commit: `updated_at` is the
 * writing transaction's start (`now()`), so a transaction open now will commit rows stamped no
 * earlier than the oldest open transaction's start. A cursor below that never skips them, however
 * late they commit (an import holds its transaction for a while, and a quick edit that commits
 * meanwhile must not carry the cursor past it). Null when no other transaction is open.
 */
async function organisationsHorizon(ex: Executor): Promise<number | null> {
  const [row] = await queryRows<{ at: number | null }>(
    ex,
    sql`select (extract(epoch from min(xact_start)) * 1000000)::int8 - 1 as at from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
  );
  return row?.at == null ? null : Number(row.at);
}

const belowHorizon = (at: number, horizon: number | null) => (horizon === null ? at : Math.min(at, horizon));

/**
 * Organisations follow `updated_at` in microseconds, walked by (updated_at, id): an import writes
 * thousands of rows with one transaction timestamp, and a millisecond cursor would read the same
 * rows again for ever. The stored cursor stays below the oldest open transaction (see
 * organisationsHorizon); rows between are read again by the next run, which is harmless.
 */
async function syncOrganisations(deps: IndexerDeps) {
  const [cursor] = await deps.db.select({ seq: searchCursors.seq }).from(searchCursors).where(eq(searchCursors.streamKey, ORGANISATIONS_CURSOR));
  const since = Number(cursor?.seq ?? 0);
  // Read before the walk: a transaction that starts later stamps its rows later than anything read.
  const horizon = await organisationsHorizon(deps.db);
  let after: { at: number; id: string } | null = null;
  for (;;) {
    const position: SQL = after
      ? sql`(${MICROS} > ${after.at} or (${MICROS} = ${after.at} and o.id > ${after.id}))`
      : sql`${MICROS} > ${since}`;
    const rows = await queryRows<{ id: string; at: number }>(
      deps.db,
      sql`select o.id, ${MICROS} as at from organisations o where ${position} order by o.updated_at, o.id limit ${ORGANISATION_BATCH}`,
    );
    if (rows.length === 0) return;
    await reindexIsolated(deps, rows.map((r) => ({ kind: "organisation" as const, id: r.id })));
    const last = rows.at(-1)!;
    after = { at: Number(last.at), id: last.id };
    await storeCursor(deps.db, ORGANISATIONS_CURSOR, belowHorizon(after.at, horizon));
    if (rows.length < ORGANISATION_BATCH) return;
  }
}

export interface RebuildProgress {
  kind: SearchKind;
  done: number;
  total: number;
}

/**
 * Rebuilds the whole index: empties it, walks every source in id order and re-indexes, then sets
 * every cursor to the stream heads read before the walk (events after that are replayed by the
 * next sync, which is harmless). A document that fails is recorded for a retry and the walk goes on.
 */
export async function rebuildSearch(deps: IndexerDeps, onProgress: (p: RebuildProgress) => void = () => {}): Promise<Record<string, number>> {
  const kinds = sql.join(INDEXED_STREAM_KINDS.map((k) => sql`${k}`), sql`, `);
  const heads = await queryRows<{ key: string; seq: number }>(deps.db, sql`select key, seq::int8 as seq from streams where split_part(key, ':', 1) in (${kinds})`);
  const [orgHead] = await queryRows<{ at: number | null }>(deps.db, sql`select max(${MICROS}) as at from organisations o`);
  const horizon = await organisationsHorizon(deps.db);
  await deps.provider.reset();
  // Failures of the old index are moot; those of this walk are recorded afresh (and do not stop it).
  await deps.db.delete(searchFailures);
  const counts: Record<string, number> = {};
  for (const [kind, source] of Object.entries(SOURCES) as Array<[SearchKind, NonNullable<(typeof SOURCES)[SearchKind]>]>) {
    const total = await countOf(deps.db, kind);
    let done = 0;
    let after: string | null = null;
    onProgress({ kind, done, total });
    for (;;) {
      const ids = await source.ids(deps.db, after, 500);
      if (ids.length === 0) break;
      await reindexIsolated(deps, ids.map((id) => ({ kind, id })));
      done += ids.length;
      after = ids.at(-1)!;
      onProgress({ kind, done, total });
    }
    counts[kind] = done;
  }
  await deps.db.delete(searchCursors);
  for (let i = 0; i < heads.length; i += 500) {
    await deps.db
      .insert(searchCursors)
      .values(heads.slice(i, i + 500).map((h) => ({ streamKey: h.key, seq: Number(h.seq) })))
      .onConflictDoNothing();
  }
  await storeCursor(deps.db, ORGANISATIONS_CURSOR, belowHorizon(Number(orgHead?.at ?? 0), horizon));
  return counts;
}

async function countOf(ex: Executor, kind: SearchKind): Promise<number> {
  const table = { thread: threads, practice: practices, organisation: organisations }[kind as "thread" | "practice" | "organisation"];
  const [row] = table
    ? await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from ${table}`)
    : await queryRows<{ n: number }>(ex, sql`select count(*)::int as n from profiles`);
  return Number(row?.n ?? 0);
}

/** The dependencies of the indexer inside the app. */
export async function indexerDeps(services: Pick<AppServices, "db" | "config" | "clock"> & Partial<Pick<AppServices, "log">>): Promise<IndexerDeps> {
  return { db: services.db, provider: searchProvider(services), files: await attachmentReader(services), now: services.clock.now(), log: services.log };
}

/** The library's file storage, when that capability is present. */
async function attachmentReader(services: Pick<AppServices, "config">): Promise<FileReader | undefined> {
  const dir = (services.config as { FILES_DIR?: string }).FILES_DIR;
  if (!dir) return undefined;
  const { readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  return async (key) => {
    if (!/^[a-z0-9]+(?:\/[a-z0-9][a-z0-9.-]*)*$/.test(key)) return null;
    try {
      return new Uint8Array(await readFile(path.join(dir, key)));
    } catch {
      return null;
    }
  };
}

/** The sync job: one queued and one running at most (pg-boss "stately"), so bursts collapse. */
export const SEARCH_SYNC_JOB = defineJob({
  name: "search.sync",
  schema: z.object({}).passthrough(),
  options: { retryLimit: 3, retryDelay: 10, expireInSeconds: 600, policy: "stately" },
  async run(_data, services) {
    const deps = await indexerDeps(services);
    // A database that was never indexed (first start, demo data loaded without events) is built whole once.
    const [any] = await services.db.select({ key: searchCursors.streamKey }).from(searchCursors).limit(1);
    if (!any) {
      const counts = await rebuildSearch(deps);
      services.log.info({ counts }, "search index built");
      return;
    }
    await syncSearch(deps);
  },
});

/**
 * Starts following committed events on this node: a sync is queued when an event of an indexed
 * stream commits, at start, and every minute as a safety net. Returns a stop function.
 */
export async function startSearchSync(services: AppServices, options: { work: boolean }): Promise<() => Promise<void>> {
  // Registered here rather than in app/jobs.server.ts so that nodes start following events only once the queue exists.
  await registerJobs(services, [SEARCH_SYNC_JOB], options);
  if (!options.work) return async () => {};
  const queue = () =>
    void services.jobs.send(SEARCH_SYNC_JOB.name, {}, { startAfter: services.clock.now() }).catch((err: unknown) => services.log.warn({ err }, "search sync not queued"));
  const indexed = new Set<string>(INDEXED_STREAM_KINDS);
  const stop = await services.handle.listen(EVENTS_CHANNEL, (payload) => {
    try {
      const { stream } = JSON.parse(payload) as { stream: string };
      if (indexed.has(stream.split(":")[0] ?? "")) queue();
    } catch {
      // not ours to judge
    }
  }, queue); // back after the database went away: events of the gap were not heard
  await services.jobs.schedule(SEARCH_SYNC_JOB.name, "* * * * *", {});
  queue();
  return stop;
}
