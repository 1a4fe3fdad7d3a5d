import { assert } from '../kernel/assert';

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

  private capacity: number; // a power of two, so ring indexes are masks, not divisions
  private mask: number;
  private head = 0; // ring index of memoryStartOffset
  private recordIds: Float64Array;
  private keyIndexes: Int32Array;
  private createdAtUs: Float64Array;

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
  }

  /** Records held in memory. */
  get retainedCount(): number {
    return this.logEndOffset - this.memoryStartOffset;
  }

  /** Appends one record and returns its offset. The caller enforces the global memory budget. */
  append(recordId: number, keyIndex: number, createdAtUs: number): number {
    if (this.retainedCount === this.capacity) this.grow();
    const slot = (this.head + this.retainedCount) & this.mask;
    this.recordIds[slot] = recordId;
    this.keyIndexes[slot] = keyIndex;
    this.createdAtUs[slot] = createdAtUs;
    return this.logEndOffset++;
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
    for (let i = 0; i < count; i++) {
      const slot = (this.head + i) & this.mask;
      recordIds[i] = this.recordIds[slot]!;
      keyIndexes[i] = this.keyIndexes[slot]!;
      createdAtUs[i] = this.createdAtUs[slot]!;
    }
    this.recordIds = recordIds;
    this.keyIndexes = keyIndexes;
    this.createdAtUs = createdAtUs;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
