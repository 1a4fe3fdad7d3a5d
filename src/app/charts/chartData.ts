/**
 * Which lines each chart draws, from the sample table: pure, so every chart's content is tested
 * without a browser, and memoised by the views on the table's identity.
 */
import { columnOf, columnsWith, type SeriesTable } from '../insight/seriesTable';
import type { ChartLine } from './chartGeometry';

const IN = 'var(--chart-in)';
const OUT = 'var(--chart-out)';
const HOT = 'var(--chart-hot)';

/** One partition's lag for the small multiples. */
export interface PartitionLagSeries {
  /** "orders-3" */
  partition: string;
  values: readonly number[];
  latest: number;
  max: number;
}

/** Lag per partition of one group, in partition order. */
export function partitionLags(table: SeriesTable, group: string): PartitionLagSeries[] {
  const prefix = `g:${group}:lag:`;
  return columnsWith(table, prefix).map((name) => {
    const values = columnOf(table, name);
    let max = 0;
    for (const v of values) if (Number.isFinite(v) && v > max) max = v;
    const last = values.length > 0 ? values[values.length - 1]! : Number.NaN;
    return { partition: name.slice(prefix.length), values, latest: Number.isFinite(last) ? last : 0, max };
  });
}

/**
 * How uneven the lag is now: the largest partition's lag over the mean (1 = even; 12 partitions
 * with all the lag on one = 12). NaN with no lag at all.
 */
export function lagSkew(lags: readonly PartitionLagSeries[]): number {
  const total = lags.reduce((sum, l) => sum + l.latest, 0);
  if (lags.length === 0 || total <= 0) return Number.NaN;
  return Math.max(...lags.map((l) => l.latest)) / (total / lags.length);
}

export function totalLagLines(table: SeriesTable, groups: readonly string[]): ChartLine[] {
  const colours = [IN, OUT, HOT, 'var(--chart-4)'];
  return groups.map((g, i) => ({ name: `lag ${g}`, values: columnOf(table, `g:${g}:lagTotal`), colour: colours[i % colours.length]! }));
}

export function throughputLines(table: SeriesTable): ChartLine[] {
  return [
    { name: 'in (produced/s)', values: columnOf(table, 'in/s'), colour: IN },
    { name: 'out (processed/s)', values: columnOf(table, 'out/s'), colour: OUT },
  ];
}

export function latencyLines(table: SeriesTable): ChartLine[] {
  return [
    { name: 'p50', values: columnOf(table, 'p50'), colour: IN },
    { name: 'p99', values: columnOf(table, 'p99'), colour: HOT },
  ];
}

export function retryLines(table: SeriesTable): ChartLine[] {
  return [{ name: 'retries/s', values: columnOf(table, 'retries/s'), colour: HOT }];
}

export function deadLetterLines(table: SeriesTable): ChartLine[] {
  return [
    { name: 'dead-lettered', values: columnOf(table, 'dlq'), colour: HOT },
    { name: 'lost', values: columnOf(table, 'lost'), colour: 'var(--chart-4)', dashed: true },
  ];
}

export function utilisationLines(table: SeriesTable, group: string): ChartLine[] {
  return [
    { name: 'mean', values: columnOf(table, `g:${group}:util`), colour: OUT },
    { name: 'busiest consumer', values: columnOf(table, `g:${group}:utilMax`), colour: HOT, dashed: true },
  ];
}

/** Queue-style brokers: depth per queue. */
export function queueDepthLines(table: SeriesTable): ChartLine[] {
  const colours = [IN, OUT, HOT, 'var(--chart-4)'];
  return columnsWith(table, 'q:')
    .filter((name) => name.endsWith(':depth'))
    .map((name, i) => ({ name: name.slice(2, -':depth'.length), values: columnOf(table, name), colour: colours[i % colours.length]! }));
}
