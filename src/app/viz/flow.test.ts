import { describe, expect, it } from 'vitest';
import { DOT_SPACING_MIN_PX, dotOffsetPx, dotSpacingPx, drawTimeMs, flowWidthPx, recordsPerDot } from './flow';

describe('flow dots', () => {
  it('one dot per record while the busiest edge is slow; round counts as it gets busier or faster', () => {
    expect([1, 5, 300, 10_000].map((rate) => recordsPerDot(rate, 1))).toEqual([1, 1, 100, 2_000]);
    expect(recordsPerDot(300, 10)).toBe(1_000);
    expect(recordsPerDot(300, 0.1)).toBe(10);
  });

  it('spaces dots by rate, never closer than the minimum, and shows none for a standstill', () => {
    expect(dotSpacingPx(90, 1, 1)).toBe(DOT_SPACING_MIN_PX); // 1 px apart would be a line
    expect(dotSpacingPx(1, 1, 1)).toBe(90);
    expect(dotSpacingPx(50, 100, 1)).toBe(180);
    expect(dotSpacingPx(0, 1, 1)).toBeNull();
    expect(dotSpacingPx(0.001, 1, 1)).toBeNull(); // one dot per 90,000 px: nothing to see
  });

  it('places dots by simulated time alone: the same time, the same place', () => {
    expect(dotOffsetPx(0, 1, 90)).toBe(-0);
    expect(dotOffsetPx(500, 1, 90)).toBe(-45);
    expect(dotOffsetPx(1_500, 1, 90)).toBe(-45);
    expect(dotOffsetPx(5_000, 10, 90)).toBe(-45);
  });

  it('widths grow with the log of the rate and stay bounded', () => {
    expect(flowWidthPx(0)).toBe(1);
    expect(flowWidthPx(9)).toBeCloseTo(3.5);
    expect(flowWidthPx(1e9)).toBe(10);
  });

  it('carries the frame time forward while playing, by at most aheadMsMax of real time', () => {
    expect(drawTimeMs(1_000, 50, 66, 2, true)).toBe(1_032);
    expect(drawTimeMs(1_000, 50, 5_000, 2, true)).toBe(1_200);
    expect(drawTimeMs(1_000, 50, 5_000, 2, false)).toBe(1_000);
  });
});
