import { assert } from '../kernel/assert';
import { compactOnCopy } from '../kernel/copyHooks';

/**
 * One partition's append-only log.
 *
 * Offsets run from 0 for ever. The engine keeps in memory only the records some consumer group
 * may still need (from `memoryStartOffset` to `logEndOffset`); records every group has finished
 * with are trimmed, so memory stays flat however long a run lasts. Trimming is invisible to the
 * model: `logStartOffset` (what Kafka reports) only moves with retention.
 *
 * Records are stored column-wise in ring buffers (no object per record) because the hot path
 * appends and reads millions of them.
 */
export class PartitionLog {
  /** Offset of the next record to be appended (Kafka's log-end offset, LEO). */
  logEndOffset = 0;
  /** Offsets below this are visible to consumers (every in-sync replica has them). */
  highWatermark = 0;
  /** First offset still in the log as Kafka would report it (moves only with retention). */
  logStartOffset = 0;
  /** First offset whose record is still held in memory. */
  memoryStartOffset = 0;

  // The ledger of what the consumer groups are owed (see cluster/highWatermark.ts). An entry is
  // owed once the producer was told it is written (acks 0 or 1) or it became visible (below the
  // high watermark), whichever comes first; then every subscribed group owes it a fate.
  /** Owed entries at or above the high watermark (acks 0 / 1 writes not yet replicated). */
  owedAboveHighWatermark = 0;
  /** Owed records on their way to this partition (acks=0 sends count as acknowledged when sent). */
  owedInFlight = 0;
  /** Owed records that left the log (truncated) or never reached it (acks=0 to no leader), ever. */
  owedRemoved = 0;

  private capacity: number; // a power of two, so ring indexes are masks, not divisions
  private mask: number;
  private head = 0; // ring index of memoryStartOffset
  private recordIds: Float64Array;
  private keyIndexes: Int32Array;
  private createdAtUs: Float64Array;
  private producers: Int16Array; // index of the producer that wrote it, -1 for other writers
  private sequences: Int32Array; // idempotent producer's sequence number, -1 without idempotence
  private owed: Uint8Array; // 1 once the groups owe the entry a fate

  static {
    // A checkpoint keeps the records held in memory, not the ring they sit in: the ring keeps its
    // peak size after consumers catch up. The copy's ring is the smallest power of two that holds them.
    compactOnCopy(PartitionLog.prototype, (log: PartitionLog) => {
      const count = log.retainedCount;
      const capacity = powerOfTwoAtLeast(count);
      const copy = { capacity, mask: capacity - 1, head: 0 } as Record<string, unknown>;
      for (const field of ['recordIds', 'keyIndexes', 'createdAtUs', 'producers', 'sequences', 'owed'] as const) {
        copy[field] = unrolled(log[field], log.head, log.mask, count, capacity);
      }
      return copy;
    });
  }

  constructor(
    /** Index of this partition across all topics. */
    readonly globalIndex: number,
    readonly topicIndex: number,
    readonly partition: number,
    initialCapacity = 256,
  ) {
    assert((initialCapacity & (initialCapacity - 1)) === 0, 'initialCapacity must be a power of two');
    this.capacity = initialCapacity;
    this.mask = initialCapacity - 1;
    this.recordIds = new Float64Array(initialCapacity);
    this.keyIndexes = new Int32Array(initialCapacity);
    this.createdAtUs = new Float64Array(initialCapacity);
    this.producers = new Int16Array(initialCapacity);
    this.sequences = new Int32Array(initialCapacity);
    this.owed = new Uint8Array(initialCapacity);
  }

  /** Records held in memory. */
  get retainedCount(): number {
    return this.logEndOffset - this.memoryStartOffset;
  }

  /**
   * Appends one record and returns its offset. The caller enforces the global memory budget.
   * `producerIndex` and `sequence` identify an idempotent write (-1: none); `owed` says whether
   * the groups already owe it a fate (an acks 0 / 1 write is owed from its append).
   */
  append(recordId: number, keyIndex: number, createdAtUs: number, producerIndex = -1, sequence = -1, owed = false): number {
    if (this.retainedCount === this.capacity) this.grow();
    const slot = (this.head + this.retainedCount) & this.mask;
    this.recordIds[slot] = recordId;
    this.keyIndexes[slot] = keyIndex;
    this.createdAtUs[slot] = createdAtUs;
    this.producers[slot] = producerIndex;
    this.sequences[slot] = sequence;
    this.owed[slot] = owed ? 1 : 0;
    return this.logEndOffset++;
  }

  producerAt(offset: number): number {
    return this.producers[this.slotOf(offset)]!;
  }

  sequenceAt(offset: number): number {
    return this.sequences[this.slotOf(offset)]!;
  }

  isOwedAt(offset: number): boolean {
    return this.owed[this.slotOf(offset)] === 1;
  }

  /** Marks the entries in [from, to) owed; returns how many were not owed before. */
  markOwed(from: number, to: number): number {
    let newly = 0;
    for (let offset = from; offset < to; offset++) {
      const slot = this.slotOf(offset);
      if (this.owed[slot] === 0) {
        this.owed[slot] = 1;
        newly++;
      }
    }
    return newly;
  }

  /** Owed entries in [from, to). */
  countOwed(from: number, to: number): number {
    let count = 0;
    for (let offset = from; offset < to; offset++) count += this.owed[this.slotOf(offset)]!;
    return count;
  }

  /**
   * Removes every entry at or above `offset` (a replica truncating to its new leader's log), so
   * the next append reuses that offset. Returns how many entries held in memory were removed.
   * Entries below the memory start are not held, so truncating below it just forgets them.
   */
  truncateTo(offset: number): number {
    assert(offset >= this.logStartOffset && offset <= this.logEndOffset, () => `cannot truncate partition ${this.partition} to ${offset} (log ${this.logStartOffset}..${this.logEndOffset})`);
    const removed = this.logEndOffset - Math.max(offset, this.memoryStartOffset);
    if (offset < this.memoryStartOffset) this.memoryStartOffset = offset;
    this.logEndOffset = offset;
    if (this.highWatermark > offset) this.highWatermark = offset;
    return removed;
  }

  recordIdAt(offset: number): number {
    return this.recordIds[this.slotOf(offset)]!;
  }

  keyIndexAt(offset: number): number {
    return this.keyIndexes[this.slotOf(offset)]!;
  }

  createdAtUsAt(offset: number): number {
    return this.createdAtUs[this.slotOf(offset)]!;
  }

  /** Forgets records below `offset` (every group is done with them). Returns how many were dropped. */
  trimMemoryTo(offset: number): number {
    const target = Math.min(offset, this.logEndOffset);
    if (target <= this.memoryStartOffset) return 0;
    const dropped = target - this.memoryStartOffset;
    this.head = (this.head + dropped) & this.mask;
    this.memoryStartOffset = target;
    return dropped;
  }

  private slotOf(offset: number): number {
    assert(
      offset >= this.memoryStartOffset && offset < this.logEndOffset,
      () => `offset ${offset} of partition ${this.partition} is not held (held: ${this.memoryStartOffset}..${this.logEndOffset - 1})`,
    );
    return (this.head + (offset - this.memoryStartOffset)) & this.mask;
  }

  private grow(): void {
    const count = this.retainedCount;
    const capacity = this.capacity * 2;
    const recordIds = new Float64Array(capacity);
    const keyIndexes = new Int32Array(capacity);
    const createdAtUs = new Float64Array(capacity);
    const producers = new Int16Array(capacity);
    const sequences = new Int32Array(capacity);
    const owed = new Uint8Array(capacity);
    for (let i = 0; i < count; i++) {
      const slot = (this.head + i) & this.mask;
      recordIds[i] = this.recordIds[slot]!;
      keyIndexes[i] = this.keyIndexes[slot]!;
      createdAtUs[i] = this.createdAtUs[slot]!;
      producers[i] = this.producers[slot]!;
      sequences[i] = this.sequences[slot]!;
      owed[i] = this.owed[slot]!;
    }
    this.recordIds = recordIds;
    this.keyIndexes = keyIndexes;
    this.createdAtUs = createdAtUs;
    this.producers = producers;
    this.sequences = sequences;
    this.owed = owed;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.head = 0;
  }
}

function powerOfTwoAtLeast(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}

/** A new array of `capacity` slots holding the `count` ring entries from `head`, oldest at 0. */
function unrolled<T extends Float64Array | Int32Array | Int16Array | Uint8Array>(ring: T, head: number, mask: number, count: number, capacity: number): T {
  const out = new (ring.constructor as new (length: number) => T)(capacity);
  for (let i = 0; i < count; i++) out[i] = ring[(head + i) & mask]!;
  return out;
}
