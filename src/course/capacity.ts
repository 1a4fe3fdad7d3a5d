/**
 * The back-pressure chapter's capacity calculator: from a workload to partitions and storage,
 * with Little's law for what is in flight. Pure, so it is tested like the engine.
 */

export interface CapacityInput {
  /** Records produced per second, on average. */
  ratePerSec: number;
  /** Average record size, bytes. */
  recordSizeBytes: number;
  /** How long the topic keeps records, days. */
  retentionDays: number;
  /** Copies of each partition. */
  replicationFactor: number;
  /** Records one consumer processes per second (1000 ÷ processing time in ms). */
  perConsumerPerSec: number;
  /** Peak rate ÷ average rate: partitions are sized for the peak. */
  peakFactor: number;
  /** Average time a record spends from send to processed, ms (for Little's law). */
  latencyMs: number;
}

export interface CapacityOutput {
  /** Bytes written per second by producers, before replication. */
  ingressBytesPerSec: number;
  /** Disk the topic needs across the cluster, bytes: rate × size × retention × replication. */
  storageBytes: number;
  /** Consumers needed at the peak, and so the fewest partitions (one partition feeds at most one consumer of a group). */
  partitionsMin: number;
  /** Records in the system at any moment, by Little's law L = λ·W. */
  inFlightRecords: number;
}

const SECONDS_PER_DAY = 86_400;

export function capacity(input: CapacityInput): CapacityOutput {
  const { ratePerSec, recordSizeBytes, retentionDays, replicationFactor, perConsumerPerSec, peakFactor, latencyMs } = input;
  const ingressBytesPerSec = ratePerSec * recordSizeBytes;
  return {
    ingressBytesPerSec,
    storageBytes: ingressBytesPerSec * retentionDays * SECONDS_PER_DAY * replicationFactor,
    partitionsMin: perConsumerPerSec > 0 ? Math.max(1, Math.ceil((ratePerSec * peakFactor) / perConsumerPerSec)) : Infinity,
    inFlightRecords: ratePerSec * (latencyMs / 1000),
  };
}

/** Bytes in the largest binary unit that keeps the number ≥ 1, e.g. 1_500_000 → "1.4 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}
