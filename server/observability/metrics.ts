/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with
 * labels. Written here rather than adding `prom-client` (not installed): the app needs a dozen
 * series and no push gateway. Label values are always bounded by the caller (route patterns,
 * status codes, queue names), never raw ids.
 */

type Labels = Record<string, string>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabel(labels[k]!)}"`)
    .join(",");
}

function withLabels(name: string, key: string, extra?: string): string {
  const all = [key, extra].filter(Boolean).join(",");
  return all ? `${name}{${all}}` : name;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}

interface Metric {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  lines(): string[];
}

export class Counter implements Metric {
  readonly type = "counter" as const;
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  /** The current value of one series (tests, the bench). */
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  lines(): string[] {
    return [...this.values].map(([key, v]) => `${withLabels(this.name, key)} ${formatNumber(v)}`);
  }
}

/** A gauge whose series are set at scrape time by a collector. */
export class Gauge implements Metric {
  readonly type = "gauge" as const;
  private values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  set(labels: Labels, value: number): void {
    this.values.set(labelKey(labels), value);
  }
  reset(): void {
    this.values = new Map();
  }
  lines(): string[] {
    return [...this.values].map(([key, v]) => `${withLabels(this.name, key)} ${formatNumber(v)}`);
  }
}

export class Histogram implements Metric {
  readonly type = "histogram" as const;
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }
  lines(): string[] {
    const out: string[] = [];
    for (const [key, s] of this.series) {
      this.buckets.forEach((le, i) => out.push(`${withLabels(`${this.name}_bucket`, key, `le="${formatNumber(le)}"`)} ${s.counts[i]}`));
      out.push(`${withLabels(`${this.name}_bucket`, key, 'le="+Inf"')} ${s.count}`);
      out.push(`${withLabels(`${this.name}_sum`, key)} ${formatNumber(s.sum)}`);
      out.push(`${withLabels(`${this.name}_count`, key)} ${s.count}`);
    }
    return out;
  }
}

/** Metrics by name; collectors refresh gauges right before a scrape renders them. */
export class Registry {
  private readonly metrics = new Map<string, Metric>();
  private readonly collectors: (() => Promise<void> | void)[] = [];
  register<M extends Metric>(metric: M): M {
    if (!NAME.test(metric.name)) throw new Error(`invalid metric name ${metric.name}`);
    const existing = this.metrics.get(metric.name);
    if (existing) return existing as M;
    this.metrics.set(metric.name, metric);
    return metric;
  }
  counter(name: string, help: string): Counter {
    return this.register(new Counter(name, help));
  }
  gauge(name: string, help: string): Gauge {
    return this.register(new Gauge(name, help));
  }
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.register(new Histogram(name, help, buckets));
  }
  onCollect(collector: () => Promise<void> | void): void {
    this.collectors.push(collector);
  }
  /** Runs the collectors (a failing one leaves its gauges stale, never the scrape broken), then renders. */
  async render(): Promise<string> {
    await Promise.all(this.collectors.map(async (c) => c()).map((p) => p.catch(() => undefined)));
    const out: string[] = [];
    for (const m of this.metrics.values()) {
      out.push(`# HELP ${m.name} ${m.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${m.name} ${m.type}`, ...m.lines());
    }
    return `${out.join("\n")}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
