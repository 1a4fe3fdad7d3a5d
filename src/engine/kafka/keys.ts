import { InvariantError, LimitError } from '../kernel/assert';
import type { Rng } from '../kernel/rng';
import { partitionForKey } from './partitioner';

const KEY_COUNT_MAX = 1_000_000;

/** How a producer picks record keys; keys are named "k-0" … "k-{count-1}". */
export type KeySpec =
  /** Every record has a null key: the sticky partitioner places it. */
  | { distribution: 'none' }
  /** Keys drawn uniformly from count keys. */
  | { distribution: 'uniform'; count: number }
  /** Key of rank r (1…count, rank 1 = k-0) drawn with probability ∝ 1/r^skew (skew >= 0). */
  | { distribution: 'zipf'; count: number; skew: number }
  /** With probability hotShare (0…1) hotKey, otherwise a key drawn uniformly from count keys. */
  | { distribution: 'hot'; count: number; hotKey: string; hotShare: number };

/** Draws a producer's keys and knows where Kafka would partition them. */
export interface KeySampler {
  /** Draws the next key index; -1 means a null key. */
  next(): number;
  /** The key's name ("k-0" … "k-{count-1}", or the hot key's own name). */
  keyName(index: number): string;
  /** Partition of key index under Kafka's partitioner, cached per partition count. */
  partitionOf(index: number, numPartitions: number): number;
  /** Number of distinct key indices next() can return (0 for null keys). */
  readonly keyCount: number;
}

/**
 * Creates the sampler for spec, drawing from rng. Throws RangeError for parameters out of range
 * and LimitError('keyCountMax', 1000000, …) for too many keys.
 */
export function createKeySampler(spec: KeySpec, rng: Rng): KeySampler {
  switch (spec.distribution) {
    case 'none':
      return new Sampler(Mode.none, rng, 0, null, 0, -1, '');
    case 'uniform':
      requireKeyCount(spec.count, 'uniform');
      return new Sampler(Mode.uniform, rng, spec.count, null, 0, -1, '');
    case 'zipf':
      requireKeyCount(spec.count, 'zipf');
      if (!(spec.skew >= 0 && Number.isFinite(spec.skew))) throw new RangeError(`zipf.skew must be a finite number >= 0, got ${spec.skew}`);
      return new Sampler(Mode.zipf, rng, spec.count, zipfCdf(spec.count, spec.skew), 0, -1, '');
    case 'hot': {
      requireKeyCount(spec.count, 'hot');
      if (!(spec.hotShare >= 0 && spec.hotShare <= 1)) throw new RangeError(`hot.hotShare must be a number from 0 to 1, got ${spec.hotShare}`);
      const ownIndex = plainKeyIndex(spec.hotKey);
      // A hot key that is one of the count keys shares its index; any other name is one extra key.
      const hotIndex = ownIndex >= 0 && ownIndex < spec.count ? ownIndex : spec.count;
      return new Sampler(Mode.hot, rng, spec.count, null, spec.hotShare, hotIndex, spec.hotKey);
    }
  }
}

// Which distribution a Sampler draws from; a number so next() is one switch over small integers.
const Mode = { none: 0, uniform: 1, zipf: 2, hot: 3 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

// One class for every distribution keeps next() call sites monomorphic across producers.
class Sampler implements KeySampler {
  readonly keyCount: number;
  private readonly mode: Mode;
  private readonly rng: Rng;
  private readonly count: number;
  private readonly cdf: Float64Array | null;
  private readonly hotShare: number;
  private readonly hotIndex: number;
  private readonly hotKey: string;
  private partitionCache: Int32Array = new Int32Array(0);
  private partitionCacheCount = 0;

  constructor(mode: Mode, rng: Rng, count: number, cdf: Float64Array | null, hotShare: number, hotIndex: number, hotKey: string) {
    this.mode = mode;
    this.rng = rng;
    this.count = count;
    this.cdf = cdf;
    this.hotShare = hotShare;
    this.hotIndex = hotIndex;
    this.hotKey = hotKey;
    this.keyCount = mode === Mode.none ? 0 : hotIndex === count ? count + 1 : count;
  }

  next(): number {
    switch (this.mode) {
      case Mode.none:
        return -1;
      case Mode.uniform:
        return this.rng.nextInt(this.count);
      case Mode.zipf:
        return firstAbove(this.cdf!, this.rng.nextFloat());
      case Mode.hot:
        return this.rng.nextFloat() < this.hotShare ? this.hotIndex : this.rng.nextInt(this.count);
    }
  }

  keyName(index: number): string {
    if (!(Number.isInteger(index) && index >= 0 && index < this.keyCount)) {
      throw new InvariantError(`key index ${index} is not in [0, ${this.keyCount})`);
    }
    return index === this.hotIndex ? this.hotKey : `k-${index}`;
  }

  partitionOf(index: number, numPartitions: number): number {
    if (numPartitions !== this.partitionCacheCount) this.resetPartitionCache(numPartitions);
    const cached = this.partitionCache[index];
    if (cached !== undefined && cached >= 0) return cached;
    // keyName rejects an index outside the cache before anything is written.
    const partition = partitionForKey(this.keyName(index), numPartitions);
    this.partitionCache[index] = partition;
    return partition;
  }

  private resetPartitionCache(numPartitions: number): void {
    if (!Number.isInteger(numPartitions) || numPartitions < 1) {
      throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
    }
    // Filled lazily: a run may touch few of a million keys, and hashing all up front would stall it.
    this.partitionCache = new Int32Array(this.keyCount).fill(-1);
    this.partitionCacheCount = numPartitions;
  }
}

function requireKeyCount(count: number, distribution: string): void {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`${distribution}.count must be an integer >= 1, got ${count}`);
  if (count > KEY_COUNT_MAX) throw new LimitError('keyCountMax', KEY_COUNT_MAX, `${distribution}.count is ${count}`);
}

// The index of "k-<i>" written canonically ("k-7", not "k-07"), or -1 for any other name.
function plainKeyIndex(name: string): number {
  const match = /^k-(0|[1-9][0-9]{0,15})$/.exec(name);
  return match === null ? -1 : Number(match[1]);
}

function zipfCdf(count: number, skew: number): Float64Array {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let rank = 1; rank <= count; rank++) {
    total += 1 / rank ** skew;
    cdf[rank - 1] = total;
  }
  for (let i = 0; i < count; i++) cdf[i] = cdf[i]! / total;
  // Rounding may leave the last entry a hair below 1, where a draw of 0.9999… would find nothing.
  cdf[count - 1] = 1;
  return cdf;
}

// First index whose cumulative probability is strictly greater than u (u in [0, 1)).
function firstAbove(cdf: Float64Array, u: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cdf[mid]! > u) high = mid;
    else low = mid + 1;
  }
  return low;
}
