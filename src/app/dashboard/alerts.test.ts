import { describe, expect, it } from 'vitest';
import { dashboardSeries, evaluateAlerts } from './alerts';
import { applyDelta, EMPTY_TABLE } from '../insight/seriesTable';

function table(columns: string[], rows: number[][]) {
  const data = new Float64Array(rows.flat());
  return applyDelta(EMPTY_TABLE, { columns, intervalMs: 1000, fromIndex: 0, count: rows.length, data, markers: [], fresh: true });
}

describe('dashboard alerts', () => {
  const t = table(
    ['t', 'in/s', 'out/s', 'g:a:lagTotal', 'g:b:lagTotal', 'g:a:oldestMs', 'q:jobs:depth', 'q:jobs:oldestMs'],
    [
      [0, 100, 100, 0, 0, 0, 1, 50],
      [1000, 100, 90, 20, 5, 300, 2, 400],
      [2000, 100, 80, 60, 10, 900, 3, 100],
      [3000, 100, 70, 90, 20, 1500, NaN, 200],
    ],
  );

  it('sums lag over groups and queues, and takes the oldest age of all', () => {
    const series = dashboardSeries(t);
    expect(series.lag).toEqual([1, 27, 73, 110]);
    expect(series.oldestAgeMs).toEqual([50, 400, 900, 1500]);
  });

  it('fires above (or below) the threshold, since the first sample of the unbroken breach', () => {
    const series = dashboardSeries(t);
    expect(evaluateAlerts(t.values.get('t')!, series, { lag: 50, outPerSec: 95, oldestAgeMs: 2000 })).toEqual([
      { metric: 'lag', firing: true, sinceMs: 2000 },
      { metric: 'oldestAgeMs', firing: false, sinceMs: null },
      { metric: 'outPerSec', firing: true, sinceMs: 1000 },
    ]);
  });

  it('applies deltas: a re-sent sample replaces, a fresh delta forgets', () => {
    const more = applyDelta(t, { columns: null, intervalMs: 1000, fromIndex: 3, count: 2, data: new Float64Array([3000, 1, 1, 1, 1, 1, 1, 1, 4000, 2, 2, 2, 2, 2, 2, 2]), markers: [], fresh: false });
    expect(more.length).toBe(5);
    expect(more.values.get('t')).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(more.values.get('in/s')).toEqual([100, 100, 100, 1, 2]);
    expect(t.values.get('in/s')).toEqual([100, 100, 100, 100]);
    const fresh = applyDelta(more, { columns: ['t'], intervalMs: 500, fromIndex: 0, count: 1, data: new Float64Array([0]), markers: [], fresh: true });
    expect(fresh.columns).toEqual(['t']);
    expect(fresh.length).toBe(1);
  });
});
