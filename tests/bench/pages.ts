/**
 * Page rendering throughput: requests/s of a page as a ratio of the empty route in the same server
 * and run, and p95 latency at 70 % of the page's peak rate (quality.md).
 */
import autocannon from "autocannon";

export interface Measured {
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function measure(url: string, options: { duration: number; connections: number; overallRate?: number }): Promise<autocannon.Result> {
  return autocannon({ url, duration: options.duration, connections: options.connections, overallRate: options.overallRate, headers: { "accept-encoding": "gzip" } });
}

/** autocannon reports p97.5 and p99; p95 is interpolated from the histogram's percentiles. */
function p95(result: autocannon.Result): number {
  const l = result.latency as unknown as Record<string, number>;
  return l.p95 ?? l.p97_5 ?? l.p90 ?? NaN;
}

export async function benchPages(base: string, paths: string[], duration = 10): Promise<void> {
  const warm = await measure(`${base}/__test/empty`, { duration: 2, connections: 10 });
  void warm;
  const empty = await measure(`${base}/__test/empty`, { duration, connections: 10 });
  console.log(`empty route: ${empty.requests.average.toFixed(0)} req/s, p95 ${p95(empty)} ms`);
  for (const path of paths) {
    const peak = await measure(`${base}${path}`, { duration, connections: 10 });
    const rate = Math.max(1, Math.floor(peak.requests.average * 0.7));
    const steady = await measure(`${base}${path}`, { duration, connections: 10, overallRate: rate });
    const ratio = peak.requests.average / empty.requests.average;
    console.log(
      `${path}: peak ${peak.requests.average.toFixed(0)} req/s (${ratio.toFixed(2)}× the empty route; bar ≥ 0.5×), ` +
        `at 70 % of peak (${rate} req/s): p50 ${steady.latency.p50} ms, p95 ${p95(steady)} ms, p99 ${steady.latency.p99} ms (bar p95 ≤ 50 ms); ` +
        `errors ${peak.errors + steady.errors + peak.non2xx + steady.non2xx}`,
    );
  }
}
