import { InvariantError, LimitError } from '../kernel/assert';

/** Where one message copy is. */
export const SlotState = {
  /** Not in use. */
  free: 0,
  /** In a queue, waiting for a consumer (RabbitMQ "ready", SQS "visible"). */
  ready: 1,
  /** Delivered and not yet acknowledged (RabbitMQ "unacked", SQS "in flight", invisible). */
  inFlight: 2,
  /** Left its queue (acknowledged, deleted, dead-lettered…) while a worker still holds it. */
  gone: 3,
} as const;

const INITIAL_CAPACITY = 1024;

/**
 * Every message copy in every queue, as parallel typed arrays indexed by slot. A copy is one
 * message in one queue: an exchange that routes a message to three queues makes three copies,
 * which share `messageId` and `publishedUs`. Lifecycle of a slot: free → ready (enqueued) ⇄
 * inFlight (delivered; back to ready on requeue or visibility timeout) → gone (left the queue)
 * → free once no worker holds it. Fields read on the hot path are typed arrays so that a run of
 * millions of messages allocates nothing per message; the arrays are replaced when the pool
 * grows, so read them through the pool, never keep one across an allocation.
 */
export class MessagePool {
  /** Queue index of the copy. */
  queue: Int32Array;
  state: Uint8Array;
  /** Id of the published message (shared by its copies, kept across dead-lettering). */
  messageId: Float64Array;
  /** When the publisher sent the message, µs (end-to-end latency starts here). */
  publishedUs: Float64Array;
  /** When the copy entered its queue, µs (oldest-message age starts here). */
  enqueuedUs: Float64Array;
  /** When the copy expires (per-message or per-queue TTL), µs; Infinity: never. */
  expiresUs: Float64Array;
  /** Interned routing key. */
  key: Int32Array;
  /** Interned header table. */
  headers: Int32Array;
  /** Interned FIFO message group, or -1. */
  group: Int32Array;
  /** Arrival order within its queue (FIFO groups are kept in this order). */
  seq: Float64Array;
  /** Deliveries (RabbitMQ) or receives (SQS) of this copy so far. */
  deliveries: Int32Array;
  /** Times it was returned to the queue unprocessed (a quorum queue's delivery-count). */
  returns: Int32Array;
  /** Completed processings: the first is the one that counts, each later one is a duplicate. */
  completions: Int32Array;
  /** Workers holding a delivery of it right now. */
  holders: Int32Array;
  /** Serial of its latest delivery (an SQS receipt handle): older ones are stale. */
  receipt: Float64Array;
  /** Publisher index of the requester waiting for a reply, or -1. */
  replyTo: Int32Array;
  /** Correlation id: the request's message id (on a request and on its reply). */
  correlation: Float64Array;
  /** Dead-letterings in a row with no rejection: a cycle guard (RabbitMQ drops such cycles). */
  automaticDeaths: Int32Array;

  private freeSlots: Int32Array;
  private freeCount = 0;
  private capacity: number;
  /** Slots in use (not free). */
  used = 0;

  constructor(private readonly capacityMax: number) {
    if (!(Number.isInteger(capacityMax) && capacityMax >= 1)) throw new InvariantError(`MessagePool capacityMax must be a positive integer, got ${capacityMax}`);
    const capacity = Math.min(INITIAL_CAPACITY, capacityMax);
    this.capacity = capacity;
    this.queue = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.messageId = new Float64Array(capacity);
    this.publishedUs = new Float64Array(capacity);
    this.enqueuedUs = new Float64Array(capacity);
    this.expiresUs = new Float64Array(capacity);
    this.key = new Int32Array(capacity);
    this.headers = new Int32Array(capacity);
    this.group = new Int32Array(capacity);
    this.seq = new Float64Array(capacity);
    this.deliveries = new Int32Array(capacity);
    this.returns = new Int32Array(capacity);
    this.completions = new Int32Array(capacity);
    this.holders = new Int32Array(capacity);
    this.receipt = new Float64Array(capacity);
    this.replyTo = new Int32Array(capacity);
    this.correlation = new Float64Array(capacity);
    this.automaticDeaths = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** Slots the pool may hold at most (the limit queueMessagesMax). */
  get max(): number {
    return this.capacityMax;
  }

  /** A free slot with every field reset, in state ready. */
  allocate(queue: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount]!;
    this.used++;
    this.queue[slot] = queue;
    this.state[slot] = SlotState.ready;
    this.expiresUs[slot] = Infinity;
    this.group[slot] = -1;
    this.deliveries[slot] = 0;
    this.returns[slot] = 0;
    this.completions[slot] = 0;
    this.holders[slot] = 0;
    this.receipt[slot] = -1;
    this.replyTo[slot] = -1;
    this.correlation[slot] = -1;
    this.automaticDeaths[slot] = 0;
    return slot;
  }

  /** Marks a copy gone from its queue, and frees it unless a worker still holds it. */
  release(slot: number): void {
    this.state[slot] = SlotState.gone;
    if (this.holders[slot] === 0) this.free(slot);
  }

  /** A worker lets go of its delivery; a gone copy nobody holds is freed. */
  unhold(slot: number): void {
    const holders = --this.holders[slot]!;
    if (holders < 0) throw new InvariantError(`slot ${slot} released by more workers than held it`);
    if (holders === 0 && this.state[slot] === SlotState.gone) this.free(slot);
  }

  private free(slot: number): void {
    this.state[slot] = SlotState.free;
    this.freeSlots[this.freeCount++] = slot;
    this.used--;
  }

  private grow(): void {
    const capacity = this.capacity;
    if (capacity >= this.capacityMax) {
      throw new LimitError('queueMessagesMax', this.capacityMax, 'too many message copies are held in queues and by workers at once');
    }
    const next = Math.min(capacity * 2, this.capacityMax);
    const f64 = (from: Float64Array): Float64Array => {
      const to = new Float64Array(next);
      to.set(from);
      return to;
    };
    const i32 = (from: Int32Array): Int32Array => {
      const to = new Int32Array(next);
      to.set(from);
      return to;
    };
    this.queue = i32(this.queue);
    const state = new Uint8Array(next);
    state.set(this.state);
    this.state = state;
    this.messageId = f64(this.messageId);
    this.publishedUs = f64(this.publishedUs);
    this.enqueuedUs = f64(this.enqueuedUs);
    this.expiresUs = f64(this.expiresUs);
    this.key = i32(this.key);
    this.headers = i32(this.headers);
    this.group = i32(this.group);
    this.seq = f64(this.seq);
    this.deliveries = i32(this.deliveries);
    this.returns = i32(this.returns);
    this.completions = i32(this.completions);
    this.holders = i32(this.holders);
    this.receipt = f64(this.receipt);
    this.replyTo = i32(this.replyTo);
    this.correlation = f64(this.correlation);
    this.automaticDeaths = i32(this.automaticDeaths);
    this.freeSlots = new Int32Array(next);
    // Only the new slots are free (the pool grows when none is); hand out the lowest first.
    for (let i = 0; i < next - capacity; i++) this.freeSlots[i] = next - 1 - i;
    this.freeCount = next - capacity;
    this.capacity = next;
  }
}
