import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../../engine';
import { getBuiltin } from '../../content/builtins';
import { EMPTY_TABLE, type SeriesTable } from '../insight/seriesTable';
import { bandOf, seedList, spreadRows, SEEDS_MAX } from './seedBand';

function table(times: number[], lag: number[]): SeriesTable {
  return { ...EMPTY_TABLE, columns: ['t', 'lag'], values: new Map([['t', times], ['lag', lag]]), length: times.length };
}

describe('seedList', () => {
  it('counts up from the first seed and wraps at 2^32 like the CLI', () => {
    expect(seedList(7, 3)).toEqual([7, 8, 9]);
    expect(seedList(2 ** 32 - 2, 4)).toEqual([4294967294, 4294967295, 0, 1]);
  });

  it('refuses counts outside 1–50 and seeds outside 32 bits, naming the limit', () => {
    expect(() => seedList(1, 0)).toThrow('from 1 to 50, got 0');
    expect(() => seedList(1, SEEDS_MAX + 1)).toThrow('from 1 to 50, got 51');
    expect(() => seedList(1, 2.5)).toThrow('got 2.5');
    expect(() => seedList(-1, 3)).toThrow('0 to 4294967295, got -1');
    expect(() => seedList(2 ** 32, 3)).toThrow('got 4294967296');
  });
});

describe('bandOf', () => {
  it('gives the median, min and max at each instant, stopping at the shortest run', () => {
    const band = bandOf([table([0, 100, 200], [1, 10, 5]), table([0, 100, 200], [3, 2, 9]), table([0, 100], [2, 6])], 'lag');
    expect(band).toEqual({ timesMs: [0, 100], median: [2, 6], min: [1, 2], max: [3, 10] });
  });

  it('takes the mean of the middle two for an even number of seeds', () => {
    expect(bandOf([table([0], [4]), table([0], [1]), table([0], [3]), table([0], [10])], 'lag').median).toEqual([3.5]);
  });

  it('leaves out NaN samples, and stays NaN where every run has none', () => {
    const band = bandOf([table([0, 100], [Number.NaN, 4]), table([0, 100], [Number.NaN, Number.NaN]), table([0, 100], [Number.NaN, 8])], 'lag');
    expect(band.median).toEqual([Number.NaN, 6]);
    expect(band.min).toEqual([Number.NaN, 4]);
    expect(band.max).toEqual([Number.NaN, 8]);
  });

  it('is empty with no runs, and NaN for a column no run has', () => {
    expect(bandOf([], 'lag')).toEqual({ timesMs: [], median: [], min: [], max: [] });
    expect(bandOf([table([0], [1])], 'p99').median).toEqual([Number.NaN]);
  });
});

describe('spreadRows', () => {
  it('summarises real runs over seeds, metric by metric in the CLI order', () => {
    const parsed = parseScenario(getBuiltin('slow-consumer')!.json);
    if (!parsed.ok) throw new Error('slow-consumer does not parse');
    const runs = seedList(1, 5).map((seed) => {
      const sim = createSimulation(parsed.scenario, { seed });
      sim.runUntil(5_000);
      return sim.metrics();
    });
    const rows = spreadRows(runs);
    expect(rows.map((r) => r.metric)).toEqual(['produced', 'processed', 'duplicates', 'redelivered', 'lost', 'dead-lettered', 'lag total', 'lag max', 'latency mean (ms)', 'latency p50 (ms)', 'latency p99 (ms)', 'rebalances', 'rebalance pause (ms)']);
    const produced = runs.map((m) => m.produced).sort((a, b) => a - b);
    expect(rows[0]).toEqual({ metric: 'produced', median: produced[2], min: produced[0], max: produced[4] });
    const lag = runs.map((m) => m.lag.total).sort((a, b) => a - b);
    expect(rows.find((r) => r.metric === 'lag total')).toEqual({ metric: 'lag total', median: lag[2], min: lag[0], max: lag[4] });
    for (const row of rows) expect(row.min <= row.median && row.median <= row.max, row.metric).toBe(true);
  });
});
