import { describe, expect, it } from 'vitest';
import { capacity, formatBytes } from './capacity';

describe('capacity calculator', () => {
  it('sizes a 2,000 records/s topic of 1 KiB records kept 7 days, three copies', () => {
    const out = capacity({ ratePerSec: 2000, recordSizeBytes: 1024, retentionDays: 7, replicationFactor: 3, perConsumerPerSec: 250, peakFactor: 1.5, latencyMs: 40 });
    expect(out).toEqual({
      ingressBytesPerSec: 2_048_000,
      storageBytes: 2_048_000 * 7 * 86_400 * 3,
      // 3,000/s at the peak ÷ 250/s per consumer = 12 consumers, so at least 12 partitions.
      partitionsMin: 12,
      // Little's law: 2,000/s × 0.04 s = 80 records in flight.
      inFlightRecords: 80,
    });
    expect(formatBytes(out.storageBytes)).toBe('3.4 TiB');
  });

  it('rounds partitions up and never below one', () => {
    expect(capacity({ ratePerSec: 251, recordSizeBytes: 1, retentionDays: 1, replicationFactor: 1, perConsumerPerSec: 250, peakFactor: 1, latencyMs: 0 }).partitionsMin).toBe(2);
    expect(capacity({ ratePerSec: 0, recordSizeBytes: 1, retentionDays: 1, replicationFactor: 1, perConsumerPerSec: 250, peakFactor: 1, latencyMs: 0 }).partitionsMin).toBe(1);
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});
