import fc from 'fast-check';
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
    expect([-1_234, 1_234.5, 999.5, -0.2].map(formatCount)).toEqual(['-1,234', '1,235', '1,000', '0']);
  });

  it('writes counts exactly as en-US Intl.NumberFormat would (whole numbers, half away from zero)', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e15 }), fc.double({ min: 0, max: 1e15, noNaN: true })), (count) => {
        expect(formatCount(count)).toBe(intl.format(count));
      }),
      { numRuns: 5_000 },
    );
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
