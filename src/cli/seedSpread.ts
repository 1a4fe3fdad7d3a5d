import type { Metrics } from '../engine';

/** The metrics whose spread over seeds `--seeds N` reports, with how to read each from a run. */
export const SPREAD_METRICS: [name: string, read: (m: Metrics) => number][] = [
  ['produced', (m) => m.produced],
  ['processed', (m) => m.processed],
  ['duplicates', (m) => m.duplicates],
  ['redelivered', (m) => m.redelivered],
  ['lost', (m) => m.lost],
  ['dead-lettered', (m) => m.deadLettered],
  ['lag total', (m) => m.lag.total],
  ['lag max', (m) => m.lag.max],
  ['latency mean (ms)', (m) => m.latencyMs.mean],
  ['latency p50 (ms)', (m) => m.latencyMs.p50],
  ['latency p99 (ms)', (m) => m.latencyMs.p99],
  ['rebalances', (m) => m.rebalances.count],
  ['rebalance pause (ms)', (m) => m.rebalances.totalPauseMs],
];

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the middle two for an even count), minimum and maximum. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spreadOf needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** Each metric's spread over the runs, by metric name. */
export function spreadTable(runs: readonly Metrics[]): Record<string, Spread> {
  return Object.fromEntries(SPREAD_METRICS.map(([name, read]) => [name, spreadOf(runs.map(read))]));
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The spread as an aligned table: what is chance (a wide range) and what is design (a narrow one). */
export function formatSpreadTable(title: string, seeds: readonly number[], spread: Record<string, Spread>): string {
  const rows = Object.entries(spread).map(([name, s]) => [name, fmt(s.median), `${fmt(s.min)} … ${fmt(s.max)}`]);
  const header = ['metric', 'median', 'range'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')}`;
  return [`${title}: ${seeds.length} seeds (${seeds[0]} to ${seeds.at(-1)})`, line(header), ...rows.map(line)].join('\n');
}
