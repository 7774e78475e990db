/**
 * Search bench (quality.md): generates 100 000 practices and 1 000 000 discussion posts of Russian
 * programme text straight into `search_documents` with COPY (posts grouped ten to a thread: the
 * index ranks threads, not single posts), then runs a query set of broad words (a third of the
 * corpus), narrow words, inflected forms and one-typo words through the PostgreSQL provider and
 * prints p50/p95/p99 and the share of queries whose expected document is in the top 10.
 *
 * Needs DATABASE_URL (PostgreSQL 15); works in a database of its own, `most_bench_search`, which it
 * drops and recreates. `--quick` makes the corpus ten times smaller.
 * Run alone: `node tests/bench/search.ts [--quick]`; `npm run bench` runs it too.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { openDatabase } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { createPostgresProvider } from "../../app/features/search/postgres.server.ts";
import { foldForIndex, wordsOf } from "../../app/features/search/text.ts";

/** A small deterministic PRNG (mulberry32), so every run measures the same corpus and queries. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20261130);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

/** Words of the seed programme documents, with their natural frequencies (a word list with repeats). */
function seedWords(): string[] {
  const dir = path.resolve(import.meta.dirname, "../../../shared/seeds");
  const fallback = "план мероприятий по повышению качества образования в школах с низкими образовательными результатами методическая поддержка учителей наставничество формирующее оценивание функциональная грамотность";
  const text = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join(" ") : fallback;
  return (text.toLowerCase().match(/[а-яё]{3,}/g) ?? []).map((w) => w.replace(/ё/g, "е"));
}

/** Place names of four syllables (sparse, so a one-letter typo rarely makes another existing name): the rare words of the corpus. */
function placeNames(count: number): string[] {
  const syllables = ["ка", "ра", "но", "ли", "ту", "ме", "со", "би", "ча", "ро", "ле", "ги", "за", "пу", "ды", "ше", "ва", "кун", "тор", "мар", "гос", "бел", "ар", "ус", "ом"];
  const suffixes = ["ово", "ино", "ка", "ск", "ево", "инск", "ань"];
  const out = new Set<string>();
  while (out.size < count) out.add(`${pick(syllables)}${pick(syllables)}${pick(syllables)}${pick(syllables)}${pick(suffixes)}`);
  return [...out];
}

/** Inflects a word into another case by its ending, when it has a known one. */
const INFLECTIONS: Array<[RegExp, string]> = [
  [/ание$/, "анию"],
  [/ения$/, "ением"],
  [/ение$/, "ению"],
  [/ость$/, "остью"],
  [/ости$/, "остей"],
  [/ный$/, "ного"],
  [/ная$/, "ной"],
  [/ные$/, "ными"],
  [/ских$/, "ским"],
  [/ция$/, "цией"],
  [/ции$/, "циям"],
  [/ики$/, "икам"],
];
function inflect(word: string): string | null {
  for (const [re, to] of INFLECTIONS) if (re.test(word)) return word.replace(re, to);
  return null;
}

/** One typo: a letter replaced by a neighbour on the keyboard or two letters swapped. */
function typo(word: string): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  if (random() < 0.5) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const near: Record<string, string> = { а: "о", о: "а", е: "и", и: "е", н: "т", т: "н", р: "п", п: "р", с: "з", з: "с", к: "г", г: "к", л: "д", д: "л", м: "н", в: "ф" };
  return word.slice(0, i) + (near[word[i]!] ?? "ы") + word.slice(i + 1);
}

const tsvEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, " ").replace(/\n/g, "\\n").replace(/\r/g, " ");
const uuidOf = (kind: number, i: number) => `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const SUBJECTS = ["math", "russian", "physics", "biology", "history", "primary", "informatics", "foreign"];
const THEMES = ["formative-assessment", "low-achievers", "functional-literacy", "inclusive", "families", "school-climate", "leadership"];
const BANDS = ["1-4", "5-9", "10-11"];

interface Expected {
  kind: "broad" | "narrow" | "inflected" | "typo";
  q: string;
  ref: string | null;
}

/** Generates the corpus into search_documents through COPY; returns the query set. */
async function generate(sql: postgres.Sql, practices: number, threads: number): Promise<Expected[]> {
  const words = seedWords();
  const long = [...new Set(words.filter((w) => w.length >= 6))];
  const places = placeNames(Math.max(2000, Math.floor((practices + threads) / 3)));
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(" ");
  const queries: Expected[] = [];
  const terms = new Set<string>(places);
  for (const w of words) if (w.length >= 4) terms.add(w);
  const start = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  function* rows(): Generator<string> {
    for (let i = 0; i < practices + threads; i++) {
      const isPractice = i < practices;
      const place = pick(places);
      const titleWords = [pick(long), pick(long), pick(words), pick(long)];
      const title = `${titleWords.join(" ")} (${place})`;
      const summary = sentence(isPractice ? 25 : 30);
      const body = isPractice ? sentence(150) : Array.from({ length: 9 }, () => sentence(30)).join("\n");
      const ref = uuidOf(isPractice ? 1 : 2, i);
      const access = random() < 0.05 ? `{community:${uuidOf(3, i % 50)}}` : "{public}";
      const at = new Date(start + random() * span).toISOString();
      yield [
        isPractice ? "practice" : "thread",
        ref,
        `/${isPractice ? "library" : "threads"}/${ref}`,
        tsvEscape(foldForIndex(title)),
        tsvEscape(foldForIndex(summary)),
        tsvEscape(foldForIndex(body)),
        "",
        access,
        `{${pick(SUBJECTS)}}`,
        isPractice ? `{${pick(BANDS)}}` : "{}",
        `{${pick(THEMES)}}`,
        isPractice ? "practice" : "community",
        "\\N",
        at,
        String(Math.floor(random() * 50)),
      ].join("\t") + "\n";
      if (access === "{public}" && i % Math.max(1, Math.floor((practices + threads) / 400)) === 0) {
        const kind = (["narrow", "inflected", "typo", "narrow"] as const)[queries.length % 4]!;
        const word = pick(titleWords.filter((w) => w.length >= 6));
        if (kind === "narrow") queries.push({ kind, q: `${place} ${word}`, ref });
        else if (kind === "inflected") {
          const inflected = titleWords.map(inflect).find(Boolean);
          if (inflected) queries.push({ kind, q: `${place} ${inflected}`, ref });
        } else if (place.length >= 5) queries.push({ kind, q: `${typo(place)} ${word}`, ref });
      }
    }
  }
  await sql`drop index if exists search_documents_tsv_idx`;
  await sql`drop index if exists search_documents_access_idx`;
  const copy = await sql`copy search_documents (kind, ref_id, url, title, summary, body, attachments_text, access, subjects, grade_bands, themes, doc_kind, region_id, published_at, usefulness) from stdin`.writable();
  await pipeline(Readable.from(rows()), copy);
  const termCopy = await sql`copy search_terms (term) from stdin`.writable();
  await pipeline(Readable.from([...terms].filter((t) => wordsOf(t).length).map((t) => `${t}\n`)), termCopy);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`;
  await sql`create index search_documents_access_idx on search_documents using gin (access)`;
  await sql`vacuum analyze search_documents`;
  await sql`vacuum analyze search_terms`;
  // Broad words: the seed words whose documents are closest to a third of the corpus, measured.
  const counts = new Map<string, number>();
  for (const w of words) if (w.length >= 6) counts.set(w, (counts.get(w) ?? 0) + 1);
  const frequent = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(20, 180).map(([w]) => w);
  const total = practices + threads;
  const measured: Array<{ w: string; share: number }> = [];
  for (const w of frequent) {
    const [row] = (await sql`select count(*)::int as n from search_documents where tsv @@ plainto_tsquery('russian', ${w})`) as unknown as [{ n: number }];
    measured.push({ w, share: row.n / total });
  }
  const broad = measured.sort((a, b) => Math.abs(a.share - 1 / 3) - Math.abs(b.share - 1 / 3)).slice(0, 8);
  console.log(`broad words (share of documents): ${broad.map((b) => `${b.w} ${(b.share * 100).toFixed(0)} %`).join(", ")}`);
  for (const b of broad) queries.push({ kind: "broad", q: b.w, ref: null });
  return queries;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs the bench and prints its figures. */
export async function benchSearch(options: { quick: boolean }): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log("search: skipped (set DATABASE_URL to a PostgreSQL 15 server)");
    return;
  }
  const scale = options.quick ? 10 : 1;
  const practices = 100_000 / scale;
  const posts = 1_000_000 / scale;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = "most_bench_search";
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: dbUrl.toString(), max: 4 });
  const sql = postgres(dbUrl.toString(), { max: 4, onnotice: () => {} });
  try {
    await migrate(handle.db);
    const [{ version }] = (await sql`select current_setting('server_version') as version`) as unknown as [{ version: string }];
    const started = performance.now();
    const queries = await generate(sql, practices, posts / 10);
    const [{ docs, size }] = (await sql`select count(*)::int as docs, pg_size_pretty(pg_total_relation_size('search_documents')) as size from search_documents`) as unknown as [{ docs: number; size: string }];
    console.log(`corpus: ${practices} practices + ${posts} posts in ${posts / 10} threads = ${docs} documents (${size}), generated and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s; PostgreSQL ${version}`);
    const provider = createPostgresProvider(handle.db);
    for (const q of queries.slice(0, 5)) await provider.search(q.q, ["public"], { perPage: 10 }); // warm-up
    const byKind = new Map<string, { times: number[]; found: number; total: number; approximate: number }>();
    const all: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const r = await provider.search(q.q, ["public"], { perPage: 10 });
      const ms = performance.now() - t0;
      const stat = byKind.get(q.kind) ?? { times: [], found: 0, total: 0, approximate: 0 };
      stat.times.push(ms);
      stat.total++;
      if (r.approximate) stat.approximate++;
      if (q.ref === null ? r.hits.length > 0 : r.hits.some((h) => h.refId === q.ref)) stat.found++;
      byKind.set(q.kind, stat);
      all.push(ms);
    }
    const line = (label: string, times: number[], extra = "") => {
      const s = [...times].sort((a, b) => a - b);
      console.log(`${label.padEnd(10)} n=${String(times.length).padStart(3)}  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms${extra}`);
    };
    for (const [kind, s] of byKind) line(kind, s.times, `  top-10 hit ${((s.found / s.total) * 100).toFixed(0)} %${kind === "broad" ? ` (capped: ${s.approximate}/${s.total})` : ""}`);
    line("all", all);
  } finally {
    await sql.end();
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSearch({ quick: process.argv.includes("--quick") });
