import { describe, expect, it } from 'vitest';
import { TimelineCheckpoints } from './driverCheckpoints';
import { createInsightRecorder } from './insightRecorder';
import type { Simulation, SimulationCheckpoint } from '../engine';

function fakeCheckpoint(timeMs: number, approxBytes = 1_000): SimulationCheckpoint {
  return { timeMs, events: timeMs, approxBytes, restore: () => ({}) as Simulation };
}

const insight = createInsightRecorder(100).save();

function filled(limits: { countMax: number; bytesMax?: number; recentMs: number }, times: number[], bytes = 1_000): TimelineCheckpoints {
  const ring = new TimelineCheckpoints({ intervalMs: 1_000, bytesMax: 1e12, ...limits });
  for (const timeMs of times) ring.add({ timeMs, sim: fakeCheckpoint(timeMs, bytes), insight });
  return ring;
}

const seconds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (from + i) * 1_000);

describe('TimelineCheckpoints', () => {
  it('puts boundaries at the positive multiples of the interval', () => {
    const ring = filled({ countMax: 10, recentMs: 0 }, []);
    expect([0, 999.5, 1_000, 1_500].map((t) => ring.nextBoundaryMs(t))).toEqual([1_000, 1_000, 2_000, 2_000]);
  });

  it('finds the latest checkpoint at or before a time, and forgets those from a fork on', () => {
    const ring = filled({ countMax: 10, recentMs: 0 }, [3_000, 1_000, 2_000]);
    expect(ring.times()).toEqual([1_000, 2_000, 3_000]);
    expect(ring.latestAtOrBefore(999)).toBeUndefined();
    expect(ring.latestAtOrBefore(2_000)?.timeMs).toBe(2_000);
    expect(ring.latestAtOrBefore(2_999)?.timeMs).toBe(2_000);
    expect(ring.discardFrom(2_000)).toBe(2);
    expect(ring.times()).toEqual([1_000]);
    expect(ring.totalBytes).toBe(1_000 + insight.rows.length * 8);
    expect(() => ring.add({ timeMs: 1_000, sim: fakeCheckpoint(1_000), insight })).toThrow('a checkpoint at 1000 ms is already kept');
  });

  it('keeps the recent window at every interval and thins older history gradually when over countMax', () => {
    const ring = filled({ countMax: 14, recentMs: 8_000 }, seconds(1, 40));
    expect(ring.count).toBe(14);
    const times = ring.times();
    // The last 8 s (and the newest) at every second:
    expect(times.slice(-9)).toEqual(seconds(32, 40));
    // Older ones spread out, never closer together than the recent ones, the first one kept.
    expect(times[0]).toBe(1_000);
    const gaps = times.slice(1, -8).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(16_000);
  });

  it('thins by bytes too, dropping the oldest when every checkpoint is recent', () => {
    const ring = filled({ countMax: 100, bytesMax: 5_500, recentMs: 1e9 }, seconds(1, 10), 1_000);
    expect(ring.times()).toEqual(seconds(6, 10));
    expect(ring.totalBytes).toBeLessThanOrEqual(5_500);
  });
});
