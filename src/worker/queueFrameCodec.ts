/**
 * The queue brokers' part of a frame (RabbitMQ exchanges and queues, SQS queues, SNS topics):
 * names, bindings, dead-letter targets and worker ids go in the layout, which changes only when
 * the topology does; depths, counters and worker activity go in the numbers, which change every
 * frame. Before this split the whole queue view travelled in the layout, so a queue scenario
 * re-sent (and re-parsed) its layout on every frame.
 */
import type { Snapshot } from '../engine';

/** An exchange with its bindings, as the engine reports it. */
export type ExchangeView = NonNullable<Snapshot['exchanges']>[number];
/** A RabbitMQ, SQS or reply queue with its workers, as the engine reports it. */
export type QueueView = NonNullable<Snapshot['queues']>[number];
/** One worker process of a queue, as the engine reports it. */
export type QueueWorkerView = QueueView['workers'][number];
/** An SNS topic and its subscribed queues, as the engine reports it. */
export type SnsTopicView = NonNullable<Snapshot['snsTopics']>[number];

type ExchangeNumbers = 'routed' | 'unroutable';
type QueueNumbers = 'depth' | 'inFlight' | 'oldestAgeMs' | 'published' | 'acked' | 'deadLettered';
type WorkerNumbers = 'alive' | 'held' | 'processing' | 'utilisation';

/** The slowly changing part of the queue brokers: what the drawing's boxes and edges depend on. */
export interface QueueFrameLayout {
  exchanges: Omit<ExchangeView, ExchangeNumbers>[];
  queues: (Omit<QueueView, QueueNumbers | 'workers'> & { workers: Omit<QueueWorkerView, WorkerNumbers>[] })[];
  snsTopics: Omit<SnsTopicView, 'published'>[];
}

/** The queue brokers' views, as the page gets them back. */
export interface QueueParts {
  exchanges: ExchangeView[];
  queues: QueueView[];
  snsTopics: SnsTopicView[];
}

// Numbers per item, in the order written below.
const EXCHANGE_SLOTS = 2; // routed, unroutable
const QUEUE_SLOTS = 6; // depth, inFlight, oldestAgeMs, published, acked, deadLettered
const WORKER_SLOTS = 4; // alive, held, processing, utilisation
const SNS_TOPIC_SLOTS = 1; // published

/** The layout of a snapshot's queue brokers, or null when the scenario has none. */
export function queueLayoutOf(snapshot: Snapshot): QueueFrameLayout | null {
  if (snapshot.queues === undefined && snapshot.exchanges === undefined && snapshot.snsTopics === undefined) return null;
  return {
    exchanges: (snapshot.exchanges ?? []).map(({ routed: _r, unroutable: _u, ...exchange }) => exchange),
    queues: (snapshot.queues ?? []).map(({ depth: _d, inFlight: _f, oldestAgeMs: _o, published: _p, acked: _a, deadLettered: _x, workers, ...queue }) => ({
      ...queue,
      workers: workers.map(({ alive: _l, held: _h, processing: _g, utilisation: _u, ...worker }) => worker),
    })),
    snsTopics: (snapshot.snsTopics ?? []).map(({ published: _p, ...topic }) => topic),
  };
}

/** Numbers the layout's queue brokers take in a frame. */
export function queueSlotCount(layout: QueueFrameLayout): number {
  let slots = EXCHANGE_SLOTS * layout.exchanges.length + SNS_TOPIC_SLOTS * layout.snsTopics.length;
  for (const queue of layout.queues) slots += QUEUE_SLOTS + WORKER_SLOTS * queue.workers.length;
  return slots;
}

/** Writes the snapshot's queue numbers into `out` from index `start`; returns the index after the last. */
export function writeQueueNumbers(snapshot: Snapshot, out: Float64Array, start: number): number {
  let i = start;
  for (const exchange of snapshot.exchanges ?? []) {
    out[i++] = exchange.routed;
    out[i++] = exchange.unroutable;
  }
  for (const queue of snapshot.queues ?? []) {
    out[i++] = queue.depth;
    out[i++] = queue.inFlight;
    out[i++] = queue.oldestAgeMs;
    out[i++] = queue.published;
    out[i++] = queue.acked;
    out[i++] = queue.deadLettered;
    for (const worker of queue.workers) {
      out[i++] = worker.alive ? 1 : 0;
      out[i++] = worker.held;
      out[i++] = worker.processing ? 1 : 0;
      out[i++] = worker.utilisation;
    }
  }
  for (const topic of snapshot.snsTopics ?? []) out[i++] = topic.published;
  return i;
}

/** The queue views back from their layout, reading numbers in order through `next`. */
export function readQueueNumbers(layout: QueueFrameLayout, next: () => number): QueueParts {
  const exchanges = layout.exchanges.map((exchange): ExchangeView => ({ ...exchange, routed: next(), unroutable: next() }));
  const queues = layout.queues.map(({ workers, ...queue }): QueueView => ({
    ...queue,
    depth: next(),
    inFlight: next(),
    oldestAgeMs: next(),
    published: next(),
    acked: next(),
    deadLettered: next(),
    workers: workers.map((worker): QueueWorkerView => ({ ...worker, alive: next() === 1, held: next(), processing: next() === 1, utilisation: next() })),
  }));
  const snsTopics = layout.snsTopics.map((topic): SnsTopicView => ({ ...topic, published: next() }));
  return { exchanges, queues, snsTopics };
}
