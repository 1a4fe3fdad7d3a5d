/**
 * Latency histogram in fixed memory: log-linear buckets (HdrHistogram's layout) over integer
 * microseconds. Each power of two is split into `SUB_BUCKETS` equal buckets, so any recorded
 * value is reported within 1/SUB_BUCKETS (< 0.8 %) of itself, and the array never grows.
 * The mean is exact: it comes from a running sum, not from the buckets.
 */
const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS; // 128
/** Values up to 2^40 µs (~12.7 days) are bucketed exactly; larger ones land in the last bucket. */
const MAX_EXPONENT = 40;
const BUCKETS = (MAX_EXPONENT - SUB_BUCKET_BITS + 2) * SUB_BUCKETS;

export interface LatencySummaryMs {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private sumUs = 0;
  private maxUs = 0;

  get count(): number {
    return this.total;
  }

  record(valueUs: number): void {
    const v = valueUs < 0 ? 0 : Math.floor(valueUs);
    this.counts[bucketOf(v)]! += 1;
    this.total += 1;
    this.sumUs += v;
    if (v > this.maxUs) this.maxUs = v;
  }

  meanUs(): number {
    return this.total === 0 ? 0 : this.sumUs / this.total;
  }

  /** The value at quantile q (0..1), as the midpoint of its bucket, never above the max seen. */
  quantileUs(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      // The last bucket also holds every value beyond the range: report the max seen there.
      if (seen >= rank) return b === BUCKETS - 1 ? this.maxUs : Math.min(bucketMidpoint(b), this.maxUs);
    }
    return this.maxUs;
  }

  summaryMs(): LatencySummaryMs {
    return {
      mean: this.meanUs() / 1000,
      p50: this.quantileUs(0.5) / 1000,
      p95: this.quantileUs(0.95) / 1000,
      p99: this.quantileUs(0.99) / 1000,
    };
  }
}

function bucketOf(v: number): number {
  if (v < SUB_BUCKETS) return v;
  // Values below 2^31 µs (35 min), nearly all of them, take integer bit arithmetic: the general
  // path's log2 and divisions cost several times more, and every processed message lands here.
  if (v < 2147483648) {
    const e31 = 31 - Math.clz32(v);
    return (e31 - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + ((v >>> (e31 - SUB_BUCKET_BITS)) - SUB_BUCKETS);
  }
  // exponent e: v in [2^e, 2^(e+1)), e >= SUB_BUCKET_BITS
  const e = v >= 2 ** MAX_EXPONENT ? MAX_EXPONENT : Math.floor(Math.log2(v));
  const clamped = Math.min(v, 2 ** (MAX_EXPONENT + 1) - 1);
  const shift = e - SUB_BUCKET_BITS;
  const sub = Math.floor(clamped / 2 ** shift) - SUB_BUCKETS; // 0..SUB_BUCKETS-1
  return (e - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + Math.min(sub, SUB_BUCKETS - 1);
}

function bucketMidpoint(b: number): number {
  if (b < SUB_BUCKETS) return b;
  const e = Math.floor(b / SUB_BUCKETS) - 1 + SUB_BUCKET_BITS;
  const sub = b % SUB_BUCKETS;
  const width = 2 ** (e - SUB_BUCKET_BITS);
  const low = 2 ** e + sub * width;
  return low + (width - 1) / 2;
}
