import type { Rng } from '../kernel/rng';
import type { Histogram } from '../metrics/histogram';
import type { PublisherSpec, WorkerSpec, ExchangeType } from '../scenario/queueTypes';
import type { MessagePool } from './messagePool';
import type { SlotDeque } from './slotDeque';
import type { FifoGroups } from './fifo';
import type { DedupWindow } from './dedupWindow';

/** Bounds of the queue brokers; breaching one stops the run with a LimitError naming it. */
export interface QueueLimits {
  /** Most message copies held at once, in every queue and by every worker together. */
  queueMessagesMax: number;
  /** Most requests one publisher may wait for at once (request-reply). */
  pendingRequestsMax: number;
  /** Most FIFO deduplication ids remembered per queue (5 minutes' worth). */
  dedupIdsMax: number;
}

export const defaultQueueLimits: QueueLimits = {
  queueMessagesMax: 8_000_000,
  pendingRequestsMax: 1_000_000,
  dedupIdsMax: 2_000_000,
};

/** Counters of one queue. Conservation: published = acked + depth + inFlight + deadLettered + expired + dropped + rejected + deduplicated. */
export interface QueueCounters {
  /** Copies that arrived at the queue (from publishers, exchanges, SNS or dead-lettering), refused ones included. */
  published: number;
  /** Copies acknowledged (RabbitMQ basic.ack, or on delivery with autoAck) or deleted (SQS DeleteMessage). */
  acked: number;
  /** Deliveries (RabbitMQ) or receives (SQS), every redelivery included. */
  delivered: number;
  /** Deliveries of a copy beyond its first. */
  redelivered: number;
  /** Distinct copies whose processing completed at least once. */
  processed: number;
  /** Completed processings of a copy beyond its first: its side effect ran again. */
  duplicates: number;
  /** Copies sent on to a dead-letter exchange or a dead-letter queue. */
  deadLettered: number;
  /** Copies that reached their TTL with no dead-letter exchange to go to. */
  expired: number;
  /** Copies dropped: overflow (drop-head), rejection or delivery limit with no dead-letter exchange, or a dead-letter cycle. */
  dropped: number;
  /** Publishes refused because the queue was full (overflow reject-publish). */
  rejected: number;
  /** FIFO sends dropped as duplicates of a deduplication id seen within 5 minutes. */
  deduplicated: number;
  /** autoAck deliveries whose worker crashed before processing them: acknowledged, never processed. */
  lost: number;
  /** Processings that failed (nack, reject, or an SQS message left to time out). */
  failedAttempts: number;
  /** SQS receives that returned no message. */
  emptyReceives: number;
  /** SQS deletes with a stale receipt handle (the message had been received again): the message stays. */
  staleDeletes: number;
}

export type QueueKind = 'classic' | 'quorum' | 'standard' | 'fifo';

/** One RabbitMQ or SQS queue at run time. */
export interface QueueRt extends QueueCounters {
  readonly index: number;
  readonly name: string;
  readonly broker: 'rabbitmq' | 'sqs';
  readonly kind: QueueKind;
  /** Ready (visible) copies in delivery order; FIFO queues keep theirs in `fifo` instead. */
  readonly ready: SlotDeque;
  readonly fifo: FifoGroups | null;
  readonly dedup: DedupWindow | null;
  /** Indexes of the workers consuming the queue. */
  readonly consumers: number[];
  /** Where the next RabbitMQ push starts looking for a consumer with prefetch room (round robin). */
  pushCursor: number;
  /** SQS workers waiting in a long poll, first come first served. */
  readonly waiters: number[];
  /** x-message-ttl, µs; Infinity: none. */
  readonly messageTtlUs: number;
  /** x-max-length; Infinity: none. */
  readonly maxLength: number;
  readonly overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  /** Exchange index of x-dead-letter-exchange, or -1. */
  readonly deadLetterExchange: number;
  /** Interned x-dead-letter-routing-key, or -1: keep the message's own. */
  readonly deadLetterKey: number;
  /** Returns allowed before a copy is dead-lettered (quorum delivery-limit); Infinity: no limit. */
  readonly deliveryLimit: number;
  readonly visibilityTimeoutUs: number;
  /** Long-poll wait of a receive when the worker does not set its own, µs. */
  readonly receiveWaitUs: number;
  /** Receives before a copy moves to the dead-letter queue; Infinity: no redrive. */
  readonly maxReceiveCount: number;
  /** Queue index of the redrive target, or -1. */
  readonly deadLetterQueue: number;
  /** The requester (publisher index) that consumes this reply queue, or -1. */
  readonly replyOwner: number;
  inFlight: number;
  /** Arrival counter: the seq of the next copy. */
  nextSeq: number;
  /** When the head-expiry timer fires, µs (Infinity: none armed), and its token. */
  expiryAtUs: number;
  expiryToken: number;
  /** End to end, publish → first successful processing, of this queue's copies. */
  readonly latency: Histogram;
}

/** A binding compiled for routing. */
export interface BindingRt {
  readonly queue: number;
  readonly key: string;
  /** The binding key's words (topic exchanges). */
  readonly words: readonly string[];
  readonly headers: readonly (readonly [string, string])[];
  readonly matchAll: boolean;
}

export interface ExchangeRt {
  readonly index: number;
  /** "" for the default exchange. */
  readonly name: string;
  readonly type: ExchangeType;
  readonly bindings: BindingRt[];
  /** Target queues by (routing key, header table), computed once: routing is pure. */
  readonly routeCache: Map<number, Int32Array>;
  /** Messages it routed to at least one queue. */
  routed: number;
  /** Messages that matched no binding and were dropped (no alternate exchange). */
  unroutable: number;
}

export interface SnsTopicRt {
  readonly index: number;
  readonly name: string;
  readonly fifo: boolean;
  /** Queue indexes of the subscribed SQS queues. */
  readonly subscriptions: Int32Array;
  published: number;
}

export interface PublisherRt {
  readonly index: number;
  readonly spec: PublisherSpec;
  readonly target: 'exchange' | 'sqs' | 'sns';
  /** Exchange, queue or SNS topic index. */
  readonly targetIndex: number;
  ratePerSec: number;
  nextArrivalExactUs: number;
  arrivalToken: number;
  readonly arrivalRng: Rng;
  /** Draws routing keys, header tables, message groups and duplicate sends. */
  readonly pickRng: Rng;
  /** Interned routing keys and header tables it draws from. */
  readonly keys: Int32Array;
  readonly headerSets: Int32Array;
  /** Interned message groups "g-0"…, or null for non-FIFO targets. */
  readonly groups: Int32Array | null;
  /** Per-message TTL, µs; Infinity: none. */
  readonly expirationUs: number;
  /** Messages sent (a duplicate send counts once more). */
  sent: number;
  /** Extra sends of a message (duplicateRate). */
  duplicateSends: number;
  /** Request-reply: the reply queue index, or -1. */
  readonly replyQueue: number;
  readonly requestTimeoutUs: number;
  /** Requests waiting for their reply: request message id → send time, µs. */
  readonly pending: Map<number, number>;
  replies: number;
  timedOut: number;
  late: number;
  readonly roundTrip: Histogram;
}

export interface WorkerPoolRt {
  readonly index: number;
  readonly spec: WorkerSpec;
  readonly queue: number;
  /** Global indexes of its workers, by instance. */
  readonly workers: number[];
  /** Unacknowledged deliveries per worker; Infinity: unlimited. Changeable live. */
  prefetch: number;
  /** Interned routing keys and message groups that always fail. */
  readonly poisonKeys: ReadonlySet<number>;
  readonly poisonGroups: ReadonlySet<number>;
}

/** One worker process (a consumer on a channel, or an SQS polling loop). */
export interface WorkerRt {
  readonly index: number;
  readonly pool: WorkerPoolRt;
  readonly instance: number;
  /** "<pool id>-<instance>". */
  readonly name: string;
  readonly queue: number;
  alive: boolean;
  /** Incremented on a crash, so the dead process's pending events are ignored. */
  epoch: number;
  /** Deliveries received and not yet processed, with their receipt serials. */
  readonly buffer: SlotDeque;
  /** Slot being processed, or -1, and its receipt serial. */
  current: number;
  currentReceipt: number;
  processingMs: () => number;
  readonly failureRng: Rng;
  /** Current poll's token: a stale long-poll timeout or wait is ignored. */
  pollToken: number;
  /** In a queue's long-poll waiters. */
  waiting: boolean;
  busyUs: number;
  busySinceUs: number;
}

/** The queue-style brokers of a simulation: the part of the world that queues/ owns. */
export interface QueueWorld {
  readonly pool: MessagePool;
  /** Index 0 is the default exchange "". */
  readonly exchanges: ExchangeRt[];
  readonly queues: QueueRt[];
  readonly rabbitQueueByName: ReadonlyMap<string, number>;
  readonly snsTopics: SnsTopicRt[];
  readonly publishers: PublisherRt[];
  readonly pools: WorkerPoolRt[];
  readonly workers: WorkerRt[];
  /** Interned routing keys. */
  readonly keys: string[];
  readonly keyIndex: Map<string, number>;
  /** Interned header tables. */
  readonly headerSets: readonly Readonly<Record<string, string>>[];
  /** Interned FIFO message group ids. */
  readonly groupNames: string[];
  nextMessageId: number;
  nextReceipt: number;
  readonly limits: QueueLimits;
}
