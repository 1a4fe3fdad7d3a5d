import { describe, expect, it } from 'vitest';
import { RATE_SMOOTHING_MS, rateSmoother } from './rates';

describe('rateSmoother', () => {
  it('starts something new at its instant rate, per simulated second', () => {
    const smooth = rateSmoother(250);
    expect(smooth(undefined, 5)).toBe(20);
  });

  it('moves an old rate toward the instant one by 1 - e^(-dt/τ)', () => {
    const weight = 1 - Math.exp(-500 / RATE_SMOOTHING_MS);
    const smooth = rateSmoother(500);
    expect(smooth(10, 15)).toBeCloseTo(10 + weight * (30 - 10), 12);
    // One time constant in a single frame covers 1 - 1/e of the gap.
    expect(rateSmoother(RATE_SMOOTHING_MS)(0, 100)).toBeCloseTo(100 * (1 - Math.exp(-1)), 12);
  });

  it('counts a counter going backwards as nothing added', () => {
    const smooth = rateSmoother(1_000);
    expect(smooth(undefined, -7)).toBe(0);
    expect(smooth(8, -7)).toBeCloseTo(8 * Math.exp(-1), 12);
  });
});
