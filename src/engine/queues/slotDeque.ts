import { InvariantError, LimitError } from '../kernel/assert';

const INITIAL_CAPACITY = 16;

/**
 * A double-ended queue of int32 values (message slots, worker or group indexes) with an optional
 * float64 tag beside each (a delivery's receipt serial), in a ring of typed arrays that doubles
 * on demand up to `capacityMax`; one more is a LimitError naming `limitName`. A queue's ready
 * messages, a worker's prefetched deliveries and a FIFO group's backlog are each one of these, so
 * a run of millions of messages allocates nothing per message.
 */
export class SlotDeque {
  private values: Int32Array;
  private tags: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly capacityMax: number,
    private readonly limitName: string,
    private readonly what: string,
    initialCapacity = INITIAL_CAPACITY,
  ) {
    const capacity = Math.max(1, Math.min(initialCapacity, capacityMax));
    this.values = new Int32Array(capacity);
    this.tags = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  pushBack(value: number, tag = 0): void {
    if (this.count === this.values.length) this.grow();
    const at = (this.head + this.count) % this.values.length;
    this.values[at] = value;
    this.tags[at] = tag;
    this.count++;
  }

  pushFront(value: number, tag = 0): void {
    if (this.count === this.values.length) this.grow();
    this.head = (this.head - 1 + this.values.length) % this.values.length;
    this.values[this.head] = value;
    this.tags[this.head] = tag;
    this.count++;
  }

  /** The value at position i from the front (0 is the head). */
  at(i: number): number {
    if (!(i >= 0 && i < this.count)) this.fail(`position ${i} of ${this.count}`);
    return this.values[(this.head + i) % this.values.length]!;
  }

  /** The tag at position i from the front. */
  tagAt(i: number): number {
    if (!(i >= 0 && i < this.count)) this.fail(`position ${i} of ${this.count}`);
    return this.tags[(this.head + i) % this.values.length]!;
  }

  /** The head's value; the deque must not be empty. */
  peek(): number {
    if (this.count === 0) this.fail('peek on an empty deque');
    return this.values[this.head]!;
  }

  /** The head's tag, read before popFront() removes it. */
  peekTag(): number {
    if (this.count === 0) this.fail('peek on an empty deque');
    return this.tags[this.head]!;
  }

  popFront(): number {
    if (this.count === 0) this.fail('pop from an empty deque');
    const value = this.values[this.head]!;
    this.head = (this.head + 1) % this.values.length;
    this.count--;
    return value;
  }

  /** Inserts value at position i (0: the front), shifting later entries back. */
  insertAt(i: number, value: number, tag = 0): void {
    if (!(i >= 0 && i <= this.count)) this.fail(`insert at ${i} of ${this.count}`);
    this.pushBack(value, tag);
    const capacity = this.values.length;
    for (let j = this.count - 1; j > i; j--) {
      const to = (this.head + j) % capacity;
      const from = (this.head + j - 1) % capacity;
      this.values[to] = this.values[from]!;
      this.tags[to] = this.tags[from]!;
    }
    const at = (this.head + i) % capacity;
    this.values[at] = value;
    this.tags[at] = tag;
  }

  /** Removes the first entry equal to value; returns whether there was one. */
  remove(value: number): boolean {
    const capacity = this.values.length;
    for (let i = 0; i < this.count; i++) {
      if (this.values[(this.head + i) % capacity] !== value) continue;
      for (let j = i; j < this.count - 1; j++) {
        const to = (this.head + j) % capacity;
        const from = (this.head + j + 1) % capacity;
        this.values[to] = this.values[from]!;
        this.tags[to] = this.tags[from]!;
      }
      this.count--;
      return true;
    }
    return false;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  // Kept out of the hot methods so that they stay small and build no message unless they fail.
  private fail(detail: string): never {
    throw new InvariantError(`${this.what}: ${detail}`);
  }

  private grow(): void {
    const capacity = this.values.length;
    if (capacity >= this.capacityMax) {
      throw new LimitError(this.limitName, this.capacityMax, `${this.what} is full`);
    }
    const next = Math.min(capacity * 2, this.capacityMax);
    const values = new Int32Array(next);
    const tags = new Float64Array(next);
    for (let i = 0; i < this.count; i++) {
      values[i] = this.values[(this.head + i) % capacity]!;
      tags[i] = this.tags[(this.head + i) % capacity]!;
    }
    this.values = values;
    this.tags = tags;
    this.head = 0;
  }
}
