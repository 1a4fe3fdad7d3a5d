import { InvariantError } from '../kernel/assert';
import type { Rng } from '../kernel/rng';

const MURMUR2_SEED = 0x9747b28c;
const MURMUR2_M = 0x5bd1e995;
const PARTITIONS_MAX = 0x7fffffff;

/**
 * Kafka's murmur2 (Utils.murmur2): a signed 32-bit hash of bytes, bit for bit what the Java
 * producer computes for a serialized key.
 */
export function murmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  let h = MURMUR2_SEED ^ length;
  const blocksEnd = length & ~3;
  for (let i = 0; i < blocksEnd; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, MURMUR2_M);
    k ^= k >>> 24;
    k = Math.imul(k, MURMUR2_M);
    h = Math.imul(h, MURMUR2_M);
    h ^= k;
  }
  // Java's switch falls through 3 → 2 → 1; the tsconfig forbids fall-through, so it is spelled as ifs.
  const tail = length & 3;
  if (tail === 3) h ^= bytes[blocksEnd + 2]! << 16;
  if (tail >= 2) h ^= bytes[blocksEnd + 1]! << 8;
  if (tail >= 1) {
    h ^= bytes[blocksEnd]!;
    h = Math.imul(h, MURMUR2_M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR2_M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * Kafka's Utils.toPositive: clears the sign bit. Not Math.abs: Math.abs(-973932308) % 3 = 2,
 * but Kafka sends key "21" to partition 0, and Math.abs(-2^31) would stay negative in Java.
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of s, as Kafka's StringSerializer writes a key. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * The partition Kafka's producer picks for a keyed record: toPositive(murmur2(keyBytes)) % numPartitions.
 * A string key is hashed as its UTF-8 bytes. Throws RangeError unless numPartitions is an integer in [1, 2^31-1].
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  requirePartitionCount(numPartitions);
  const bytes = typeof key === 'string' ? utf8(key) : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}

function requirePartitionCount(numPartitions: number): void {
  if (!Number.isInteger(numPartitions) || numPartitions < 1 || numPartitions > PARTITIONS_MAX) {
    throw new RangeError(`numPartitions must be an integer from 1 to ${PARTITIONS_MAX}, got ${numPartitions}`);
  }
}

/**
 * Where a producer sends records with a null key, per topic: Kafka's BuiltInPartitioner (KIP-794).
 *
 * Lifecycle: the first partition() call picks the sticky partition. Every appended record is
 * reported with onAppend(); once batchSizeBytes have gone to the sticky partition and its last
 * batch is full — or unconditionally once 2 × batchSizeBytes have — the next partition is picked
 * (possibly the same one again, as in Kafka).
 *
 * The pick is uniform over all partitions, or weighted towards short queues when the caller
 * supplies per-partition queue sizes (partitioner.adaptive.partitioning.enable, Kafka's default).
 * Partition availability (leaderless partitions, partitioner.availability.timeout.ms) is not
 * modelled here: the caller excludes nothing.
 */
export class StickyPartitioner {
  private numPartitions: number;
  private readonly batchSizeBytes: number;
  private readonly rng: Rng;
  private current = -1;
  private producedBytes = 0;
  // Cumulative frequency table of the adaptive weights, or null when there are no load stats.
  private cumulativeWeights: Float64Array | null = null;

  /**
   * numPartitions: the topic's partition count. batchSizeBytes: Kafka's batch.size, bytes (>= 1),
   * the sticky batch size after which the partition may switch. rng: the producer's own stream.
   */
  constructor(numPartitions: number, batchSizeBytes: number, rng: Rng) {
    requirePartitionCount(numPartitions);
    if (!Number.isInteger(batchSizeBytes) || batchSizeBytes < 1) {
      throw new RangeError(`batchSizeBytes must be an integer >= 1, got ${batchSizeBytes}`);
    }
    this.numPartitions = numPartitions;
    this.batchSizeBytes = batchSizeBytes;
    this.rng = rng;
  }

  /** The current sticky partition (picked on the first call). */
  partition(): number {
    if (this.current < 0) this.current = this.nextPartition();
    return this.current;
  }

  /**
   * Records that bytes were appended to the sticky partition; batchFull tells whether that
   * partition's last batch is now full (Kafka's allBatchesFull). May switch partitions.
   */
  onAppend(bytes: number, batchFull: boolean): void {
    if (this.current < 0) throw new InvariantError('StickyPartitioner.onAppend before partition(): nothing was appended to');
    if (!(bytes >= 0)) throw new InvariantError(`StickyPartitioner.onAppend: bytes must be >= 0, got ${bytes}`);
    this.producedBytes += bytes;
    const producedBytes = this.producedBytes;
    if ((producedBytes >= this.batchSizeBytes && batchFull) || producedBytes >= 2 * this.batchSizeBytes) {
      this.current = this.nextPartition();
      this.producedBytes = 0;
    }
  }

  /**
   * Supplies the number of batches queued per partition (length numPartitions, integers >= 0),
   * or null for none. As in Kafka, fewer than 2 partitions or all sizes equal means no load
   * stats; otherwise partition i gets weight (maxQueueSize + 1) - queueSize[i].
   */
  setQueueSizes(sizes: ArrayLike<number> | null): void {
    if (sizes === null) {
      this.cumulativeWeights = null;
      return;
    }
    if (sizes.length !== this.numPartitions) {
      throw new InvariantError(`setQueueSizes: expected ${this.numPartitions} queue sizes, got ${sizes.length}`);
    }
    let maxSize = 0;
    let allEqual = true;
    for (let i = 0; i < sizes.length; i++) {
      const size = sizes[i]!;
      if (!Number.isInteger(size) || size < 0) throw new InvariantError(`queue size of partition ${i} must be an integer >= 0, got ${size}`);
      if (size !== sizes[0]) allEqual = false;
      if (size > maxSize) maxSize = size;
    }
    if (sizes.length < 2 || allEqual) {
      this.cumulativeWeights = null;
      return;
    }
    const cumulative = new Float64Array(sizes.length);
    let total = 0;
    for (let i = 0; i < sizes.length; i++) {
      total += maxSize + 1 - sizes[i]!;
      cumulative[i] = total;
    }
    this.cumulativeWeights = cumulative;
  }

  /**
   * Changes the partition count (a topic grew). Drops the load stats, which described the old
   * partitions; a sticky partition that no longer exists is re-picked on the next partition().
   */
  resize(numPartitions: number): void {
    requirePartitionCount(numPartitions);
    this.numPartitions = numPartitions;
    this.cumulativeWeights = null;
    if (this.current >= numPartitions) {
      this.current = -1;
      this.producedBytes = 0;
    }
  }

  private nextPartition(): number {
    const cumulative = this.cumulativeWeights;
    if (cumulative === null) return this.rng.nextInt(this.numPartitions);
    const drawn = this.rng.nextInt(cumulative[cumulative.length - 1]!);
    // First index whose cumulative weight is strictly greater than the draw: with weights 4 1 3
    // (table 4 5 8), draws 0–3 pick partition 0, 4 picks 1 and 5–7 pick 2, as in Kafka.
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > drawn) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
