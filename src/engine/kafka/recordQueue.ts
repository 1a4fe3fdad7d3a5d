import { assert } from '../kernel/assert';
import { LimitError } from '../kernel/assert';
import { compactOnCopy } from '../kernel/copyHooks';

/**
 * A FIFO of records that are not yet in a log (a producer's accumulator and its in-flight
 * batches), stored column-wise in a ring that doubles up to `capacityMax`.
 */
export class RecordQueue {
  private capacity = 16;
  private mask = 15;
  private head = 0;
  private count = 0;
  private ids = new Float64Array(16);
  private keys = new Int32Array(16);
  private created = new Float64Array(16);

  static {
    // A checkpoint keeps the queued records, not the ring's peak size (the copy grows again on demand).
    compactOnCopy(RecordQueue.prototype, (queue: RecordQueue) => {
      let capacity = 16;
      while (capacity < queue.count) capacity *= 2;
      const ids = new Float64Array(capacity);
      const keys = new Int32Array(capacity);
      const created = new Float64Array(capacity);
      for (let i = 0; i < queue.count; i++) {
        const slot = (queue.head + i) & queue.mask;
        ids[i] = queue.ids[slot]!;
        keys[i] = queue.keys[slot]!;
        created[i] = queue.created[slot]!;
      }
      return { capacity, mask: capacity - 1, head: 0, ids, keys, created };
    });
  }

  constructor(
    /** Most records this queue may hold (e.g. buffer.memory / record size). */
    readonly capacityMax: number,
    /** Names the queue in limit errors. */
    readonly label: string,
  ) {}

  get size(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count >= this.capacityMax;
  }

  push(recordId: number, keyIndex: number, createdAtUs: number): void {
    if (this.count >= this.capacityMax) {
      throw new LimitError('recordQueueMax', this.capacityMax, `${this.label} is full`);
    }
    if (this.count === this.capacity) this.grow();
    const slot = (this.head + this.count) & this.mask;
    this.ids[slot] = recordId;
    this.keys[slot] = keyIndex;
    this.created[slot] = createdAtUs;
    this.count++;
  }

  /** Fields of the i-th oldest record. */
  idAt(i: number): number {
    return this.ids[(this.head + i) & this.mask]!;
  }
  keyAt(i: number): number {
    return this.keys[(this.head + i) & this.mask]!;
  }
  createdAt(i: number): number {
    return this.created[(this.head + i) & this.mask]!;
  }

  /** Drops the n oldest records. */
  drop(n: number): void {
    assert(n <= this.count, () => `cannot drop ${n} of ${this.count} records from ${this.label}`);
    this.head = (this.head + n) & this.mask;
    this.count -= n;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const ids = new Float64Array(capacity);
    const keys = new Int32Array(capacity);
    const created = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) & this.mask;
      ids[i] = this.ids[slot]!;
      keys[i] = this.keys[slot]!;
      created[i] = this.created[slot]!;
    }
    this.ids = ids;
    this.keys = keys;
    this.created = created;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
