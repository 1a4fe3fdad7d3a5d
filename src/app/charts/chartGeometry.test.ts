import { describe, expect, it } from 'vitest';
import { chartGeometry, formatSeconds, nearestIndex, tableRows } from './chartGeometry';
import { lagSkew, partitionLags } from './chartData';
import { applyDelta, EMPTY_TABLE } from '../insight/seriesTable';

describe('chart geometry', () => {
  const box = { width: 220, height: 120, marginLeft: 20, marginRight: 0, marginTop: 0, marginBottom: 20 };

  it('maps time to x across the plot and values to y from the bottom; NaN breaks the line', () => {
    const g = chartGeometry([0, 1000, 2000], [{ name: 'a', values: [0, 50, Number.NaN], colour: 'red' }], box, String, 100);
    expect(g.xs).toEqual([20, 120, 220]);
    expect(g.yOf(0)).toBe(100);
    expect(g.yOf(100)).toBe(0);
    expect(g.paths).toEqual(['M20,100L120,50']);
  });

  it('finds the sample nearest a pointer', () => {
    expect([0, 14, 16, 99, 500].map((px) => nearestIndex([0, 10, 20, 100], px))).toEqual([0, 1, 2, 3, 3]);
    expect(nearestIndex([], 5)).toBe(-1);
  });

  it('labels simulated time and spreads table rows evenly, the last included', () => {
    expect([500, 12_000, 150_000, 180_000].map(formatSeconds)).toEqual(['0.5 s', '12 s', '2 min 30 s', '3 min']);
    expect(tableRows(3, 10)).toEqual([0, 1, 2]);
    expect(tableRows(11, 3)).toEqual([0, 5, 10]);
  });
});

describe('chart data', () => {
  it('reads lag per partition of a group and how skewed it is', () => {
    const table = applyDelta(EMPTY_TABLE, {
      columns: ['t', 'g:g:lag:orders-0', 'g:g:lag:orders-1', 'g:g:lag:orders-2', 'g:h:lag:orders-0'],
      intervalMs: 100,
      fromIndex: 0,
      count: 2,
      data: new Float64Array([0, 0, 0, 0, 7, 100, 10, 10, 280, 9]),
      markers: [],
      fresh: true,
    });
    const lags = partitionLags(table, 'g');
    expect(lags.map((l) => [l.partition, l.latest, l.max])).toEqual([
      ['orders-0', 10, 10],
      ['orders-1', 10, 10],
      ['orders-2', 280, 280],
    ]);
    expect(lagSkew(lags)).toBeCloseTo(280 / 100);
  });
});
