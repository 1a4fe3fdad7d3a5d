/**
 * The pure part of "many seeds": which seeds a run uses, and each metric's and each sample's
 * spread across them. The statistics are the CLI's (`--seeds N`), imported so both agree.
 */
import type { Metrics } from '../../engine';
import { spreadOf, spreadTable, type Spread } from '../../cli/seedSpread';
import { columnOf, type SeriesTable } from '../insight/seriesTable';

export { spreadTable, type Spread };

/** Fewest and most seeds the panel runs: each is a worker's full run, so 50 bounds the wait. */
export const SEEDS_MIN = 1;
export const SEEDS_MAX = 50;
/** What the panel offers before the learner picks: issue 11 asks for 10. */
export const SEEDS_DEFAULT = 10;

/** `count` consecutive seeds from `first`, wrapping at 2^32 like the engine's seed (and the CLI). */
export function seedList(first: number, count: number): number[] {
  if (!Number.isInteger(count) || count < SEEDS_MIN || count > SEEDS_MAX) throw new Error(`seed count must be a whole number from ${SEEDS_MIN} to ${SEEDS_MAX}, got ${count}`);
  if (!Number.isInteger(first) || first < 0 || first >= 2 ** 32) throw new Error(`first seed must be an integer from 0 to 4294967295, got ${first}`);
  return Array.from({ length: count }, (_, i) => (first + i) % 2 ** 32);
}

/** One column's median, min and max at each sample instant across runs. */
export interface Band {
  /** Simulated time of each sample, ms. */
  timesMs: number[];
  median: number[];
  min: number[];
  max: number[];
}

/**
 * The band of one column across runs. Every run samples the same instants, but a run that ended
 * early (a shorter scenario cannot happen here, a failed one can) has fewer samples: the band
 * stops where the shortest run stops, so each point summarises every seed. NaN samples (a column
 * that did not exist yet) are left out of that instant's spread; an instant with none stays NaN.
 */
export function bandOf(tables: readonly SeriesTable[], column: string): Band {
  const band: Band = { timesMs: [], median: [], min: [], max: [] };
  const first = tables[0];
  if (!first) return band;
  const length = Math.min(...tables.map((t) => t.length));
  const times = columnOf(first, 't');
  const columns = tables.map((t) => columnOf(t, column));
  for (let i = 0; i < length; i++) {
    const values = columns.map((c) => c[i]!).filter((v) => Number.isFinite(v));
    const spread = values.length > 0 ? spreadOf(values) : { median: Number.NaN, min: Number.NaN, max: Number.NaN };
    band.timesMs.push(times[i]!);
    band.median.push(spread.median);
    band.min.push(spread.min);
    band.max.push(spread.max);
  }
  return band;
}

/** A metric's spread as a table row: what is chance (a wide range) and what is design (none). */
export interface SpreadRow extends Spread {
  metric: string;
}

export function spreadRows(runs: readonly Metrics[]): SpreadRow[] {
  return Object.entries(spreadTable(runs)).map(([metric, spread]) => ({ metric, ...spread }));
}
