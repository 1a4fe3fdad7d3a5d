import { describe, expect, it } from 'vitest';
import { formatCount, formatLatencyMs, formatRate, formatSimTime, formatSpeed } from './format';

describe('format', () => {
  it('writes simulated time in seconds with three decimals', () => {
    expect([0, 1, 12_345, 60_000, 0.4, -3].map(formatSimTime)).toEqual([
      '0.000 s',
      '0.001 s',
      '12.345 s',
      '60.000 s',
      '0.000 s',
      '0.000 s',
    ]);
  });

  it('groups thousands in counts', () => {
    expect([0, 999, 12_345, 1_000_000].map(formatCount)).toEqual(['0', '999', '12,345', '1,000,000']);
  });

  it('writes latencies with fewer decimals as they grow, and a dash before any sample', () => {
    expect(formatLatencyMs(3.456, 10)).toBe('3.46 ms');
    expect(formatLatencyMs(34.56, 10)).toBe('34.6 ms');
    expect(formatLatencyMs(345.6, 10)).toBe('346 ms');
    expect(formatLatencyMs(0, 0)).toBe('—');
    expect(formatLatencyMs(Number.NaN, 5)).toBe('—');
  });

  it('writes speeds as multipliers', () => {
    expect([0.1, 1, 10].map(formatSpeed)).toEqual(['0.1×', '1×', '10×']);
  });

  it('writes rates per simulated second, with a decimal only below 10', () => {
    expect([0, -1, Number.NaN, 0.44, 9.96, 298.7, 12_345].map(formatRate)).toEqual(['0/s', '0/s', '0/s', '0.4/s', '10.0/s', '299/s', '12,345/s']);
  });
});
