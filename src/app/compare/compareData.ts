/** What a comparison shows: overlaid lines and the table of metric differences. Pure. */
import type { Metrics } from '../../engine';
import type { ChartLine } from '../charts/chartGeometry';
import { columnOf, type SeriesTable } from '../insight/seriesTable';
import type { MetricDifference } from './scenarioPatch';

/** One column of both runs: the baseline solid, the variant dashed (both runs sample the same instants). */
export function overlay(baseline: SeriesTable, variant: SeriesTable, column: string, baselineName: string, variantName: string): ChartLine[] {
  return [
    { name: baselineName, values: columnOf(baseline, column), colour: 'var(--chart-in)' },
    { name: variantName, values: columnOf(variant, column).slice(0, baseline.length), colour: 'var(--chart-hot)', dashed: true },
  ];
}

const ROWS: [string, (m: Metrics) => number][] = [
  ['Produced', (m) => m.produced],
  ['Acknowledged', (m) => m.acknowledged],
  ['Processed', (m) => m.processed],
  ['Lag (total)', (m) => m.lag.total],
  ['Lag (largest partition)', (m) => m.lag.max],
  ['Latency p50 (ms)', (m) => m.latencyMs.p50],
  ['Latency p99 (ms)', (m) => m.latencyMs.p99],
  ['Rebalances', (m) => m.rebalances.count],
  ['Partition pause (ms)', (m) => m.rebalances.totalPauseMs],
  ['Redelivered', (m) => m.redelivered],
  ['Duplicates', (m) => m.duplicates],
  ['Dead-lettered', (m) => m.deadLettered],
  ['Lost', (m) => m.lost],
];

export function compareMetrics(baseline: Metrics, variant: Metrics): MetricDifference[] {
  return ROWS.map(([label, read]) => {
    const a = read(baseline);
    const b = read(variant);
    return { label, baseline: a, variant: b, difference: b - a, relative: a === 0 ? null : (b - a) / a };
  });
}
