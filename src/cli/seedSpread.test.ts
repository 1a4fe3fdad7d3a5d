import { describe, expect, it } from 'vitest';
import { formatSpreadTable, spreadOf } from './seedSpread';

describe('spread over seeds', () => {
  it('takes the median, minimum and maximum', () => {
    expect(spreadOf([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(spreadOf([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10 });
    expect(() => spreadOf([])).toThrow('at least one value');
  });

  it('prints an aligned table', () => {
    const table = formatSpreadTable('hot key', [1, 2, 3], { lost: { median: 0, min: 0, max: 0 }, 'lag max': { median: 1234.5, min: 900, max: 2000 } });
    expect(table.split('\n')).toEqual([
      'hot key: 3 seeds (1 to 3)',
      '  metric     median         range',
      '  lost            0         0 … 0',
      '  lag max   1,234.5   900 … 2,000',
    ]);
  });
});
