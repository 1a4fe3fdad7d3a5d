import { LimitError } from '../../kernel/assert';
import type { FailureCause } from './retryQueue';

/** One dead-lettered record as the page shows it. */
export interface DeadLetterRecord {
  /** The dead-letter topic it was published to. */
  topic: string;
  /** The record's id (stable across retries, dead-lettering and replay). */
  recordId: number;
  /** Global index of the partition it came from. */
  sourcePartition: number;
  sourceOffset: number;
  /** Processing attempts made in all, the first included. */
  attempts: number;
  cause: FailureCause;
  /** When it was dead-lettered, µs. */
  timeUs: number;
  keyIndex: number;
  createdAtUs: number;
  /** Whether a dlq-replay has re-published it. */
  replayed: boolean;
}

/**
 * A consumer group's dead-letter topics, in publication order. Kept whole in memory so that a
 * replay can re-publish any record; bounded by `capacityMax` (breaching it is a LimitError).
 * Column-wise, doubling as needed.
 */
export class DeadLetterStore {
  /** Records published, ever. */
  count = 0;
  /** Records before this index have all been replayed (replay goes oldest first). */
  replayedUpTo = 0;
  /** Dead-letter topic names; records refer to them by index. */
  readonly topicNames: string[] = [];
  /** Records per dead-letter topic, by topicNames index. */
  readonly perTopic: number[] = [];

  private capacity = 0;
  private ids = new Float64Array(0);
  private keys = new Int32Array(0);
  private created = new Float64Array(0);
  private partitions = new Int32Array(0);
  private offsets = new Float64Array(0);
  private attempts = new Int32Array(0);
  private causes = new Uint8Array(0);
  private times = new Float64Array(0);
  private topics = new Int32Array(0);

  constructor(
    readonly capacityMax: number,
    /** Names the store in limit errors. */
    readonly label: string,
  ) {}

  /** Index of a dead-letter topic's name, registering it on first use. */
  topicIndex(name: string): number {
    let index = this.topicNames.indexOf(name);
    if (index < 0) {
      index = this.topicNames.length;
      this.topicNames.push(name);
      this.perTopic.push(0);
    }
    return index;
  }

  publish(topic: number, recordId: number, keyIndex: number, createdAtUs: number, sourcePartition: number, sourceOffset: number, attempts: number, cause: FailureCause, timeUs: number): void {
    if (this.count >= this.capacityMax) {
      throw new LimitError('deadLetterRecordsMax', this.capacityMax, `${this.label} is full; lower transientRate, fix the poison keys or shorten the run`);
    }
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.ids[i] = recordId;
    this.keys[i] = keyIndex;
    this.created[i] = createdAtUs;
    this.partitions[i] = sourcePartition;
    this.offsets[i] = sourceOffset;
    this.attempts[i] = attempts;
    this.causes[i] = cause;
    this.times[i] = timeUs;
    this.topics[i] = topic;
    this.perTopic[topic]!++;
  }

  at(i: number): DeadLetterRecord {
    return {
      topic: this.topicNames[this.topics[i]!]!,
      recordId: this.ids[i]!,
      sourcePartition: this.partitions[i]!,
      sourceOffset: this.offsets[i]!,
      attempts: this.attempts[i]!,
      cause: this.causes[i]! as FailureCause,
      timeUs: this.times[i]!,
      keyIndex: this.keys[i]!,
      createdAtUs: this.created[i]!,
      replayed: i < this.replayedUpTo,
    };
  }

  private grow(): void {
    const capacity = Math.min(Math.max(64, this.capacity * 2), this.capacityMax);
    const copy = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.ids = copy(this.ids, new Float64Array(capacity));
    this.keys = copy(this.keys, new Int32Array(capacity));
    this.created = copy(this.created, new Float64Array(capacity));
    this.partitions = copy(this.partitions, new Int32Array(capacity));
    this.offsets = copy(this.offsets, new Float64Array(capacity));
    this.attempts = copy(this.attempts, new Int32Array(capacity));
    this.causes = copy(this.causes, new Uint8Array(capacity));
    this.times = copy(this.times, new Float64Array(capacity));
    this.topics = copy(this.topics, new Int32Array(capacity));
    this.capacity = capacity;
  }
}
