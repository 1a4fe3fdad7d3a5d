import { assert } from '../../kernel/assert';

/** Why one processing attempt failed. */
export const FailureCause = {
  /** The attempt succeeded. */
  none: 0,
  /** The record's key is poison: every attempt fails. */
  poison: 1,
  /** A transient failure (transientRate): a later attempt may succeed. */
  transient: 2,
} as const;
export type FailureCause = (typeof FailureCause)[keyof typeof FailureCause];

/** The exception message Spring would put in `kafka_dlt-exception-message`, by cause. */
export function causeMessage(cause: FailureCause): string {
  return cause === FailureCause.poison ? 'poison key: processing always fails' : 'transient processing failure';
}

/**
 * One partition of one retry topic of a consumer group: a FIFO of failed records waiting for
 * their back-off to pass (Spring's retry-topic listener pauses the partition until the head
 * record is due, so records are taken strictly in order). Stored column-wise in a ring that
 * doubles as needed; the group bounds the total (RETRY_RECORDS_MAX).
 *
 * Lifecycle of a record here: published after a failed attempt → waits until due → its retry
 * attempt runs (the head is `busy`) → removed, to succeed, go to the next retry topic, or to
 * the dead-letter topic.
 */
export class RetryQueue {
  /** A retry attempt of the head record is running. */
  busy = false;
  /** A wake-up event for this queue is scheduled. */
  wakePending = false;

  private capacity = 8;
  private mask = 7;
  private head = 0;
  private count = 0;
  private ids = new Float64Array(8);
  private keys = new Int32Array(8);
  private created = new Float64Array(8);
  private offsets = new Float64Array(8);
  private attemptsMade = new Int32Array(8);
  private due = new Float64Array(8);
  private causes = new Uint8Array(8);
  private settledBefore = new Uint8Array(8);
  private detached = new Uint8Array(8);

  constructor(
    /** Index of this queue in its group's list (the `b` of its events). */
    readonly index: number,
    /** The retry topic's name, e.g. "orders-retry-1000". */
    readonly name: string,
    /** Global index of the source partition; the retry topic partition has the same number. */
    readonly sourcePartition: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /**
   * Appends a failed record. `attempts` counts attempts made so far; `settledBefore` marks a
   * copy whose log entry already had its fate (a redelivered record that failed again).
   */
  push(recordId: number, keyIndex: number, createdAtUs: number, sourceOffset: number, attempts: number, dueUs: number, cause: FailureCause, settledBefore: boolean): void {
    if (this.count === this.capacity) this.grow();
    const slot = (this.head + this.count) & this.mask;
    this.ids[slot] = recordId;
    this.keys[slot] = keyIndex;
    this.created[slot] = createdAtUs;
    this.offsets[slot] = sourceOffset;
    this.attemptsMade[slot] = attempts;
    this.due[slot] = dueUs;
    this.causes[slot] = cause;
    this.settledBefore[slot] = settledBefore ? 1 : 0;
    this.detached[slot] = 0;
    this.count++;
  }

  headId(): number {
    return this.ids[this.slot()]!;
  }
  headKey(): number {
    return this.keys[this.slot()]!;
  }
  headCreatedAtUs(): number {
    return this.created[this.slot()]!;
  }
  headOffset(): number {
    return this.offsets[this.slot()]!;
  }
  headAttempts(): number {
    return this.attemptsMade[this.slot()]!;
  }
  headDueUs(): number {
    return this.due[this.slot()]!;
  }
  headCause(): FailureCause {
    return this.causes[this.slot()]! as FailureCause;
  }
  headSettledBefore(): boolean {
    return this.settledBefore[this.slot()] === 1;
  }
  /** Whether the head's source log entry was truncated away (its offset now names another record). */
  headDetached(): boolean {
    return this.detached[this.slot()] === 1;
  }

  /**
   * Marks the records whose source entry is at `fromOffset` or above as detached: an unclean
   * leader election cut the source log back, so those offsets will hold other records. The
   * copies here live on (a retry topic is a topic of its own) and still owe their fate.
   */
  detachFrom(fromOffset: number): void {
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) & this.mask;
      if (this.offsets[slot]! >= fromOffset) this.detached[slot] = 1;
    }
  }

  /** Records whose log entry had no fate when they were published (slow: for invariant checks). */
  countUnsettled(): number {
    let count = 0;
    for (let i = 0; i < this.count; i++) count += 1 - this.settledBefore[(this.head + i) & this.mask]!;
    return count;
  }

  pop(): void {
    assert(this.count > 0, () => `retry topic ${this.name}: pop from an empty partition`);
    this.head = (this.head + 1) & this.mask;
    this.count--;
  }

  private slot(): number {
    assert(this.count > 0, () => `retry topic ${this.name}: the partition is empty`);
    return this.head;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const move = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => {
      for (let i = 0; i < this.count; i++) to[i] = from[(this.head + i) & this.mask]!;
      return to;
    };
    this.ids = move(this.ids, new Float64Array(capacity));
    this.keys = move(this.keys, new Int32Array(capacity));
    this.created = move(this.created, new Float64Array(capacity));
    this.offsets = move(this.offsets, new Float64Array(capacity));
    this.attemptsMade = move(this.attemptsMade, new Int32Array(capacity));
    this.due = move(this.due, new Float64Array(capacity));
    this.causes = move(this.causes, new Uint8Array(capacity));
    this.settledBefore = move(this.settledBefore, new Uint8Array(capacity));
    this.detached = move(this.detached, new Uint8Array(capacity));
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
