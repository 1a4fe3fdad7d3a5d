import { describe, expect, it } from 'vitest';
import { checkpointBytesMaxFor, newCheckpoints } from './driverSeek';
import { DEFAULT_DRIVER_OPTIONS } from './driver';

const MiB = 1024 * 1024;

describe('checkpoint memory budget', () => {
  it('is checkpointBytesMax when the device memory is unknown or large, and 1/16 of a small device', () => {
    const budget = (deviceMemoryGb: number | null) => checkpointBytesMaxFor({ checkpointBytesMax: 448 * MiB, deviceMemoryGb }) / MiB;
    expect([null, 0, Number.NaN, 8, 4, 2, 0.5].map(budget)).toEqual([448, 448, 448, 448, 256, 128, 32]);
  });

  it('reaches the timeline store the driver creates, or none when checkpoints are off', () => {
    expect(newCheckpoints({ ...DEFAULT_DRIVER_OPTIONS, deviceMemoryGb: 2 })?.limits).toEqual({ intervalMs: 10_000, countMax: 72, bytesMax: 128 * MiB, recentMs: 600_000 });
    expect(newCheckpoints({ ...DEFAULT_DRIVER_OPTIONS, checkpointIntervalMs: 0 })).toBeNull();
  });
});
