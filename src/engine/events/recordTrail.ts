/**
 * Every step of every record's life, with its exact simulated time, in a fixed-capacity ring of
 * typed arrays: the message inspector reads a record's whole life from it (events/recordLife.ts).
 *
 * Why a ring and not a tracer that re-runs the simulation for one watched record: the inspector
 * must answer for any record a learner clicks, after the fact, and re-deriving a life means
 * re-running from the last checkpoint up to now for every click. A ring costs a few typed-array
 * writes per step (no allocation on the hot path), answers at once, and its memory is fixed:
 * `capacity` entries of 45 bytes. Its limit is honest: it covers the most recent entries only,
 * and `total` tells a view how many were overwritten.
 *
 * The state is plain data (numbers and typed arrays, no closures, no class), so a whole-simulation
 * checkpoint can deep-copy it with the rest of the world.
 *
 * An entry names its records in one of two ways:
 * - by **record id** (`partition` = -1, `from` = the id) before the record has an offset:
 *   produced, batched, and lost on the way to the leader;
 * - by **offset range** (`partition` = global partition index, offsets `from` ≤ o < `to`) once it
 *   is in a log: one entry covers every record of a high-watermark move, a poll or a commit, so
 *   those cost one entry per batch, not per record. Appends are written per record, because the
 *   appended entry is what ties a record id to its offset once the log has trimmed the record.
 */

/** What one trail entry records. The fields `a`, `b`, `c` mean what each kind says. */
export const TrailKind = {
  /** send() at `timeUs`. a = producer index, b = global partition chosen, c = key index (-1: null key). */
  produced: 1,
  /** Its batch was sealed. a = producer index, b = BatchReason, c = records in the batch. */
  batched: 2,
  /** The leader wrote the record at offset `from` (one entry per record). a = leader broker id, b = send attempt (1 = first), c = record id. */
  appended: 3,
  /** The high watermark passed [from, to). a = leader broker id, b = in-sync replicas, c = bit mask of their broker ids. */
  replicated: 4,
  /** A poll returned [from, to). a = consumer index, b = that consumer's poll number (1 = its first), c = group index. */
  fetched: 5,
  /** Processing completed. a = Worker (see `worker`), b = attempt (1 = first delivery), c = group index. */
  processed: 6,
  /** Processing failed. a = Worker, b = attempt, c = FailureCause. */
  failed: 7,
  /** A retry was scheduled after attempt b. a = Worker, b = attempt that failed, c = back-off, µs. */
  retried: 8,
  /** A commit moved the group's offset from `from` to `to`. a = consumer index, b = CommitReason, c = group index. */
  committed: 9,
  /** Recovered to the group's dead-letter topic. a = group index, b = attempts made, c = index in the group's dead-letter store. */
  deadLettered: 10,
  /** It can never be processed. a = LossReason, b = group index or -1 (every group), c = attempts (skips) or 0. */
  lost: 11,
} as const;
export type TrailKindCode = (typeof TrailKind)[keyof typeof TrailKind];

/** Why a batch was sealed (TrailKind.batched's b). */
export const BatchReason = {
  /** One more record would pass batch.size. */
  full: 1,
  /** linger.ms ran out (or is 0) and the sender had room for it. */
  linger: 2,
  /** delivery.timeout.ms ran out while it was still open: sealed to be failed. */
  expired: 3,
} as const;

/** Which commit covered a record (TrailKind.committed's b). */
export const CommitReason = {
  /** commitSync after the poll's records were processed (commit: after-process). */
  afterProcess: 1,
  /** Committed before processing (commit: before-process, at-most-once). */
  beforeProcess: 2,
  /** Auto-commit inside poll(), every auto.commit.interval.ms. */
  auto: 3,
  /** The error handler committed what was processed before the failed record. */
  afterFailure: 4,
  /** onPartitionsRevoked committed before giving the partition up. */
  revoked: 5,
} as const;

/** Why a record can never be processed (TrailKind.lost's a). */
export const LossReason = {
  /** acks=0: the batch reached no leader and nobody retried it. */
  acksZero: 1,
  /** The producer gave up: delivery.timeout.ms passed or retries ran out (never written). */
  sendFailed: 2,
  /** Its offsets were cut from the log (a new leader without them: unclean election or acks=1 leader crash). */
  truncated: 3,
  /** Retries ran out and the group has no dead-letter topic: logged and skipped. */
  skipped: 4,
} as const;

/**
 * Who processed a record: a consumer (index ≥ 0), or the listener of a group's retry-topic
 * partition, stored as -(group index + 1).
 */
export function retryListenerWorker(groupIndex: number): number {
  return -(groupIndex + 1);
}

export interface RecordTrail {
  /** Entries the ring holds at most. */
  readonly capacity: number;
  /** Slot the next entry goes to. */
  next: number;
  /** Entries ever written (the ring holds the last min(total, capacity)). */
  total: number;
  readonly kind: Uint8Array;
  /** Simulated time of the step, µs. */
  readonly timeUs: Float64Array;
  /** Global partition index of an offset-keyed entry; -1 for an entry keyed by record id. */
  readonly partition: Int32Array;
  /** First offset, or the record id. */
  readonly from: Float64Array;
  /** Offset just past the range (from + 1 for one record); unused for id-keyed entries. */
  readonly to: Float64Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Float64Array;
  /** Polls per consumer index so far, so a fetched entry can say which poll it was. */
  readonly polls: number[];
}

/** Default capacity (2.9 MB): at 1,000 records/s (~4 entries per record plus one per batch, poll and commit), the last ~10 s of a run. */
export const RECORD_TRAIL_CAPACITY = 1 << 16;

export function createRecordTrail(capacity: number = RECORD_TRAIL_CAPACITY): RecordTrail {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`recordTrail capacity must be a whole number ≥ 1, got ${capacity}`);
  return {
    capacity,
    next: 0,
    total: 0,
    kind: new Uint8Array(capacity),
    timeUs: new Float64Array(capacity),
    partition: new Int32Array(capacity),
    from: new Float64Array(capacity),
    to: new Float64Array(capacity),
    a: new Int32Array(capacity),
    b: new Int32Array(capacity),
    c: new Float64Array(capacity),
    polls: [],
  };
}

/** Writes one entry, overwriting the oldest when the ring is full. */
export function trailAdd(trail: RecordTrail, kind: TrailKindCode, timeUs: number, partition: number, from: number, to: number, a: number, b: number, c: number): void {
  const i = trail.next;
  trail.kind[i] = kind;
  trail.timeUs[i] = timeUs;
  trail.partition[i] = partition;
  trail.from[i] = from;
  trail.to[i] = to;
  trail.a[i] = a;
  trail.b[i] = b;
  trail.c[i] = c;
  trail.next = i + 1 === trail.capacity ? 0 : i + 1;
  trail.total++;
}

/** Counts one more poll of a consumer and returns its number (1 = first). */
export function trailNextPoll(trail: RecordTrail, consumerIndex: number): number {
  const n = (trail.polls[consumerIndex] ?? 0) + 1;
  trail.polls[consumerIndex] = n;
  return n;
}

/** Slots of the retained entries, oldest first. */
export function trailSlots(trail: RecordTrail): number[] {
  const n = Math.min(trail.total, trail.capacity);
  const start = (trail.next - n + trail.capacity) % trail.capacity;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (start + i) % trail.capacity;
  return out;
}

/** Time of the oldest retained entry when older ones were overwritten, µs; else null. */
export function trailEvictedBeforeUs(trail: RecordTrail): number | null {
  if (trail.total <= trail.capacity) return null;
  return trail.timeUs[trail.next]!;
}
