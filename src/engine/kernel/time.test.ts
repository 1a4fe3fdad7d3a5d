import { describe, expect, it } from 'vitest';
import { msToUs, usToMs } from './time';

describe('time', () => {
  it('converts ms to the nearest integer µs', () => {
    expect([0, 1, 0.0004, 0.0005, 1.2345, 2.5e-3, 60000].map(msToUs)).toEqual([0, 1000, 0, 1, 1235, 3, 60_000_000]);
    // 0.1 ms is not exact in binary; rounding must still land on 100 µs.
    expect(msToUs(0.1)).toBe(100);
  });

  it('converts µs back to ms', () => {
    expect([0, 1, 1500, 60_000_000].map(usToMs)).toEqual([0, 0.001, 1.5, 60000]);
  });
});
